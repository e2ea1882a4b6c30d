import type { PathSegment } from './path.js';
import type { PositionIndex } from './position-index.js';
import { childHash, PositionIndexBuilder, ROOT_HASH } from './position-index.js';
import type { DuplicateKey } from './yaml-document.js';

export interface JsonPositions {
  /** Positions of the whole document (List items excepted, see `items`). */
  readonly root: PositionIndex;
  /**
   * For a `{"items": [...]}` document (a List), one index per item, relative to the item, so a
   * lookup in one object of a cluster dump searches that object, not the whole dump.
   */
  readonly items: readonly PositionIndex[];
  readonly duplicateKeys: readonly DuplicateKey[];
}

const OBJECT = 1;
const ARRAY = 2;

interface Frame {
  readonly kind: typeof OBJECT | typeof ARRAY;
  readonly hash: number;
  readonly builder: PositionIndexBuilder;
  /** The collection's own path segment was pushed (it is not the document root). */
  readonly hasSegment: boolean;
  /** The collection is a member of the top-level `items`, with an index of its own. */
  readonly itemRoot: boolean;
  /** The collection is the top-level `items` array. */
  readonly isItems: boolean;
  index: number;
  readonly keys: string[];
  readonly keyLines: number[];
}

/**
 * Line and column of every node of a JSON text that `JSON.parse` has already accepted, with the
 * same path hashes as the YAML index. JSON's grammar is small enough to walk directly, several
 * times faster than running it through the YAML parser, which keeps `kubectl get -o json` dumps
 * cheap. Duplicate keys, which JSON.parse resolves silently to the last value (as the API server
 * does), are reported.
 */
export function indexJson(text: string): JsonPositions {
  const rootBuilder = new PositionIndexBuilder();
  const items: PositionIndex[] = [];
  const duplicateKeys: DuplicateKey[] = [];
  const path: PathSegment[] = [];
  const stack: Frame[] = [];
  let itemBuilder = rootBuilder;
  let at = 0;
  let line = 1;
  let lineStart = 0;

  const skipSpace = (): void => {
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 10) {
        line++;
        lineStart = at + 1;
      } else if (code !== 32 && code !== 9 && code !== 13) {
        return;
      }
      at++;
    }
  };
  /** `at` is on an opening quote; the offset of the matching closing quote. */
  const stringEnd = (): number => {
    let end = at + 1;
    for (;;) {
      end = text.indexOf('"', end);
      if (end === -1) return text.length;
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) return end;
      end++;
    }
  };
  const finishValue = (hasSegment: boolean, itemRoot: boolean): void => {
    if (hasSegment) path.pop();
    if (itemRoot) items.push(itemBuilder.build());
  };

  // The value about to be read.
  skipSpace();
  let hash = ROOT_HASH;
  let builder = rootBuilder;
  let valueLine = line;
  let valueColumn = at - lineStart + 1;
  let hasSegment = false;
  let itemRoot = false;

  for (;;) {
    builder.add(hash, valueLine, valueColumn);
    const code = text.charCodeAt(at);
    if (code === 123 /* { */ || code === 91 /* [ */) {
      const isItems = code === 91 && stack.length === 1 && path.length === 1 && path[0] === 'items';
      stack.push({ kind: code === 123 ? OBJECT : ARRAY, hash, builder, hasSegment, itemRoot, isItems, index: 0, keys: [], keyLines: [] });
      at++;
    } else {
      if (code === 34 /* " */) {
        at = stringEnd() + 1;
      } else {
        // A number, true, false or null runs to the next delimiter.
        while (at < text.length && !isDelimiter(text.charCodeAt(at))) at++;
      }
      finishValue(hasSegment, itemRoot);
    }

    // Close finished collections, then position on the next value.
    let found = false;
    while (!found) {
      const frame = stack.at(-1);
      if (frame === undefined) return { root: rootBuilder.build(), items, duplicateKeys };
      skipSpace();
      const next = text.charCodeAt(at);
      if (next === 125 /* } */ || next === 93 /* ] */) {
        at++;
        stack.pop();
        finishValue(frame.hasSegment, frame.itemRoot);
        continue;
      }
      if (next === 44 /* , */) {
        at++;
        skipSpace();
      }
      if (frame.kind === ARRAY) {
        const segment = frame.index++;
        path.push(segment);
        itemRoot = frame.isItems;
        if (itemRoot) {
          itemBuilder = new PositionIndexBuilder();
          builder = itemBuilder;
          hash = ROOT_HASH;
        } else {
          builder = frame.builder;
          hash = childHash(frame.hash, segment);
        }
        valueLine = line;
        valueColumn = at - lineStart + 1;
      } else {
        // An object member `"key": value`; the value is recorded at the key's position.
        const keyLine = line;
        const keyColumn = at - lineStart + 1;
        const end = stringEnd();
        const raw = text.slice(at + 1, end);
        const key = raw.includes('\\') ? decodeJsonString(raw) : raw;
        at = end + 1;
        skipSpace();
        at++; // the colon
        skipSpace();
        const first = frame.keys.indexOf(key);
        if (first >= 0) {
          duplicateKeys.push({ path: [...path, key], line: keyLine, column: keyColumn, firstLine: frame.keyLines[first] ?? 0 });
        } else {
          frame.keys.push(key);
          frame.keyLines.push(keyLine);
        }
        path.push(key);
        itemRoot = false;
        builder = frame.builder;
        hash = childHash(frame.hash, key);
        valueLine = keyLine;
        valueColumn = keyColumn;
      }
      hasSegment = true;
      found = true;
    }
  }
}

function isDelimiter(code: number): boolean {
  return code === 44 || code === 125 || code === 93 || code === 32 || code === 10 || code === 13 || code === 9;
}

function decodeJsonString(raw: string): string {
  const value: unknown = JSON.parse(`"${raw}"`);
  return typeof value === 'string' ? value : raw;
}
