import type { Path, PathSegment } from './path.js';

/**
 * Where each node of one YAML document starts, keyed by a 64-bit hash of its path.
 *
 * A Map of pointer strings would cost ~100 bytes per node; at 100k objects that alone is over
 * half a gigabyte. Two 32-bit FNV lanes, a line and a column cost 14 bytes per node, and a hash
 * collision could at worst attach a finding to the wrong line, never create or hide one.
 */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

const LANE_A_SEED = 0x811c9dc5;
const LANE_B_SEED = 0x9e3779b9;
const LANE_A_PRIME = 0x01000193;
const LANE_B_PRIME = 0x5bd1e995;
const KEY_TAG = 0x01;
const INDEX_TAG = 0x02;

export interface PathHash {
  readonly a: number;
  readonly b: number;
}

export const ROOT_HASH: PathHash = { a: LANE_A_SEED, b: LANE_B_SEED };

function mixLane(hash: number, segment: PathSegment, prime: number): number {
  let h = hash;
  if (typeof segment === 'number') {
    h = Math.imul(h ^ INDEX_TAG, prime);
    h = Math.imul(h ^ segment, prime);
  } else {
    h = Math.imul(h ^ KEY_TAG, prime);
    for (let i = 0; i < segment.length; i++) h = Math.imul(h ^ segment.charCodeAt(i), prime);
    h = Math.imul(h ^ segment.length, prime);
  }
  return h >>> 0;
}

export function childHashA(parent: number, segment: PathSegment): number {
  return mixLane(parent, segment, LANE_A_PRIME);
}

export function childHashB(parent: number, segment: PathSegment): number {
  return mixLane(parent, segment, LANE_B_PRIME);
}

export function hashPath(path: Path, from: PathHash = ROOT_HASH): PathHash {
  let { a, b } = from;
  for (const segment of path) {
    a = childHashA(a, segment);
    b = childHashB(b, segment);
  }
  return { a, b };
}

export class PositionIndex {
  readonly #hashA: Uint32Array;
  readonly #hashB: Uint32Array;
  readonly #lines: Uint32Array;
  readonly #columns: Uint16Array;

  constructor(hashA: Uint32Array, hashB: Uint32Array, lines: Uint32Array, columns: Uint16Array) {
    this.#hashA = hashA;
    this.#hashB = hashB;
    this.#lines = lines;
    this.#columns = columns;
  }

  get size(): number {
    return this.#hashA.length;
  }

  /** Position of the node at `path`, or of its nearest ancestor present in the document. */
  locate(path: Path): SourcePosition {
    const hashes: PathHash[] = [ROOT_HASH];
    let current = ROOT_HASH;
    for (const segment of path) {
      current = { a: childHashA(current.a, segment), b: childHashB(current.b, segment) };
      hashes.push(current);
    }
    for (let depth = hashes.length - 1; depth >= 0; depth--) {
      const found = this.#find(hashes[depth] ?? ROOT_HASH);
      if (found >= 0) return { line: this.#lines[found] ?? 1, column: this.#columns[found] ?? 1 };
    }
    return { line: this.#lines[0] ?? 1, column: this.#columns[0] ?? 1 };
  }

  #find(hash: PathHash): number {
    const hashA = this.#hashA;
    // Backwards, so a duplicated key resolves to its last occurrence: the value the API server keeps.
    for (let i = hashA.length - 1; i >= 0; i--) {
      if (hashA[i] === hash.a && this.#hashB[i] === hash.b) return i;
    }
    return -1;
  }

  /** The typed arrays, for moving an index between worker threads without copying. */
  toTransferable(): { hashA: Uint32Array; hashB: Uint32Array; lines: Uint32Array; columns: Uint16Array } {
    return { hashA: this.#hashA, hashB: this.#hashB, lines: this.#lines, columns: this.#columns };
  }

  static fromTransferable(data: { hashA: Uint32Array; hashB: Uint32Array; lines: Uint32Array; columns: Uint16Array }): PositionIndex {
    return new PositionIndex(data.hashA, data.hashB, data.lines, data.columns);
  }
}

/** Growable builder; the finished index holds exactly-sized arrays. */
export class PositionIndexBuilder {
  #hashA = new Uint32Array(64);
  #hashB = new Uint32Array(64);
  #lines = new Uint32Array(64);
  #columns = new Uint16Array(64);
  #size = 0;

  add(hashA: number, hashB: number, line: number, column: number): void {
    if (this.#size === this.#hashA.length) this.#grow();
    const i = this.#size++;
    this.#hashA[i] = hashA;
    this.#hashB[i] = hashB;
    this.#lines[i] = line;
    this.#columns[i] = column > 0xffff ? 0xffff : column;
  }

  reset(): void {
    this.#size = 0;
  }

  build(): PositionIndex {
    const n = this.#size;
    return new PositionIndex(this.#hashA.slice(0, n), this.#hashB.slice(0, n), this.#lines.slice(0, n), this.#columns.slice(0, n));
  }

  #grow(): void {
    const capacity = this.#hashA.length * 2;
    const hashA = new Uint32Array(capacity);
    hashA.set(this.#hashA);
    const hashB = new Uint32Array(capacity);
    hashB.set(this.#hashB);
    const lines = new Uint32Array(capacity);
    lines.set(this.#lines);
    const columns = new Uint16Array(capacity);
    columns.set(this.#columns);
    this.#hashA = hashA;
    this.#hashB = hashB;
    this.#lines = lines;
    this.#columns = columns;
  }
}
