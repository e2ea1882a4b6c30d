/**
 * Where a scan spends its time: runs one measurement under `node --cpu-prof` and summarises the
 * profile by function (self and inclusive time) and by area (parser, loader, snapshot, rules...).
 *
 *   npm run -s build && node --import tsx bench/profile.ts [size=10k] [mode=scan] [--top 25]
 *   node --import tsx bench/profile.ts --summarise bench/.results/profiles/<file>.cpuprofile
 *
 * The raw profile stays in bench/.results/profiles/ for Chrome DevTools or speedscope.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

import { ensureCorpus } from './generate.js';
import type { Mode } from './measure.js';
import { buildMeasureScript, RESULTS_DIR, ROOT } from './measure-script.js';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FunctionTime {
  readonly name: string;
  readonly location: string;
  readonly area: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: readonly FunctionTime[];
  readonly areas: readonly { readonly area: string; readonly selfMs: number }[];
}

/** Coarse areas by file, so the share of "parsing" and "everything else" can be read off. */
function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') return functionName;
    return 'native';
  }
  if (url.includes('/node_modules/js-yaml/')) return 'js-yaml';
  if (url.includes('/node_modules/')) return 'other dependencies';
  if (url.startsWith('node:')) return 'node internals';
  const dist = /\/dist\/([^/]+)\/([^/]+)\.js$/.exec(url);
  if (dist !== null) {
    const [, folder, file] = dist;
    if (folder === 'load') return `kubeward load/${file ?? ''}`;
    return `kubeward ${folder ?? ''}/`;
  }
  return 'other';
}

function locationOf(frame: CallFrame): string {
  if (frame.url === '') return '';
  const path = frame.url.startsWith('file://') ? relative(ROOT, new URL(frame.url).pathname) : frame.url;
  return `${path}:${String(frame.lineNumber + 1)}`;
}

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const keyOf = (frame: CallFrame): string => `${frame.functionName || '(anonymous)'}\u0000${locationOf(frame)}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const frames = new Map<string, CallFrame>();
  let totalUs = 0;
  for (const [i, sampleId] of profile.samples.entries()) {
    // A sample's time is the delta that follows it.
    const us = profile.timeDeltas[i + 1] ?? 0;
    totalUs += us;
    const leaf = byId.get(sampleId);
    if (leaf === undefined) continue;
    const leafKey = keyOf(leaf.callFrame);
    frames.set(leafKey, leaf.callFrame);
    self.set(leafKey, (self.get(leafKey) ?? 0) + us);
    // Inclusive time counts each function once per sample, however deep its recursion.
    const seen = new Set<string>();
    for (let id: number | undefined = sampleId; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node === undefined) break;
      const key = keyOf(node.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      frames.set(key, node.callFrame);
      total.set(key, (total.get(key) ?? 0) + us);
    }
  }
  const functions: FunctionTime[] = [...frames].map(([key, frame]) => ({
    name: frame.functionName || '(anonymous)',
    location: locationOf(frame),
    area: areaOf(frame),
    selfMs: (self.get(key) ?? 0) / 1000,
    totalMs: (total.get(key) ?? 0) / 1000,
  }));
  const areas = new Map<string, number>();
  for (const fn of functions) areas.set(fn.area, (areas.get(fn.area) ?? 0) + fn.selfMs);
  return {
    totalMs: totalUs / 1000,
    functions,
    areas: [...areas].map(([area, selfMs]) => ({ area, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

function printSummary(summary: ProfileSummary, top: number): void {
  const pct = (ms: number): string => `${((ms / summary.totalMs) * 100).toFixed(1).padStart(5)}%`;
  const ms = (value: number): string => value.toFixed(0).padStart(7);
  console.log(`\nProfile: ${summary.totalMs.toFixed(0)} ms sampled\n\nSelf time by area:`);
  for (const area of summary.areas) console.log(`  ${ms(area.selfMs)} ms ${pct(area.selfMs)}  ${area.area}`);
  console.log(`\nTop ${String(top)} functions by self time:`);
  for (const fn of [...summary.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) {
    console.log(`  ${ms(fn.selfMs)} ms ${pct(fn.selfMs)}  ${fn.name}  ${fn.location}`);
  }
  console.log(`\nTop ${String(top)} kubeward and js-yaml functions by inclusive time:`);
  const ours = summary.functions.filter(fn => fn.area.startsWith('kubeward') || fn.area === 'js-yaml');
  for (const fn of ours.sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) {
    console.log(`  ${ms(fn.totalMs)} ms ${pct(fn.totalMs)}  ${fn.name}  ${fn.location}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  let top = 25;
  const topAt = args.indexOf('--top');
  if (topAt !== -1) {
    top = Number(args[topAt + 1] ?? '25');
    args.splice(topAt, 2);
  }
  const summariseAt = args.indexOf('--summarise');
  let profilePath: string;
  if (summariseAt !== -1) {
    const given = args[summariseAt + 1];
    if (given === undefined) throw new Error('--summarise needs a .cpuprofile path');
    profilePath = given;
  } else {
    const size = args[0] ?? '10k';
    const mode = (args[1] ?? 'scan') as Mode;
    const corpus = ensureCorpus(size, line => process.stderr.write(`${line}\n`));
    const script = buildMeasureScript();
    const dir = join(RESULTS_DIR, 'profiles');
    mkdirSync(dir, { recursive: true });
    const name = `${mode}-${size}.cpuprofile`;
    profilePath = join(dir, name);
    rmSync(profilePath, { force: true });
    const child = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', name, script, mode, corpus.dir, ROOT],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`profiled run failed:\n${child.stderr}`);
    console.log(`measurement: ${child.stdout.trim()}`);
    console.log(`profile: ${relative(ROOT, profilePath)}`);
  }
  printSummary(summariseProfile(JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile), top);
}

main();
