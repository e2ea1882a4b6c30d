import { availableParallelism } from 'node:os';

import type { KubewardConfig } from '../config/config.js';
import { loadConfig } from '../config/config.js';
import { loadBaseline } from '../findings/baseline.js';
import type { Baseline } from '../findings/baseline.js';
import { isActive, isAtLeast } from '../findings/finding.js';
import { ALL_RULES } from '../rules/index.js';
import type { Rule, Severity } from '../rules/types.js';
import { SEVERITIES } from '../rules/types.js';
import type { ScanResult } from '../scan/scan.js';
import { scan } from '../scan/scan.js';
import { toolVersion } from '../version.js';
import { EXIT_FINDINGS, EXIT_INPUT_ERROR, EXIT_OK } from './exit-codes.js';
import type { OutputFormat, ScanFlags } from './program.js';
import { createProgress } from './progress.js';

export async function runScan(paths: readonly string[], flags: ScanFlags): Promise<number> {
  const cwd = process.cwd();
  const known = new Map(ALL_RULES.map(rule => [rule.id, rule.optionsSchema]));
  const configResult = await loadConfig(flags.config, cwd, known);
  if ('error' in configResult) {
    const { file, line, message } = configResult.error;
    return usageError(`${file}${line > 0 ? `:${String(line)}` : ''}: ${message}`);
  }
  const { config } = configResult;

  const unknownIds = [...(flags.rules ?? []), ...(flags.skipRules ?? [])].filter(id => !known.has(id));
  if (unknownIds.length > 0) return usageError(`unknown rule ${unknownIds.map(id => `"${id}"`).join(', ')} (see \`kubeward rules\`)`);

  let baseline: Baseline | undefined;
  if (flags.baseline !== undefined) {
    const loaded = await loadBaseline(flags.baseline);
    if (typeof loaded === 'string') return usageError(`${flags.baseline}: ${loaded}`);
    baseline = loaded;
  }

  const failOn = resolveFailOn(flags.failOn, config);
  const progress = createProgress(process.stderr);
  let result: ScanResult;
  try {
    result = await scan(
      {
        operands: paths,
        cwd,
        rules: selectRules(ALL_RULES, config, flags),
        config,
        baseline,
        onProgress: progress.update,
      },
      await chooseLoader(flags.jobs),
    );
  } finally {
    progress.done();
  }

  process.stdout.write(await format(flags.output, result, flags.color ?? shouldColor()));
  if (result.errors.length > 0) {
    if (flags.output !== 'text') {
      for (const error of result.errors) {
        process.stderr.write(`kubeward: ${error.file}${error.line > 0 ? `:${String(error.line)}` : ''}: ${error.message}\n`);
      }
    }
    return EXIT_INPUT_ERROR;
  }
  if (failOn !== undefined && result.findings.some(finding => isActive(finding) && isAtLeast(finding.severity, failOn))) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** Config decides what runs; `--rules` narrows it to a list, `--skip-rules` removes from it. */
export function selectRules(rules: readonly Rule[], config: KubewardConfig, flags: Pick<ScanFlags, 'rules' | 'skipRules'>): Rule[] {
  const only = flags.rules === undefined ? undefined : new Set(flags.rules);
  const skip = new Set(flags.skipRules ?? []);
  return rules.filter(rule => {
    if (skip.has(rule.id)) return false;
    if (only !== undefined) return only.has(rule.id);
    return config.rules.get(rule.id)?.enabled !== false;
  });
}

function resolveFailOn(flag: string | undefined, config: KubewardConfig): Severity | undefined {
  const value = flag ?? config.failOn;
  if (value === undefined || value === 'none') return undefined;
  return SEVERITIES.find(severity => severity === value);
}

async function chooseLoader(jobs: number): Promise<Parameters<typeof scan>[1]> {
  const threads = jobs === 0 ? availableParallelism() : jobs;
  if (threads <= 1) return undefined;
  const { createWorkerLoader } = await import('../load/worker-pool.js');
  return createWorkerLoader(threads);
}

async function format(output: OutputFormat, result: ScanResult, color: boolean): Promise<string> {
  const options = { color, toolVersion: toolVersion() };
  switch (output) {
    case 'text':
      return (await import('../report/text.js')).formatText(result, options);
    case 'json':
      return (await import('../report/json.js')).formatJson(result, options);
    case 'sarif':
      return (await import('../report/sarif.js')).formatSarif(result, options);
    case 'junit':
      return (await import('../report/junit.js')).formatJunit(result, options);
    case 'markdown':
      return (await import('../report/markdown.js')).formatMarkdown(result, options);
  }
}

/** NO_COLOR (no-color.org) wins, then FORCE_COLOR, then whether stdout is a terminal. */
function shouldColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY;
}

function usageError(message: string): number {
  process.stderr.write(`kubeward: ${message}\n`);
  return EXIT_INPUT_ERROR;
}
