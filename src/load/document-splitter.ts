/**
 * Cuts a YAML stream into documents before parsing, so that one broken document costs only
 * itself, memory stays proportional to the largest document rather than the file, and files
 * larger than a JavaScript string can hold still stream through.
 *
 * A `---` or `...` line at column 0 always ends a document (YAML forbids such lines inside
 * content), so a plain text search finds the boundaries exactly.
 *
 * `kubectl get -o yaml` prints a whole cluster as one `kind: List` document. When a document
 * grows large and its top-level `items:` sequence starts at column 0 (kubectl's layout), each item
 * is cut out and handed on as a document of its own.
 */

export type DocumentSlice = DocumentText | OversizedDocument;

export interface DocumentText {
  readonly kind: 'document';
  readonly text: string;
  /** 1-based line of the slice's first character. */
  readonly line: number;
  /** Columns removed from every line (2 for an item cut out of a List). */
  readonly columnOffset: number;
  /** Position in the List's `items` when the slice was cut out of a large List, else undefined. */
  readonly listItem: number | undefined;
  /** Template path from a Helm `# Source:` comment heading the document. */
  readonly template: string | undefined;
}

export interface OversizedDocument {
  readonly kind: 'oversized';
  readonly line: number;
  readonly chars: number;
}

export interface SplitterOptions {
  readonly maxDocumentChars: number;
  /** Documents above this size are checked for a List layout and cut into items. */
  readonly listSplitChars: number;
}

/**
 * document: reading a document; list: reading the items of a large List; list-tail: discarding
 * a List's trailing fields; skip-document / skip-item: discarding an oversized document or item.
 */
type Mode = 'document' | 'list' | 'list-tail' | 'skip-document' | 'skip-item';

const ITEM_INDENT = 2;

export class DocumentSplitter {
  readonly #options: SplitterOptions;
  #buffer = '';
  #bufferLine = 1;
  #scanFrom = 0;
  #mode: Mode = 'document';
  #listIndex = 0;
  #template: string | undefined = undefined;
  #skipLine = 0;
  #skipped = 0;

  constructor(options: SplitterOptions) {
    this.#options = options;
  }

  push(chunk: string): DocumentSlice[] {
    this.#buffer += chunk;
    return this.#drain(false);
  }

  end(): DocumentSlice[] {
    return this.#drain(true);
  }

  #drain(final: boolean): DocumentSlice[] {
    const out: DocumentSlice[] = [];
    for (;;) {
      let progressed: boolean;
      switch (this.#mode) {
        case 'document':
          progressed = this.#stepDocument(final, out);
          break;
        case 'list':
          progressed = this.#stepList(final, out);
          break;
        case 'skip-item':
          progressed = this.#stepSkipItem(final, out);
          break;
        case 'list-tail':
        case 'skip-document':
          progressed = this.#stepSkipDocument(final, out);
          break;
      }
      if (!progressed) break;
    }
    return out;
  }

  #stepDocument(final: boolean, out: DocumentSlice[]): boolean {
    const buffer = this.#buffer;
    if (buffer.length === 0) return false;
    const boundary = findDocumentBoundary(buffer, Math.max(this.#scanFrom, 1));
    const length = boundary === -1 ? buffer.length : boundary;
    if (length > this.#options.listSplitChars) {
      const itemsAt = findListItems(buffer);
      if (itemsAt !== -1 && itemsAt < length) {
        this.#template = findTemplate(buffer.slice(0, itemsAt));
        this.#consume(itemsAt);
        this.#mode = 'list';
        this.#listIndex = 0;
        return true;
      }
    }
    if (boundary !== -1) {
      this.#emitDocument(boundary, out);
      return true;
    }
    if (buffer.length > this.#options.maxDocumentChars) {
      this.#startSkip('skip-document');
      return true;
    }
    if (final) {
      this.#emitDocument(buffer.length, out);
      return false;
    }
    this.#scanFrom = Math.max(1, buffer.length - 4);
    return false;
  }

  #stepList(final: boolean, out: DocumentSlice[]): boolean {
    const buffer = this.#buffer;
    if (buffer.length === 0) return false;
    const next = findColumnZero(buffer, Math.max(this.#scanFrom, 1));
    if (next !== -1) {
      const kind = classifyColumnZero(buffer, next);
      this.#emitItem(next, out);
      // After the items come the List's own fields (`kind: List`, `metadata:`), which say nothing about security.
      if (kind === 'document') this.#mode = 'document';
      else if (kind === 'other') this.#mode = 'list-tail';
      return true;
    }
    if (buffer.length > this.#options.maxDocumentChars) {
      this.#listIndex++;
      this.#startSkip('skip-item');
      return true;
    }
    if (final) {
      this.#emitItem(buffer.length, out);
      return false;
    }
    this.#scanFrom = Math.max(1, buffer.length - 1);
    return false;
  }

  #stepSkipDocument(final: boolean, out: DocumentSlice[]): boolean {
    const buffer = this.#buffer;
    if (buffer.length === 0) return false;
    const boundary = findDocumentBoundary(buffer, Math.max(this.#scanFrom, 1));
    if (boundary !== -1 || final) {
      this.#discard(boundary === -1 ? buffer.length : boundary);
      this.#finishSkip(out);
      this.#mode = 'document';
      return boundary !== -1;
    }
    // Keep the tail: a boundary may straddle two chunks.
    this.#discard(Math.max(0, buffer.length - 4));
    this.#scanFrom = 1;
    return false;
  }

  #stepSkipItem(final: boolean, out: DocumentSlice[]): boolean {
    const buffer = this.#buffer;
    if (buffer.length === 0) return false;
    const next = findColumnZero(buffer, Math.max(this.#scanFrom, 1));
    if (next !== -1 || final) {
      this.#discard(next === -1 ? buffer.length : next);
      this.#finishSkip(out);
      if (next === -1) return false;
      const kind = classifyColumnZero(buffer, next);
      this.#mode = kind === 'item' ? 'list' : kind === 'document' ? 'document' : 'list-tail';
      return true;
    }
    this.#discard(Math.max(0, buffer.length - 1));
    this.#scanFrom = 1;
    return false;
  }

  #startSkip(mode: 'skip-document' | 'skip-item'): void {
    this.#mode = mode;
    this.#skipLine = this.#bufferLine;
    this.#skipped = 0;
  }

  #discard(count: number): void {
    if (this.#mode !== 'list-tail') this.#skipped += count;
    this.#consume(count);
  }

  #finishSkip(out: DocumentSlice[]): void {
    if (this.#mode !== 'list-tail') out.push({ kind: 'oversized', line: this.#skipLine, chars: this.#skipped });
  }

  #emitDocument(end: number, out: DocumentSlice[]): void {
    const text = this.#buffer.slice(0, end);
    const line = this.#bufferLine;
    this.#consume(end);
    if (isBlank(text)) return;
    out.push({ kind: 'document', text, line, columnOffset: 0, listItem: undefined, template: findTemplate(text) });
  }

  #emitItem(end: number, out: DocumentSlice[]): void {
    const raw = this.#buffer.slice(0, end);
    const line = this.#bufferLine;
    this.#consume(end);
    if (isBlank(raw)) return;
    out.push({
      kind: 'document',
      text: unindent(raw, ITEM_INDENT),
      line,
      columnOffset: ITEM_INDENT,
      listItem: this.#listIndex++,
      template: this.#template,
    });
  }

  #consume(count: number): void {
    this.#bufferLine += countNewlines(this.#buffer, 0, count);
    this.#buffer = this.#buffer.slice(count);
    this.#scanFrom = 0;
  }
}

function classifyColumnZero(text: string, at: number): 'item' | 'document' | 'other' {
  if (isMarker(text, at, '-') || isMarker(text, at, '.')) return 'document';
  if (text.charCodeAt(at) === 45 /* - */ && isItemStart(text, at)) return 'item';
  return 'other';
}

/** Offset of the next `---` or `...` line at or after `from` (which must be > 0), or -1. */
export function findDocumentBoundary(text: string, from: number): number {
  let at = from;
  for (;;) {
    const dash = text.indexOf('\n---', at - 1);
    // Search for `...` only up to the next `---`, so each call costs the distance to the boundary,
    // not the rest of the file.
    const dotsWithin = text.substring(at - 1, dash === -1 ? text.length : dash).indexOf('\n...');
    let next = dotsWithin === -1 ? dash : at - 1 + dotsWithin;
    if (next === -1) return -1;
    next += 1;
    if (isMarkerEnd(text, next + 3)) {
      // Directives above the first marker belong to the document that starts here, not a new cut.
      const cut = moveAboveDirectives(text, next);
      if (cut > 0) return cut;
    }
    at = next + 1;
  }
}

function isMarker(text: string, at: number, char: '-' | '.'): boolean {
  return text.startsWith(char.repeat(3), at) && isMarkerEnd(text, at + 3);
}

function isMarkerEnd(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const code = text.charCodeAt(at);
  return code === 10 || code === 13 || code === 32 || code === 9;
}

/** `%YAML` and `%TAG` directives belong to the document that follows them. */
function moveAboveDirectives(text: string, boundary: number): number {
  let start = boundary;
  for (;;) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (previous >= start || text.charCodeAt(previous) !== 37 /* % */) return start;
    start = previous;
  }
}

/** Offset of the first item of a top-level `items:` sequence written at column 0, or -1. */
function findListItems(text: string): number {
  const head = text.slice(0, 64 * 1024);
  const match = /^items:[ \t]*\r?\n(?=- |-\r?\n)/m.exec(head);
  return match === null ? -1 : match.index + match[0].length;
}

function isItemStart(text: string, at: number): boolean {
  const code = text.charCodeAt(at + 1);
  return Number.isNaN(code) || code === 32 || code === 10 || code === 13;
}

/** Offset of the next line (after `from`) whose first character is content at column 0. */
function findColumnZero(text: string, from: number): number {
  let at = text.indexOf('\n', from - 1);
  while (at !== -1) {
    const next = at + 1;
    if (next >= text.length) return -1;
    const code = text.charCodeAt(next);
    if (code !== 32 && code !== 10 && code !== 13 && code !== 35 /* # */ && code !== 9) return next;
    at = text.indexOf('\n', next);
  }
  return -1;
}

function unindent(text: string, width: number): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    lines[i] = line.length <= width ? line.trimStart() : line.slice(width);
  }
  return lines.join('\n');
}

export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  let at = text.indexOf('\n', from);
  while (at !== -1 && at < to) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}

function isBlank(text: string): boolean {
  // Only comments, whitespace and markers: no document content. Most documents show content on
  // their first or second line, so stop at the first one that does.
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end).trim();
    at = end === -1 ? text.length : end + 1;
    if (line === '' || line.startsWith('#') || MARKER_LINE.test(line)) continue;
    return false;
  }
  return true;
}

const MARKER_LINE = /^(---|\.\.\.)(\s+#.*)?$/;

const SOURCE_COMMENT = /^#\s*Source:\s*(\S.*?)\s*$/;

/** Helm writes `# Source: chart/templates/x.yaml` above every rendered document. */
function findTemplate(text: string): string | undefined {
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end).trim();
    at = end === -1 ? text.length : end + 1;
    if (line === '' || line.startsWith('---')) continue;
    if (!line.startsWith('#')) return undefined;
    const match = SOURCE_COMMENT.exec(line);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}
