/**
 * `npm run bench`: scan throughput and memory against a bare-parse baseline measured in the
 * same run, on generated corpora, plus CLI cold start against `node -e 0`.
 *
 *   npm run bench                          # 1k, 10k and 100k objects, 3 runs per mode
 *   npm run bench -- --sizes 1k,10k        # fewer sizes
 *   npm run bench -- --runs 5 --cold-runs 20 --modes bare-parse,scan --no-cold --out mine.json
 *
 * Every measurement runs in a fresh `node` process (no tsx loader), so peak RSS is that mode's
 * own. Results: a table on stdout and bench/.results/latest.json (or --out NAME.json).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

import type { CorpusInfo } from './generate.js';
import { CORPUS_ROOT, ensureCorpus } from './generate.js';
import type { Measurement, Mode } from './measure.js';
import { buildMeasureScript, RESULTS_DIR, ROOT } from './measure-script.js';

const ALL_MODES: readonly Mode[] = ['bare-parse', 'scan', 'scan-workers'];
const MiB = 1024 * 1024;

/** Targets from the performance issue. */
const TARGETS = {
  scanRatio: 0.75,
  workersRatio: 1,
  maxRssBytes: 1024 * MiB,
  coldStartRatio: 5,
};

interface Options {
  readonly sizes: readonly string[];
  readonly modes: readonly Mode[];
  readonly runs: number;
  readonly coldRuns: number;
  readonly cold: boolean;
  /** Results file name under bench/.results/. */
  readonly out: string;
}

export interface ModeResult {
  readonly mode: Mode;
  readonly runs: readonly (Measurement & { readonly processMs: number })[];
  readonly medianWorkMs: number;
  readonly medianProcessMs: number;
  readonly medianCpuMs: number;
  readonly objectsPerSecond: number;
  readonly megabytesPerSecond: number;
  /** Largest peak RSS over the runs. */
  readonly peakRssBytes: number;
  readonly heapUsedBytes: number;
  /** Throughput relative to bare-parse in the same run (bare median time / this median time). */
  readonly ratioToBareParse: number | undefined;
  readonly bestWorkMs: number;
  /**
   * The same ratio from the fastest run of each mode. Load from other processes only ever adds
   * time, so on a shared machine best-to-best is the steadier estimate; the median is the headline.
   */
  readonly bestRatioToBareParse: number | undefined;
  readonly findings: number;
  readonly errors: number;
  readonly objects: number;
  readonly rules: number;
}

export interface SizeResult {
  readonly size: string;
  readonly corpus: CorpusInfo;
  readonly modes: readonly ModeResult[];
}

export interface ColdStartResult {
  readonly runs: number;
  readonly file: string;
  readonly baselineMs: number;
  readonly commands: readonly { readonly label: string; readonly argv: readonly string[]; readonly medianMs: number; readonly ratio: number }[];
}

function parseOptions(argv: readonly string[]): Options {
  let sizes: readonly string[] = ['1k', '10k', '100k'];
  let modes: readonly Mode[] = ALL_MODES;
  let runs = 3;
  let coldRuns = 10;
  let cold = true;
  let out = 'latest.json';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    const list = (text: string): string[] =>
      text
        .split(',')
        .map(item => item.trim())
        .filter(item => item !== '');
    switch (arg) {
      case '--sizes':
        sizes = list(value());
        break;
      case '--modes':
        modes = list(value()).map(mode => {
          const known = ALL_MODES.find(candidate => candidate === mode);
          if (known === undefined) throw new Error(`unknown mode "${mode}" (${ALL_MODES.join(', ')})`);
          return known;
        });
        break;
      case '--runs':
        runs = positiveInteger(value());
        break;
      case '--cold-runs':
        coldRuns = positiveInteger(value());
        break;
      case '--no-cold':
        cold = false;
        break;
      case '--out':
        out = value();
        if (!/^[\w.-]+\.json$/.test(out)) throw new Error('--out takes a file name ending in .json (written under bench/.results/)');
        break;
      default:
        throw new Error(`unknown option "${arg}" (--sizes, --modes, --runs, --cold-runs, --no-cold, --out)`);
    }
  }
  if (!modes.includes('bare-parse')) modes = ['bare-parse', ...modes];
  return { sizes, modes, runs, coldRuns, cold, out };
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`expected a positive whole number, got "${text}"`);
  return value;
}

interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

function runChild(argv: readonly string[], cwd: string): Promise<ChildRun> {
  return new Promise((resolveRun, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolveRun({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - started });
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Runs every mode `runs` times, interleaved (bare, scan, workers, bare, ...), so that a change in
 * machine load during the run hits every mode alike and the ratios stay fair.
 */
async function measureModes(script: string, modes: readonly Mode[], corpus: CorpusInfo, runs: number): Promise<Map<Mode, ModeResult['runs']>> {
  const results = new Map<Mode, (Measurement & { processMs: number })[]>(modes.map(mode => [mode, []]));
  for (let i = 0; i < runs; i++) {
    for (const mode of modes) {
      let child = await runChild([script, mode, corpus.dir, ROOT], ROOT);
      if (child.signal !== null) {
        // Killed from outside (a shared machine): not a result, so measure again once.
        process.stderr.write(`  ${corpus.size} ${mode}: child killed by ${child.signal}; running it again\n`);
        child = await runChild([script, mode, corpus.dir, ROOT], ROOT);
      }
      if (child.code !== 0) {
        throw new Error(`${mode} on ${corpus.size} exited with ${String(child.code ?? child.signal)}:\n${child.stderr}`);
      }
      const measurement = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as Measurement;
      results.get(mode)?.push({ ...measurement, processMs: child.ms });
      process.stderr.write(
        `  ${corpus.size} ${mode} run ${String(i + 1)}/${String(runs)}: ${measurement.workMs.toFixed(0)} ms, ${formatMiB(measurement.maxRssBytes)} RSS, load ${loadavg()[0]?.toFixed(2) ?? '?'}\n`,
      );
    }
  }
  return results;
}

function summarise(mode: Mode, runs: ModeResult['runs'], corpus: CorpusInfo, bare: { median: number; best: number } | undefined): ModeResult {
  const medianWorkMs = median(runs.map(run => run.workMs));
  const bestWorkMs = Math.min(...runs.map(run => run.workMs));
  const seconds = medianWorkMs / 1000;
  const first = runs[0];
  return {
    mode,
    runs,
    medianWorkMs,
    medianProcessMs: median(runs.map(run => run.processMs)),
    medianCpuMs: median(runs.map(run => run.cpuMs)),
    objectsPerSecond: corpus.objects / seconds,
    megabytesPerSecond: corpus.bytes / 1e6 / seconds,
    peakRssBytes: Math.max(...runs.map(run => run.maxRssBytes)),
    heapUsedBytes: median(runs.map(run => run.heapUsedBytes)),
    ratioToBareParse: bare === undefined ? undefined : bare.median / medianWorkMs,
    bestWorkMs,
    bestRatioToBareParse: bare === undefined ? undefined : bare.best / bestWorkMs,
    findings: first?.findings ?? 0,
    errors: first?.errors ?? 0,
    objects: first?.objects ?? 0,
    rules: first?.rules ?? 0,
  };
}

async function measureColdStart(runs: number): Promise<ColdStartResult> {
  const dir = join(CORPUS_ROOT, 'cold-start');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'deployment.yaml');
  writeFileSync(file, COLD_START_MANIFEST);
  const cli = join(ROOT, 'dist', 'cli', 'main.js');
  const commands: { label: string; argv: string[] }[] = [
    { label: 'node -e 0', argv: ['-e', '0'] },
    { label: 'kubeward scan deployment.yaml -o json', argv: [cli, 'scan', 'deployment.yaml', '-o', 'json'] },
    { label: 'kubeward scan deployment.yaml (text)', argv: [cli, 'scan', 'deployment.yaml', '--no-color'] },
    { label: 'kubeward --version', argv: [cli, '--version'] },
  ];
  const times = new Map<string, number[]>(commands.map(command => [command.label, []]));
  // Interleaved, so that drift on the machine hits every command alike.
  for (let i = 0; i < runs + 1; i++) {
    for (const command of commands) {
      const child = await runChild(command.argv, dir);
      if (child.code !== 0) throw new Error(`${command.label} exited with ${String(child.code)}:\n${child.stderr}`);
      // The first round warms the file system cache and is not counted.
      if (i > 0) times.get(command.label)?.push(child.ms);
    }
  }
  const baselineMs = median(times.get('node -e 0') ?? []);
  return {
    runs,
    file: 'deployment.yaml',
    baselineMs,
    commands: commands.map(command => {
      const medianMs = median(times.get(command.label) ?? []);
      return { label: command.label, argv: command.argv.map(arg => (arg === cli ? 'dist/cli/main.js' : arg)), medianMs, ratio: medianMs / baselineMs };
    }),
  };
}

const COLD_START_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          ports:
            - containerPort: 8080
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            capabilities:
              drop: [ALL]
`;

// ---------------------------------------------------------------------------------------------
// Output

function formatMiB(bytes: number): string {
  return `${(bytes / MiB).toFixed(0)} MiB`;
}

function formatInt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map(row => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export function resultsTable(sizes: readonly SizeResult[]): string {
  const rows: string[][] = [];
  for (const size of sizes) {
    for (const mode of size.modes) {
      rows.push([
        `${size.size} (${(size.corpus.bytes / 1e6).toFixed(1)} MB, ${String(size.corpus.files)} files)`,
        mode.mode,
        mode.medianWorkMs.toFixed(0),
        mode.medianProcessMs.toFixed(0),
        formatInt(mode.objectsPerSecond),
        mode.megabytesPerSecond.toFixed(2),
        formatMiB(mode.peakRssBytes),
        mode.ratioToBareParse === undefined ? '' : `${mode.ratioToBareParse.toFixed(2)}×`,
        mode.bestRatioToBareParse === undefined ? '' : `${mode.bestRatioToBareParse.toFixed(2)}×`,
        (mode.medianCpuMs / mode.medianWorkMs).toFixed(2),
      ]);
    }
  }
  return table(['corpus', 'mode', 'work ms', 'process ms', 'objects/s', 'MB/s', 'peak RSS', 'vs bare-parse', 'best vs best', 'CPU/wall'], rows);
}

export function coldStartTable(cold: ColdStartResult): string {
  return table(
    ['command', 'median ms', `vs node -e 0`],
    cold.commands.map(command => [command.label, command.medianMs.toFixed(0), `${command.ratio.toFixed(2)}×`]),
  );
}

function verdicts(sizes: readonly SizeResult[], cold: ColdStartResult | undefined): string[] {
  const lines: string[] = [];
  const mark = (ok: boolean): string => (ok ? 'met    ' : 'NOT MET');
  const best = (mode: ModeResult): string =>
    mode.bestRatioToBareParse === undefined ? '' : ` (best vs best ${mode.bestRatioToBareParse.toFixed(2)}×)`;
  for (const size of sizes) {
    const scan = size.modes.find(mode => mode.mode === 'scan');
    const workers = size.modes.find(mode => mode.mode === 'scan-workers');
    if (scan?.ratioToBareParse !== undefined) {
      lines.push(
        `${mark(scan.ratioToBareParse >= TARGETS.scanRatio)} ${size.size}: scan at ${scan.ratioToBareParse.toFixed(2)}× bare-parse${best(scan)} (target ≥ ${String(TARGETS.scanRatio)})`,
      );
    }
    if (workers?.ratioToBareParse !== undefined) {
      lines.push(
        `${mark(workers.ratioToBareParse > TARGETS.workersRatio)} ${size.size}: scan-workers (2 threads) at ${workers.ratioToBareParse.toFixed(2)}× bare-parse${best(workers)} (target > 1)`,
      );
    }
    if (size.corpus.objects >= 100_000) {
      for (const mode of size.modes.filter(candidate => candidate.mode !== 'bare-parse')) {
        lines.push(`${mark(mode.peakRssBytes < TARGETS.maxRssBytes)} ${size.size}: ${mode.mode} peak RSS ${formatMiB(mode.peakRssBytes)} (target < 1 GiB)`);
      }
    }
    for (const mode of size.modes) {
      if (mode.objects !== size.corpus.objects) lines.push(`WARNING ${size.size} ${mode.mode}: saw ${String(mode.objects)} objects, corpus has ${String(size.corpus.objects)}`);
      if (mode.errors > 0) lines.push(`WARNING ${size.size} ${mode.mode}: ${String(mode.errors)} load errors on a generated corpus`);
    }
  }
  const scanCold = cold?.commands.find(command => command.label.includes('-o json'));
  if (scanCold !== undefined) {
    lines.push(`${mark(scanCold.ratio <= TARGETS.coldStartRatio)} cold start: one-file scan at ${scanCold.ratio.toFixed(2)}× node -e 0 (target ≤ ${String(TARGETS.coldStartRatio)}×)`);
  }
  return lines;
}

function git(args: readonly string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function machine(): Record<string, string | number | boolean> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / (1024 * MiB)),
    os: `${platform()} ${release()}`,
    node: process.version,
    commit: git(['rev-parse', 'HEAD']) ?? 'unknown',
    /** Uncommitted changes under src/ at the time of the run: the figures are for that tree. */
    srcDirty: (git(['status', '--porcelain', '--', 'src']) ?? '') !== '',
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const script = buildMeasureScript();
  const info = machine();
  const loadBefore = loadavg()[0] ?? 0;
  process.stderr.write(`kubeward bench on ${String(info.cpu)} (${String(info.cores)} cores), Node ${process.version}\n`);

  const sizes: SizeResult[] = [];
  for (const size of options.sizes) {
    const corpus = ensureCorpus(size, line => process.stderr.write(`${line}\n`));
    process.stderr.write(`${size}: ${String(corpus.objects)} objects in ${String(corpus.files)} files, ${(corpus.bytes / 1e6).toFixed(1)} MB\n`);
    const raw = await measureModes(script, options.modes, corpus, options.runs);
    const bareRuns = raw.get('bare-parse') ?? [];
    const bare = { median: median(bareRuns.map(run => run.workMs)), best: Math.min(...bareRuns.map(run => run.workMs)) };
    sizes.push({ size, corpus: { ...corpus, dir: relative(ROOT, corpus.dir) }, modes: options.modes.map(mode => summarise(mode, raw.get(mode) ?? [], corpus, bare)) });
  }

  let cold: ColdStartResult | undefined;
  if (options.cold) {
    process.stderr.write(`cold start (${String(options.coldRuns)} runs each) ...\n`);
    cold = await measureColdStart(options.coldRuns);
  }

  const report = {
    date: new Date().toISOString(),
    machine: info,
    /** 1-minute load average before and after: other work on the machine skews absolute figures more than ratios. */
    loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
    options,
    targets: TARGETS,
    sizes,
    coldStart: cold,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, options.out), `${JSON.stringify(report, null, 2)}\n`);

  console.log(
    `\nkubeward bench: ${String(info.cpu)}, ${String(info.cores)} cores, Node ${process.version}; median of ${String(options.runs)} runs per mode; ` +
      `load average ${loadBefore.toFixed(2)} before, ${report.loadAverage.after.toFixed(2)} after`,
  );
  const rules = Math.max(0, ...sizes.flatMap(size => size.modes.map(mode => mode.rules)));
  console.log(`rules: ${String(rules)}; work ms: from the start of work to the result, in the child (startup excluded); process ms: whole child process\n`);
  console.log(resultsTable(sizes));
  if (cold !== undefined) {
    console.log(`\nCold start (median of ${String(cold.runs)} runs, whole process):\n`);
    console.log(coldStartTable(cold));
  }
  console.log('\nTargets:');
  for (const line of verdicts(sizes, cold)) console.log(`  ${line}`);
  console.log(`\nFull results: ${join('bench', '.results', options.out)}`);
}

await main();
