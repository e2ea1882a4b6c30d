import type { KubeObject, ObjectSource } from '../snapshot/kube-object.js';
import { toKubeObject } from '../snapshot/kube-object.js';
import { getRecord, getString, isRecord } from '../snapshot/guards.js';
import { isListKind } from '../snapshot/kinds.js';
import type { DocumentText } from './document-splitter.js';
import { DocumentSplitter } from './document-splitter.js';
import type { LoadError } from './errors.js';
import { describeError, InputError } from './errors.js';
import type { InputSource } from './inputs.js';
import { indexJson } from './json-positions.js';
import type { ParseLimits } from './limits.js';
import type { PositionIndex } from './position-index.js';
import { readText } from './read-text.js';
import type { DuplicateKey, ParsedDocument } from './yaml-document.js';
import { ManifestSyntaxError, parseYamlDocuments } from './yaml-document.js';

export interface SourceResult {
  readonly file: string;
  readonly objects: KubeObject[];
  readonly errors: LoadError[];
  documents: number;
  /** Documents skipped because they are not Kubernetes objects, in discovered files. */
  ignored: number;
  /** Characters of text read. */
  chars: number;
}

/** Large Lists are cut into items once a document passes this size. */
const LIST_SPLIT_CHARS = 1024 * 1024;

/**
 * Consecutive documents are parsed together up to this size: one parser call per document costs
 * about a third more than one per batch. A batch that fails is parsed again document by document,
 * so an error still costs only its own document.
 */
const BATCH_CHARS = 64 * 1024;

interface PendingSlice {
  readonly slice: DocumentText;
  readonly documentIndex: number;
}

/**
 * Reads one source into Kubernetes objects. Every problem becomes a LoadError naming the file
 * and line; documents beside a broken one are still returned.
 */
export async function loadSource(source: InputSource, limits: ParseLimits): Promise<SourceResult> {
  const result: SourceResult = { file: source.display, objects: [], errors: [], documents: 0, ignored: 0, chars: 0 };
  const collector = new ObjectCollector(result, source.kind === 'file' && source.discovered === true);
  try {
    const chunks = readText(source, limits.streamThresholdBytes);
    let format = source.format;
    let splitter: DocumentSplitter | undefined;
    const jsonParts: string[] = [];
    for await (const chunk of chunks) {
      result.chars += chunk.length;
      if (format === 'auto') format = /^\s*[[{]/.test(chunk) ? 'json' : 'yaml';
      if (format === 'json') {
        jsonParts.push(chunk);
        continue;
      }
      splitter ??= new DocumentSplitter({ maxDocumentChars: limits.maxDocumentChars, listSplitChars: LIST_SPLIT_CHARS });
      for (const slice of splitter.push(chunk)) collector.addSlice(slice, limits);
    }
    if (splitter !== undefined) for (const slice of splitter.end()) collector.addSlice(slice, limits);
    if (format === 'json') collector.addJson(jsonParts.join(''), limits);
  } catch (error) {
    result.errors.push({ file: source.display, line: error instanceof InputError ? error.line : 0, message: describeError(error) });
  } finally {
    collector.flush(limits);
  }
  return result;
}

class ObjectCollector {
  readonly #result: SourceResult;
  readonly #lenient: boolean;
  #documentIndex = 0;
  #pending: PendingSlice[] = [];
  #pendingChars = 0;

  constructor(result: SourceResult, lenient: boolean) {
    this.#result = result;
    this.#lenient = lenient;
  }

  addSlice(slice: DocumentText | { kind: 'oversized'; line: number; chars: number }, limits: ParseLimits): void {
    const documentIndex = this.#documentIndex++;
    if (slice.kind === 'oversized') {
      this.flush(limits);
      this.#error(
        slice.line,
        `document larger than ${formatSize(limits.maxDocumentChars)} skipped (the API server rejects objects over 3 MiB)`,
      );
      return;
    }
    if (slice.columnOffset !== 0) {
      // An item cut out of a List was un-indented, so it no longer lines up with its neighbours' text.
      this.flush(limits);
      this.#parseOne({ slice, documentIndex }, limits);
      return;
    }
    this.#pending.push({ slice, documentIndex });
    this.#pendingChars += slice.text.length;
    if (this.#pendingChars >= BATCH_CHARS) this.flush(limits);
  }

  /** Parses the pending documents: as one text when they parse cleanly, else one by one. */
  flush(limits: ParseLimits): void {
    const pending = this.#pending;
    if (pending.length === 0) return;
    this.#pending = [];
    this.#pendingChars = 0;
    const first = pending[0];
    if (pending.length === 1 && first !== undefined) {
      this.#parseOne(first, limits);
      return;
    }
    let documents: ParsedDocument[] | undefined;
    try {
      documents = parseYamlDocuments(pending.map(entry => entry.slice.text).join(''), first?.slice.line ?? 1, limits);
    } catch {
      documents = undefined;
    }
    // Slices cut at `---` hold one document each, unless a `...` marker started another inside one.
    if (documents?.length !== pending.length) {
      for (const entry of pending) this.#parseOne(entry, limits);
      return;
    }
    for (const [i, document] of documents.entries()) {
      const entry = pending[i];
      if (entry !== undefined) this.#addDocument(document, entry);
    }
  }

  #parseOne({ slice, documentIndex }: PendingSlice, limits: ParseLimits): void {
    let documents: ParsedDocument[];
    try {
      documents = parseYamlDocuments(slice.text, slice.line, limits, slice.columnOffset);
    } catch (error) {
      this.#syntaxError(error, slice);
      return;
    }
    for (const document of documents) this.#addDocument(document, { slice, documentIndex });
  }

  #addDocument(document: ParsedDocument, { slice, documentIndex }: PendingSlice): void {
    this.#result.documents++;
    this.#addValue(document.value, document, { documentIndex, template: slice.template });
  }

  addJson(text: string, limits: ParseLimits): void {
    const documentIndex = this.#documentIndex++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Not strict JSON: YAML is a superset, and its parser reports the line of the problem.
      this.#documentIndex--;
      const splitter = new DocumentSplitter({ maxDocumentChars: limits.maxDocumentChars, listSplitChars: LIST_SPLIT_CHARS });
      for (const slice of [...splitter.push(text), ...splitter.end()]) this.addSlice(slice, limits);
      this.flush(limits);
      return;
    }
    this.#result.documents++;
    const positions = indexJson(text);
    const first = positions.root.locate([]).line;
    this.#addValue(value, { positions: positions.root, line: first, duplicateKeys: positions.duplicateKeys }, { documentIndex, template: undefined }, positions.items);
  }

  #addValue(
    value: unknown,
    document: { positions: PositionIndex | undefined; line: number; duplicateKeys: readonly DuplicateKey[] },
    where: { documentIndex: number; template: string | undefined },
    itemPositions?: readonly PositionIndex[],
  ): void {
    if (value === null || value === undefined) return;
    if (!isRecord(value) || (!Object.hasOwn(value, 'kind') && !Object.hasOwn(value, 'apiVersion'))) {
      if (this.#lenient) this.#result.ignored++;
      else this.#error(document.line, isRecord(value) ? 'not a Kubernetes object: no apiVersion or kind' : `document is ${describeValue(value)}, not a Kubernetes object`);
      return;
    }
    const kind = getString(value, 'kind');
    const items = Object.hasOwn(value, 'items') ? value.items : undefined;
    if (kind !== undefined && isListKind(kind) && Array.isArray(items)) {
      for (const [index, item] of items.entries()) {
        const path = ['items', index];
        const line = document.positions?.locate(path).line ?? document.line;
        if (!isRecord(item)) {
          this.#error(line, `items[${String(index)}] is ${describeValue(item)}, not a Kubernetes object`);
          continue;
        }
        const own = itemPositions?.length === items.length ? itemPositions[index] : undefined;
        if (own === undefined) this.#addObject(item, document, where, path, line);
        else this.#addObject(item, { positions: own, duplicateKeys: itemDuplicates(document.duplicateKeys, path) }, where, [], line);
      }
      return;
    }
    this.#addObject(value, document, where, [], document.line);
  }

  #addObject(
    body: Readonly<Record<string, unknown>>,
    document: { positions: PositionIndex | undefined; duplicateKeys: readonly DuplicateKey[] },
    where: { documentIndex: number; template: string | undefined },
    documentPath: readonly (string | number)[],
    line: number,
  ): void {
    const source: ObjectSource = {
      file: this.#result.file,
      documentIndex: where.documentIndex,
      template: where.template ?? kustomizeOrigin(body),
    };
    const duplicateKeys = documentPath.length === 0 ? document.duplicateKeys : itemDuplicates(document.duplicateKeys, documentPath);
    const object = toKubeObject({ body, source, line, positions: document.positions, documentPath, duplicateKeys });
    if (typeof object === 'string') {
      this.#error(line, object);
      return;
    }
    this.#result.objects.push(object);
  }

  #syntaxError(error: unknown, slice: DocumentText): void {
    const prefix = slice.text.includes('{{') ? 'invalid YAML (an unrendered Helm or Go template? render it first with `helm template`)' : 'invalid YAML';
    if (error instanceof ManifestSyntaxError) {
      // Errors found at the end of the text (an unclosed bracket) point past the last line; keep them inside.
      const line = Math.min(error.line, lastContentLine(slice));
      const column = line === error.line ? error.column : 1;
      this.#result.errors.push({ file: this.#result.file, line, column, message: `${prefix}: ${error.message}` });
    } else {
      this.#error(slice.line, `${prefix}: ${describeError(error)}`);
    }
  }

  #error(line: number, message: string): void {
    this.#result.errors.push({ file: this.#result.file, line, message });
  }
}

/** Duplicates inside the item at `prefix`, with paths relative to the item. */
function itemDuplicates(duplicates: readonly DuplicateKey[], prefix: readonly (string | number)[]): readonly DuplicateKey[] {
  if (duplicates.length === 0) return duplicates;
  return duplicates
    .filter(duplicate => duplicate.path.length > prefix.length && prefix.every((segment, i) => duplicate.path[i] === segment))
    .map(duplicate => ({ ...duplicate, path: duplicate.path.slice(prefix.length) }));
}

function lastContentLine(slice: DocumentText): number {
  const lines = slice.text.split('\n');
  let last = lines.length - 1;
  while (last > 0 && (lines[last] ?? '').trim() === '') last--;
  return slice.line + last;
}

/** Kustomize's `buildMetadata: [originAnnotations]` records the file each object came from. */
function kustomizeOrigin(body: Readonly<Record<string, unknown>>): string | undefined {
  const origin = getString(getRecord(getRecord(body, 'metadata'), 'annotations'), 'config.kubernetes.io/origin');
  if (origin === undefined) return undefined;
  const match = /^path:\s*(\S.*?)\s*$/m.exec(origin);
  return match?.[1];
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

function formatSize(chars: number): string {
  return `${String(Math.round(chars / (1024 * 1024)))} MiB`;
}
