import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

import { glob, isDynamicPattern } from 'tinyglobby';

import type { LoadError } from './errors.js';
import { describeError } from './errors.js';

export type InputSource =
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly display: string;
      readonly format: InputFormat;
      /**
       * Found by walking a directory or expanding a glob rather than named outright. Such files
       * may be any YAML (Helm values, CI configs), so documents that are not Kubernetes objects
       * are skipped quietly instead of being errors.
       */
      readonly discovered?: boolean;
    }
  | { readonly kind: 'stdin'; readonly display: '<stdin>'; readonly format: 'auto' }
  /** Text already in memory (tests, embedding); `display` names it in findings. */
  | { readonly kind: 'text'; readonly text: string; readonly display: string; readonly format: InputFormat };

/** `auto`: JSON when the text starts with `{` or `[`, YAML otherwise. */
export type InputFormat = 'yaml' | 'json' | 'auto';

export interface ExpandedInputs {
  readonly sources: readonly InputSource[];
  readonly errors: readonly LoadError[];
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/**
 * Turns command-line operands into sources: `-` is stdin, a directory contributes its `.yaml`,
 * `.yml` and `.json` files recursively (hidden directories and node_modules are skipped), a glob
 * is expanded, and any file named outright is read whatever its extension.
 */
export async function expandInputs(operands: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const sources: InputSource[] = [];
  const errors: LoadError[] = [];
  const seen = new Set<string>();
  const addFile = (path: string, discovered: boolean): void => {
    const absolute = resolve(cwd, path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    sources.push({ kind: 'file', path: absolute, display: displayPath(absolute, cwd), format: formatOf(absolute), ...(discovered ? { discovered } : {}) });
  };

  for (const operand of operands) {
    if (operand === '-') {
      if (!seen.has('-')) sources.push({ kind: 'stdin', display: '<stdin>', format: 'auto' });
      seen.add('-');
      continue;
    }
    const absolute = resolve(cwd, operand);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch (error) {
      if (isDynamicPattern(operand)) {
        const matches = await glob(operand, { cwd, absolute: true, onlyFiles: true, dot: false });
        if (matches.length === 0) errors.push({ file: operand, line: 0, message: 'no files match this pattern' });
        for (const match of matches.sort()) addFile(match, true);
        continue;
      }
      errors.push({ file: displayPath(absolute, cwd), line: 0, message: describeError(error) });
      continue;
    }
    if (!isDirectory) {
      addFile(absolute, false);
      continue;
    }
    const files = await walk(absolute, errors, cwd);
    if (files.length === 0) errors.push({ file: displayPath(absolute, cwd), line: 0, message: 'directory holds no .yaml, .yml or .json files' });
    for (const file of files) addFile(file, true);
  }
  return { sources, errors };
}

async function walk(directory: string, errors: LoadError[], cwd: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    errors.push({ file: displayPath(directory, cwd), line: 0, message: describeError(error) });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      files.push(...(await walk(path, errors, cwd)));
    } else if ((entry.isFile() || entry.isSymbolicLink()) && MANIFEST_EXTENSIONS.some(ext => entry.name.endsWith(ext))) {
      files.push(path);
    }
  }
  return files;
}

function formatOf(path: string): InputFormat {
  return path.endsWith('.json') ? 'json' : 'yaml';
}

/** Paths inside the working directory are shown relative to it (as SARIF and editors expect). */
export function displayPath(absolute: string, cwd: string): string {
  const relativePath = relative(cwd, absolute);
  if (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath)) return absolute;
  return relativePath.split('\\').join('/');
}
