import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import ts from 'typescript';

import { BENCH_DIR } from './generate.js';

export const ROOT = resolve(BENCH_DIR, '..');
export const RESULTS_DIR = join(BENCH_DIR, '.results');
const BUILD_DIR = join(RESULTS_DIR, '.build');

/**
 * bench/measure.ts as plain JavaScript, so the measured process runs on bare `node`: the tsx
 * loader would add ~35 MiB of RSS and a loader thread to every measurement. The file imports
 * only Node built-ins, js-yaml and (dynamically) `dist/`, so transpiling it alone is enough.
 */
export function buildMeasureScript(): string {
  const source = readFileSync(join(BENCH_DIR, 'measure.ts'), 'utf8');
  const output = ts.transpileModule(source, {
    fileName: 'measure.ts',
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
  });
  mkdirSync(BUILD_DIR, { recursive: true });
  const path = join(BUILD_DIR, 'measure.mjs');
  writeFileSync(path, output.outputText);
  return path;
}
