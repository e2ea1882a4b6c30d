import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents } from 'js-yaml';
import type { Event } from 'js-yaml';

import type { ParseLimits } from './limits.js';
import type { Path, PathSegment } from './path.js';
import { childHash, PositionIndexBuilder, ROOT_HASH } from './position-index.js';
import type { PositionIndex } from './position-index.js';
import { KUBERNETES_YAML_SCHEMA } from './yaml-schema.js';

/** One parsed YAML document: its value plus where every node of it came from. */
export interface ParsedDocument {
  readonly value: unknown;
  readonly positions: PositionIndex;
  /** 1-based line of the document's first node. */
  readonly line: number;
  readonly duplicateKeys: readonly DuplicateKey[];
}

/** A key that appears twice in one mapping; the API server keeps the last value. */
export interface DuplicateKey {
  readonly path: Path;
  readonly line: number;
  readonly column: number;
  readonly firstLine: number;
}

/** A document that cannot be parsed. The message never quotes the source, which may hold secrets. */
export class ManifestSyntaxError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = 'ManifestSyntaxError';
    this.line = line;
    this.column = column;
  }
}

const MAPPING = 1;
const SEQUENCE = 2;

interface Frame {
  readonly kind: typeof MAPPING | typeof SEQUENCE;
  readonly hash: number;
  /** True inside a complex (non-scalar) mapping key, whose nodes have no path of their own. */
  readonly detached: boolean;
  /** This container is itself a mapping key (`? [a, b] : v`), so closing it leaves the value to come. */
  readonly isKey: boolean;
  readonly anchor: string | undefined;
  readonly nodesAtOpen: number;
  nextIndex: number;
  expectKey: boolean;
  pendingKey: string;
  pendingLine: number;
  pendingColumn: number;
  keys: Map<string, number> | undefined;
}

const scratch = new PositionIndexBuilder();

/**
 * Parses one chunk of YAML text that starts at `firstLine` of its file. js-yaml's event stream
 * gives byte offsets; one pass over it records every node's line, finds duplicate keys and
 * bounds alias expansion, then the same events are turned into values.
 */
export function parseYamlDocuments(text: string, firstLine: number, limits: ParseLimits, columnOffset = 0): ParsedDocument[] {
  const events = parseEventsLocated(text, firstLine, limits);
  const indexed = indexEvents(events, text, firstLine, columnOffset, limits);
  let values: unknown[];
  try {
    values = constructFromEvents(events, {
      source: text,
      schema: KUBERNETES_YAML_SCHEMA,
      json: true,
      maxAliases: limits.maxAliases,
    });
  } catch (error) {
    throw toSyntaxError(error, firstLine);
  }
  return indexed.map((doc, i) => ({ ...doc, value: values[i] ?? null }));
}

export type IndexedDocument = Omit<ParsedDocument, 'value'>;

/** Positions and duplicate keys only, for text whose values come from elsewhere (JSON.parse). */
export function indexYamlDocuments(text: string, firstLine: number, limits: ParseLimits): IndexedDocument[] {
  return indexEvents(parseEventsLocated(text, firstLine, limits), text, firstLine, 0, limits);
}

function parseEventsLocated(text: string, firstLine: number, limits: ParseLimits): Event[] {
  try {
    return parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (error) {
    throw toSyntaxError(error, firstLine);
  }
}

function indexEvents(events: readonly Event[], text: string, firstLine: number, columnOffset: number, limits: ParseLimits): IndexedDocument[] {
  const documents: IndexedDocument[] = [];
  const lines = new LineCursor(text, firstLine, columnOffset);
  const frames: Frame[] = [];
  const path: PathSegment[] = [];
  let anchors = new Map<string, number>();
  let openAnchors = new Set<string>();
  let duplicates: DuplicateKey[] = [];
  let nodes = 0;
  let expanded = 0;
  let docLine = 0;
  let inDocument = false;

  const finishDocument = (): void => {
    documents.push({ positions: scratch.build(), line: docLine === 0 ? firstLine : docLine, duplicateKeys: duplicates });
    inDocument = false;
  };

  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      scratch.reset();
      anchors = new Map();
      openAnchors = new Set();
      duplicates = [];
      nodes = 0;
      expanded = 0;
      docLine = 0;
      inDocument = true;
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      const frame = frames.pop();
      if (frame === undefined) {
        if (inDocument) finishDocument();
        continue;
      }
      if (!frame.detached && frames.length > 0) path.pop();
      if (frame.anchor !== undefined) {
        openAnchors.delete(frame.anchor);
        anchors.set(frame.anchor, nodes - frame.nodesAtOpen + 1);
      }
      const parent = frames.at(-1);
      if (parent !== undefined && !frame.isKey) afterNode(parent);
      continue;
    }

    nodes++;
    const start = event.type === EVENT_ID.SCALAR ? event.valueStart : event.type === EVENT_ID.ALIAS ? event.anchorStart - 1 : event.start;
    const parent = frames.at(-1);

    if (event.type === EVENT_ID.ALIAS) {
      const name = text.slice(event.anchorStart, event.anchorEnd);
      if (openAnchors.has(name)) {
        const at = lines.at(start);
        throw new ManifestSyntaxError(`alias *${name} refers to a node that contains it`, at.line, at.column);
      }
      const weight = anchors.get(name) ?? 1;
      expanded += weight;
      // An anchor's weight counts what its aliases expand to, so nested aliases multiply as they would in memory.
      nodes += weight - 1;
      if (expanded > limits.maxAliasExpansion) {
        const at = lines.at(start);
        throw new ManifestSyntaxError(
          `aliases expand to more than ${String(limits.maxAliasExpansion)} nodes (a YAML alias bomb?); refusing to expand`,
          at.line,
          at.column,
        );
      }
    }

    if (parent?.kind === MAPPING && parent.expectKey) {
      recordKey(parent, event, text, start);
      continue;
    }

    // A value node: a document root, a mapping value or a sequence item.
    let hash = ROOT_HASH;
    let detached = false;
    let line: number;
    let column: number;
    let segment: PathSegment | undefined;
    if (parent === undefined) {
      const at = lines.at(start);
      line = at.line;
      column = at.column;
      docLine = line;
    } else {
      detached = parent.detached;
      if (parent.kind === MAPPING) {
        segment = parent.pendingKey;
        line = parent.pendingLine;
        column = parent.pendingColumn;
      } else {
        segment = parent.nextIndex;
        const at = lines.at(start);
        line = at.line;
        column = at.column;
      }
      hash = childHash(parent.hash, segment);
    }
    if (!detached) scratch.add(hash, line, column);

    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const anchor = event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;
      if (anchor !== undefined) openAnchors.add(anchor);
      if (parent !== undefined && !detached && segment !== undefined) path.push(segment);
      frames.push(newFrame(event.type === EVENT_ID.MAPPING ? MAPPING : SEQUENCE, hash, detached, false, anchor, nodes));
    } else {
      if (event.type === EVENT_ID.SCALAR && event.anchorStart >= 0) anchors.set(text.slice(event.anchorStart, event.anchorEnd), 1);
      if (parent !== undefined) afterNode(parent);
    }
  }
  if (inDocument) finishDocument();
  return documents;

  function recordKey(frame: Frame, event: Event, source: string, start: number): void {
    const at = lines.at(start);
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      // A complex key such as `? [a, b]`: Kubernetes never uses one; index nothing beneath it.
      frame.pendingKey = '<complex key>';
      frame.pendingLine = at.line;
      frame.pendingColumn = at.column;
      frame.expectKey = false;
      frames.push(newFrame(event.type === EVENT_ID.MAPPING ? MAPPING : SEQUENCE, frame.hash, true, true, undefined, nodes));
      return;
    }
    const key = event.type === EVENT_ID.SCALAR ? getScalarValue(source, event) : '<alias>';
    frame.pendingKey = key;
    frame.pendingLine = at.line;
    frame.pendingColumn = at.column;
    frame.expectKey = false;
    if (frame.detached) return;
    frame.keys ??= new Map();
    const first = frame.keys.get(key);
    if (first !== undefined) {
      duplicates.push({ path: [...path, key], line: at.line, column: at.column, firstLine: first });
    } else {
      frame.keys.set(key, at.line);
    }
  }

  function afterNode(frame: Frame): void {
    if (frame.kind === SEQUENCE) frame.nextIndex++;
    else frame.expectKey = true;
  }
}

function newFrame(
  kind: typeof MAPPING | typeof SEQUENCE,
  hash: number,
  detached: boolean,
  isKey: boolean,
  anchor: string | undefined,
  nodesAtOpen: number,
): Frame {
  return {
    kind,
    hash,
    detached,
    isKey,
    anchor,
    nodesAtOpen,
    nextIndex: 0,
    expectKey: kind === MAPPING,
    pendingKey: '',
    pendingLine: 0,
    pendingColumn: 0,
    keys: undefined,
  };
}

/** Turns increasing offsets into 1-based line and column by counting newlines once. */
class LineCursor {
  readonly #text: string;
  #offset = 0;
  #line: number;
  #lineStart = 0;
  readonly #columnOffset: number;

  constructor(text: string, firstLine: number, columnOffset: number) {
    this.#text = text;
    this.#line = firstLine;
    this.#columnOffset = columnOffset;
  }

  at(offset: number): { line: number; column: number } {
    const text = this.#text;
    if (offset < this.#offset) {
      // Rare: an event earlier than the last one. Walk back.
      while (this.#offset > offset) {
        this.#offset--;
        if (text.charCodeAt(this.#offset) === 10) this.#line--;
      }
      this.#lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    }
    let next = text.indexOf('\n', this.#offset);
    while (next !== -1 && next < offset) {
      this.#line++;
      this.#lineStart = next + 1;
      next = text.indexOf('\n', next + 1);
    }
    this.#offset = offset;
    return { line: this.#line, column: offset - this.#lineStart + 1 + this.#columnOffset };
  }
}

function toSyntaxError(error: unknown, firstLine: number): ManifestSyntaxError {
  if (error instanceof ManifestSyntaxError) return error;
  if (error instanceof Error && 'reason' in error && typeof error.reason === 'string') {
    const mark: unknown = 'mark' in error ? error.mark : undefined;
    let line = firstLine;
    let column = 1;
    if (typeof mark === 'object' && mark !== null && 'line' in mark && 'column' in mark) {
      if (typeof mark.line === 'number') line = firstLine + mark.line;
      if (typeof mark.column === 'number') column = mark.column + 1;
    }
    return new ManifestSyntaxError(error.reason, line, column);
  }
  const message = error instanceof Error ? error.message : String(error);
  // RangeError from a runaway structure and the like: keep the first line only, never a source snippet.
  return new ManifestSyntaxError(message.split('\n')[0] ?? 'unparseable document', firstLine, 1);
}
