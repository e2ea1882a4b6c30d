/**
 * One measurement, in a process of its own so that peak RSS belongs to one mode:
 *
 *   node bench/.results/.build/measure.mjs <mode> <corpus-dir> <repo-root>
 *
 * bench/run.ts transpiles this file and starts it with plain `node` (no tsx loader in the
 * measured process). Code under test comes from the built `dist/`, the same files users run.
 * Prints one JSON line (a Measurement) on stdout.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import { loadAll } from 'js-yaml';

import type * as ConfigModule from '../src/config/config.js';
import type * as LimitsModule from '../src/load/limits.js';
import type * as WorkerPoolModule from '../src/load/worker-pool.js';
import type * as SchemaModule from '../src/load/yaml-schema.js';
import type * as RulesModule from '../src/rules/index.js';
import type * as ScanModule from '../src/scan/scan.js';

export const MODES = ['bare-parse', 'scan', 'scan-workers', 'idle'] as const;
export type Mode = (typeof MODES)[number];

export interface Measurement {
  readonly mode: Mode;
  /** Wall time of the work itself: after modules are loaded, until the result is complete. */
  readonly workMs: number;
  /** CPU time of the process (all threads), user + system, over the same span as workMs. */
  readonly cpuMs: number;
  readonly files: number;
  readonly documents: number;
  readonly objects: number;
  readonly bytes: number;
  readonly findings: number;
  readonly errors: number;
  /** Rules run (scan modes); the catalog grows, so figures are comparable only at equal counts. */
  readonly rules: number;
  /** Peak resident set size of the process, in bytes (`process.resourceUsage().maxRSS`). */
  readonly maxRssBytes: number;
  /** V8 heap in use when the work finished (no forced GC). */
  readonly heapUsedBytes: number;
}

interface WorkResult {
  readonly workMs: number;
  readonly cpuMs: number;
  readonly rules: number;
  readonly files: number;
  readonly documents: number;
  readonly objects: number;
  readonly bytes: number;
  readonly findings: number;
  readonly errors: number;
}

function isMode(value: string | undefined): value is Mode {
  return MODES.some(mode => mode === value);
}

async function importDist<T>(root: string, path: string): Promise<T> {
  return (await import(pathToFileURL(join(root, 'dist', path)).href)) as T;
}

/** The files `kubeward scan DIR` reads: .yaml, .yml and .json, hidden directories skipped, sorted. */
async function listManifests(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') files.push(...(await listManifests(path)));
    } else if (/\.(ya?ml|json)$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects in one parsed document: the items of a List, or the document itself. */
function countObjects(value: unknown): number {
  if (!isRecord(value)) return 0;
  const kind = value.kind;
  const items = value.items;
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items)) return items.length;
  return 1;
}

/**
 * The baseline: read each file and parse it with the parser and YAML schema kubeward uses, one
 * file at a time, keeping nothing but counts. JSON files go through JSON.parse, as in kubeward.
 */
async function bareParse(root: string, dir: string): Promise<WorkResult> {
  const { KUBERNETES_YAML_SCHEMA: schema } = await importDist<typeof SchemaModule>(root, 'load/yaml-schema.js');
  const { DEFAULT_LIMITS: limits } = await importDist<typeof LimitsModule>(root, 'load/limits.js');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const files = await listManifests(dir);
  let bytes = 0;
  let documents = 0;
  let objects = 0;
  let errors = 0;
  for (const file of files) {
    const buffer = await readFile(file);
    bytes += buffer.byteLength;
    const text = buffer.toString('utf8');
    try {
      const values = file.endsWith('.json')
        ? [JSON.parse(text) as unknown]
        : loadAll(text, { schema, json: true, maxAliases: limits.maxAliases, maxDepth: limits.maxDepth });
      for (const value of values) {
        if (value === null || value === undefined) continue;
        documents++;
        objects += countObjects(value);
      }
    } catch {
      errors++;
    }
  }
  return { workMs: performance.now() - started, cpuMs: cpuMsSince(cpu), rules: 0, files: files.length, documents, objects, bytes, findings: 0, errors };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function runScan(root: string, dir: string, threads: number): Promise<WorkResult> {
  const { scan } = await importDist<typeof ScanModule>(root, 'scan/scan.js');
  const { ALL_RULES } = await importDist<typeof RulesModule>(root, 'rules/index.js');
  const { EMPTY_CONFIG } = await importDist<typeof ConfigModule>(root, 'config/config.js');
  const { createWorkerLoader } = await importDist<typeof WorkerPoolModule>(root, 'load/worker-pool.js');
  const loader = threads > 1 ? createWorkerLoader(threads) : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await scan({ operands: [dir], cwd: dir, rules: ALL_RULES, config: EMPTY_CONFIG }, loader);
  return {
    workMs: performance.now() - started,
    cpuMs: cpuMsSince(cpu),
    rules: ALL_RULES.length,
    files: result.stats.files,
    documents: result.stats.documents,
    objects: result.stats.objects,
    bytes: 0,
    findings: result.findings.length,
    errors: result.errors.length,
  };
}

async function main(): Promise<void> {
  const [mode, dirArg, rootArg] = process.argv.slice(2);
  if (!isMode(mode) || dirArg === undefined || rootArg === undefined) {
    process.stderr.write(`usage: measure <${MODES.join('|')}> <corpus-dir> <repo-root>\n`);
    process.exitCode = 2;
    return;
  }
  const dir = resolve(dirArg);
  const root = resolve(rootArg);
  let work: WorkResult;
  switch (mode) {
    case 'bare-parse':
      work = await bareParse(root, dir);
      break;
    case 'scan':
      work = await runScan(root, dir, 1);
      break;
    case 'scan-workers':
      work = await runScan(root, dir, 2);
      break;
    case 'idle':
      work = { workMs: 0, cpuMs: 0, rules: 0, files: 0, documents: 0, objects: 0, bytes: 0, findings: 0, errors: 0 };
      break;
  }
  const usage = process.resourceUsage();
  const measurement: Measurement = {
    mode,
    ...work,
    maxRssBytes: usage.maxRSS * 1024,
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

await main();
