import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

import { toolVersion } from '../version.js';
import { EXIT_INPUT_ERROR } from './exit-codes.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
const SEVERITY_CHOICES = ['critical', 'high', 'medium', 'low', 'info', 'none'];

export interface ScanFlags {
  readonly output: OutputFormat;
  readonly failOn?: string;
  readonly config?: string;
  readonly baseline?: string;
  readonly rules?: string[];
  readonly skipRules?: string[];
  readonly color?: boolean;
  readonly jobs: number;
}

const SCAN_HELP = `
Examples:
  $ kubeward scan ./manifests                      every .yaml, .yml and .json below ./manifests
  $ helm template my-release ./chart | kubeward scan -
  $ kubectl get all -A -o yaml | kubeward scan -
  $ kustomize build overlays/prod | kubeward scan - --fail-on high
  $ kubeward scan 'deploy/**/*.yaml' -o sarif > kubeward.sarif

Exit codes:
  0  scan ran; nothing at or above --fail-on (without --fail-on findings never fail)
  1  at least one finding at or above --fail-on that is neither suppressed nor in --baseline
  2  usage error or unreadable input (bad YAML, missing file...); all other inputs were still scanned

Suppress a finding on one resource with the annotation
  kubeward.io/ignore: "rule-id,other-rule-id"   (and optionally kubeward.io/ignore-reason: "why")
or for many resources with 'exemptions' in kubeward.yaml (see README).`;

export function buildProgram(): Command {
  const program = new Command('kubeward')
    .description('Kubernetes security scanner: finds misconfigurations in manifests, with the file and line of each.')
    .version(toolVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .exitOverride();

  program
    .command('scan')
    .description('scan manifests (files, directories, globs, or - for stdin) and report findings')
    .argument('[paths...]', 'files, directories (recursive), globs, or - for stdin', ['.'])
    .addOption(new Option('-o, --output <format>', 'report format').choices(OUTPUT_FORMATS).default('text'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an active finding is at or above this severity').choices(SEVERITY_CHOICES))
    .option('--config <file>', 'config file (default: ./kubeward.yaml if present)')
    .option('--baseline <file>', 'previous `scan -o json` report; only new findings count toward --fail-on')
    .option('--rules <ids>', 'run only these rules (comma-separated)', commaList)
    .option('--skip-rules <ids>', 'do not run these rules (comma-separated)', commaList)
    .option('--color', 'force coloured text output')
    .option('--no-color', 'never colour text output')
    .option('-j, --jobs <n>', 'parse files on N threads: the main thread and N-1 workers ("auto": one per core)', parseJobs, 1)
    .addHelpText('after', SCAN_HELP)
    .action(async (paths: string[], flags: ScanFlags) => {
      const { runScan } = await import('./scan-command.js');
      process.exitCode = await runScan(paths, flags);
    });

  program
    .command('rules')
    .description('list every rule with its severity and category')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (flags: { output: 'text' | 'json' | 'markdown' }) => {
      const { runRules } = await import('./rules-command.js');
      process.exitCode = runRules(flags.output);
    });

  program
    .command('explain')
    .description('explain a rule: what it checks, why it matters, how to fix it, and its equivalents in other scanners')
    .argument('<rule-id>', 'rule id, as shown in findings (e.g. privileged-container)')
    .action(async (id: string) => {
      const { runExplain } = await import('./explain-command.js');
      process.exitCode = runExplain(id);
    });

  return program;
}

export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version "fail" with exit code 0; real usage errors are exit 2 (DESIGN.md).
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_INPUT_ERROR;
      return;
    }
    process.stderr.write(`kubeward: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write('Please report this with the command line you ran.\n');
    process.exitCode = 3;
  }
}

function commaList(value: string, previous: string[] | undefined): string[] {
  const items = value
    .split(',')
    .map(item => item.trim())
    .filter(item => item !== '');
  return [...(previous ?? []), ...items];
}

function parseJobs(value: string): number {
  if (value === 'auto') return 0;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64, or "auto"');
  return jobs;
}
