import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE } from 'js-yaml';
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
const NO_DUPLICATES: readonly DuplicateKey[] = Object.freeze([]);

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

function parseEventsLocated(text: string, firstLine: number, limits: ParseLimits): Event[] {
  try {
    return parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (error) {
    throw toSyntaxError(error, firstLine);
  }
}

/**
 * One pass over the events: every node's path hash, line and column; duplicate keys; alias
 * expansion. This runs once per node of every manifest, so its state lives in reusable parallel
 * stacks (one slot per open collection) rather than an object per collection.
 */
function indexEvents(events: readonly Event[], text: string, firstLine: number, columnOffset: number, limits: ParseLimits): IndexedDocument[] {
  const documents: IndexedDocument[] = [];
  const cursor = new LineCursor(text, firstLine, columnOffset);
  const stack = new CollectionStack();
  // Keys of every open mapping, one run per mapping (`keysStart` marks where each run begins).
  const keys: string[] = [];
  const keyLines: number[] = [];
  const path: PathSegment[] = [];
  let anchors: Map<string, number> | undefined;
  let openAnchors: Set<string> | undefined;
  let duplicates: DuplicateKey[] | undefined;
  let nodes = 0;
  let expanded = 0;
  let documentLine = 0;
  let inDocument = false;

  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      scratch.reset();
      anchors = undefined;
      openAnchors = undefined;
      duplicates = undefined;
      nodes = 0;
      expanded = 0;
      documentLine = 0;
      inDocument = true;
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      const depth = stack.depth - 1;
      if (depth < 0) {
        if (inDocument) {
          documents.push({ positions: scratch.build(), line: documentLine === 0 ? firstLine : documentLine, duplicateKeys: duplicates ?? NO_DUPLICATES });
          inDocument = false;
        }
        continue;
      }
      if (!stack.detached[depth] && depth > 0) path.pop();
      const anchor = stack.anchor[depth];
      if (anchor !== undefined) {
        openAnchors?.delete(anchor);
        (anchors ??= new Map()).set(anchor, nodes - (stack.nodesAtOpen[depth] ?? 0) + 1);
      }
      keys.length = stack.keysStart[depth] ?? 0;
      keyLines.length = keys.length;
      const wasKey = stack.isKey[depth] === true;
      stack.pop();
      if (depth > 0 && !wasKey) stack.afterValue(depth - 1);
      continue;
    }

    nodes++;
    const start = nodeStart(event);
    const top = stack.depth - 1;

    if (event.type === EVENT_ID.ALIAS) {
      const name = text.slice(event.anchorStart, event.anchorEnd);
      if (openAnchors?.has(name) === true) {
        cursor.moveTo(start);
        throw new ManifestSyntaxError(`alias *${name} refers to a node that contains it`, cursor.line, cursor.column);
      }
      const weight = anchors?.get(name) ?? 1;
      expanded += weight;
      // An anchor's weight counts what its aliases expand to, so nested aliases multiply as they would in memory.
      nodes += weight - 1;
      if (expanded > limits.maxAliasExpansion) {
        cursor.moveTo(start);
        throw new ManifestSyntaxError(
          `aliases expand to more than ${String(limits.maxAliasExpansion)} nodes (a YAML alias bomb?); refusing to expand`,
          cursor.line,
          cursor.column,
        );
      }
    }

    if (top >= 0 && stack.kind[top] === MAPPING && stack.expectKey[top] === true) {
      // A key: remember it and where it is; the value node that follows is indexed at the key's line.
      cursor.moveTo(start);
      stack.expectKey[top] = false;
      stack.pendingLine[top] = cursor.line;
      stack.pendingColumn[top] = cursor.column;
      if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
        // A complex key such as `? [a, b]`: Kubernetes never uses one; index nothing beneath it.
        stack.pendingKey[top] = '<complex key>';
        stack.push(event.type === EVENT_ID.MAPPING ? MAPPING : SEQUENCE, stack.hash[top] ?? ROOT_HASH, true, true, undefined, nodes, keys.length);
        continue;
      }
      const key = event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : '<alias>';
      stack.pendingKey[top] = key;
      if (stack.detached[top] === true) continue;
      const keysStart = stack.keysStart[top] ?? 0;
      let first = -1;
      for (let i = keysStart; i < keys.length; i++) {
        if (keys[i] === key) {
          first = i;
          break;
        }
      }
      if (first >= 0) {
        (duplicates ??= []).push({ path: [...path, key], line: cursor.line, column: cursor.column, firstLine: keyLines[first] ?? 0 });
      } else {
        keys.push(key);
        keyLines.push(cursor.line);
      }
      continue;
    }

    // A value node: a document root, a mapping value or a sequence item.
    let hash = ROOT_HASH;
    let detached = false;
    let line: number;
    let column: number;
    let segment: PathSegment | undefined;
    if (top < 0) {
      cursor.moveTo(start);
      line = cursor.line;
      column = cursor.column;
      documentLine = line;
    } else {
      detached = stack.detached[top] === true;
      if (stack.kind[top] === MAPPING) {
        segment = stack.pendingKey[top] ?? '';
        line = stack.pendingLine[top] ?? 0;
        column = stack.pendingColumn[top] ?? 0;
      } else {
        segment = stack.nextIndex[top] ?? 0;
        cursor.moveTo(start);
        line = cursor.line;
        column = cursor.column;
      }
      hash = childHash(stack.hash[top] ?? ROOT_HASH, segment);
    }
    if (!detached) scratch.add(hash, line, column);

    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const anchor = event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;
      if (anchor !== undefined) (openAnchors ??= new Set()).add(anchor);
      if (top >= 0 && !detached && segment !== undefined) path.push(segment);
      stack.push(event.type === EVENT_ID.MAPPING ? MAPPING : SEQUENCE, hash, detached, false, anchor, nodes, keys.length);
    } else {
      if (event.type === EVENT_ID.SCALAR && event.anchorStart >= 0) (anchors ??= new Map()).set(text.slice(event.anchorStart, event.anchorEnd), 1);
      if (top >= 0) stack.afterValue(top);
    }
  }
  if (inDocument) documents.push({ positions: scratch.build(), line: documentLine === 0 ? firstLine : documentLine, duplicateKeys: duplicates ?? NO_DUPLICATES });
  return documents;
}

/** Where a node's text begins: a quoted scalar at its opening quote, an alias at its `*`. */
function nodeStart(event: Exclude<Event, { type: typeof EVENT_ID.DOCUMENT | typeof EVENT_ID.POP }>): number {
  switch (event.type) {
    case EVENT_ID.SCALAR:
      return event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED ? event.valueStart - 1 : event.valueStart;
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
  }
}

/** Open collections as parallel arrays indexed by depth, reused from one collection to the next. */
class CollectionStack {
  depth = 0;
  readonly kind: number[] = [];
  readonly hash: number[] = [];
  /** Inside a complex (non-scalar) mapping key, whose nodes have no path of their own. */
  readonly detached: boolean[] = [];
  /** The collection is itself a mapping key, so closing it leaves the value to come. */
  readonly isKey: boolean[] = [];
  readonly anchor: (string | undefined)[] = [];
  readonly nodesAtOpen: number[] = [];
  readonly keysStart: number[] = [];
  readonly nextIndex: number[] = [];
  readonly expectKey: boolean[] = [];
  readonly pendingKey: string[] = [];
  readonly pendingLine: number[] = [];
  readonly pendingColumn: number[] = [];

  push(kind: number, hash: number, detached: boolean, isKey: boolean, anchor: string | undefined, nodesAtOpen: number, keysStart: number): void {
    const at = this.depth++;
    this.kind[at] = kind;
    this.hash[at] = hash;
    this.detached[at] = detached;
    this.isKey[at] = isKey;
    this.anchor[at] = anchor;
    this.nodesAtOpen[at] = nodesAtOpen;
    this.keysStart[at] = keysStart;
    this.nextIndex[at] = 0;
    this.expectKey[at] = kind === MAPPING;
  }

  pop(): void {
    this.depth--;
  }

  /** A value node at `depth` is complete: the next item, or the next key. */
  afterValue(depth: number): void {
    if (this.kind[depth] === SEQUENCE) this.nextIndex[depth] = (this.nextIndex[depth] ?? 0) + 1;
    else this.expectKey[depth] = true;
  }
}

/** Turns increasing offsets into 1-based line and column by counting newlines once. */
class LineCursor {
  line: number;
  column = 1;
  readonly #text: string;
  readonly #columnOffset: number;
  #offset = 0;
  #lineStart = 0;
  /** Offset of the first newline at or after #offset (or the text length). */
  #nextNewline = -1;

  constructor(text: string, firstLine: number, columnOffset: number) {
    this.#text = text;
    this.line = firstLine;
    this.#columnOffset = columnOffset;
  }

  moveTo(offset: number): void {
    const text = this.#text;
    if (offset < this.#offset) {
      // Rare: an event earlier than the last one. Walk back.
      while (this.#offset > offset) {
        this.#offset--;
        if (text.charCodeAt(this.#offset) === 10) this.line--;
      }
      this.#lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      this.#nextNewline = -1;
    }
    if (this.#nextNewline < this.#offset) this.#nextNewline = newlineAt(text, this.#offset);
    while (this.#nextNewline < offset) {
      this.line++;
      this.#lineStart = this.#nextNewline + 1;
      this.#nextNewline = newlineAt(text, this.#lineStart);
    }
    this.#offset = offset;
    this.column = offset - this.#lineStart + 1 + this.#columnOffset;
  }
}

function newlineAt(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
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
