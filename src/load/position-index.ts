import type { Path, PathSegment } from './path.js';

/**
 * Where each node of one YAML document starts, keyed by a 32-bit hash of its path.
 *
 * A Map of pointer strings would cost ~100 bytes per node; at 100k objects that alone is over
 * half a gigabyte. A hash, a line and a column cost 10 bytes per node, in one buffer per
 * document. A lookup compares against one document's ~100 nodes, so a collision (odds around
 * one in 40 million per lookup) could at worst put a finding on a wrong line; it can never
 * create or hide one.
 */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

const SEED = 0x811c9dc5;
const PRIME = 0x01000193;
const KEY_TAG = 0x01;
const INDEX_TAG = 0x02;
const BYTES_PER_NODE = 10;

export const ROOT_HASH = SEED;

/** FNV-1a over the segment, tagged so that key "0" and index 0 differ. */
export function childHash(parent: number, segment: PathSegment): number {
  let h = parent;
  if (typeof segment === 'number') {
    h = Math.imul(h ^ INDEX_TAG, PRIME);
    h = Math.imul(h ^ segment, PRIME);
  } else {
    h = Math.imul(h ^ KEY_TAG, PRIME);
    for (let i = 0; i < segment.length; i++) h = Math.imul(h ^ segment.charCodeAt(i), PRIME);
    h = Math.imul(h ^ segment.length, PRIME);
  }
  return h >>> 0;
}

export class PositionIndex {
  readonly #hashes: Uint32Array;
  readonly #lines: Uint32Array;
  readonly #columns: Uint16Array;

  /** `buffer` holds `size` hashes, then `size` lines, then `size` columns. */
  constructor(buffer: ArrayBuffer, size: number) {
    this.#hashes = new Uint32Array(buffer, 0, size);
    this.#lines = new Uint32Array(buffer, size * 4, size);
    this.#columns = new Uint16Array(buffer, size * 8, size);
  }

  get size(): number {
    return this.#hashes.length;
  }

  /** Position of the node at `path`, or of its nearest ancestor present in the document. */
  locate(path: Path): SourcePosition {
    const hashes = [ROOT_HASH];
    let current = ROOT_HASH;
    for (const segment of path) {
      current = childHash(current, segment);
      hashes.push(current);
    }
    for (let depth = hashes.length - 1; depth >= 0; depth--) {
      const found = this.#find(hashes[depth] ?? ROOT_HASH);
      if (found >= 0) return { line: this.#lines[found] ?? 1, column: this.#columns[found] ?? 1 };
    }
    return { line: this.#lines[0] ?? 1, column: this.#columns[0] ?? 1 };
  }

  #find(hash: number): number {
    const hashes = this.#hashes;
    // Backwards, so a duplicated key resolves to its last occurrence: the value the API server keeps.
    for (let i = hashes.length - 1; i >= 0; i--) {
      if (hashes[i] === hash) return i;
    }
    return -1;
  }

  /** The backing buffer, for moving an index between worker threads without copying. */
  toTransferable(): { buffer: ArrayBuffer; size: number } {
    const buffer = this.#hashes.buffer;
    if (!(buffer instanceof ArrayBuffer)) throw new TypeError('position index is not backed by an ArrayBuffer');
    return { buffer, size: this.#hashes.length };
  }

  static fromTransferable(data: { buffer: ArrayBuffer; size: number }): PositionIndex {
    return new PositionIndex(data.buffer, data.size);
  }
}

/** Growable builder, reused across documents; each finished index gets an exactly-sized buffer. */
export class PositionIndexBuilder {
  #hashes = new Uint32Array(256);
  #lines = new Uint32Array(256);
  #columns = new Uint16Array(256);
  #size = 0;

  add(hash: number, line: number, column: number): void {
    if (this.#size === this.#hashes.length) this.#grow();
    const i = this.#size++;
    this.#hashes[i] = hash;
    this.#lines[i] = line;
    this.#columns[i] = column > 0xffff ? 0xffff : column;
  }

  reset(): void {
    this.#size = 0;
  }

  build(): PositionIndex {
    const n = this.#size;
    const buffer = new ArrayBuffer(n * BYTES_PER_NODE);
    new Uint32Array(buffer, 0, n).set(this.#hashes.subarray(0, n));
    new Uint32Array(buffer, n * 4, n).set(this.#lines.subarray(0, n));
    new Uint16Array(buffer, n * 8, n).set(this.#columns.subarray(0, n));
    return new PositionIndex(buffer, n);
  }

  #grow(): void {
    const capacity = this.#hashes.length * 2;
    const hashes = new Uint32Array(capacity);
    hashes.set(this.#hashes);
    const lines = new Uint32Array(capacity);
    lines.set(this.#lines);
    const columns = new Uint16Array(capacity);
    columns.set(this.#columns);
    this.#hashes = hashes;
    this.#lines = lines;
    this.#columns = columns;
  }
}
