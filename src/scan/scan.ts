import type { KubewardConfig } from '../config/config.js';
import type { Baseline } from '../findings/baseline.js';
import { applyBaseline } from '../findings/baseline.js';
import type { Finding } from '../findings/finding.js';
import { compareFindings, compareStrings } from '../findings/finding.js';
import { collectSecretValues, createRedactor } from '../findings/redact.js';
import { createSuppressor } from '../findings/suppress.js';
import type { LoadError } from '../load/errors.js';
import type { InputSource } from '../load/inputs.js';
import { expandInputs } from '../load/inputs.js';
import type { ParseLimits } from '../load/limits.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import type { SourceResult } from '../load/load-source.js';
import { loadSource } from '../load/load-source.js';
import { toPointer } from '../load/path.js';
import type { KubeObject } from '../snapshot/kube-object.js';
import { locate } from '../snapshot/kube-object.js';
import { ClusterSnapshot } from '../snapshot/snapshot.js';
import type { Rule } from '../rules/types.js';
import type { RuleSettings } from './run-rules.js';
import { runRules } from './run-rules.js';

export interface ScanRequest {
  readonly operands: readonly string[];
  readonly cwd: string;
  /** The rules to run, already filtered by config and flags. */
  readonly rules: readonly Rule[];
  readonly config: KubewardConfig;
  readonly baseline?: Baseline | undefined;
  readonly limits?: ParseLimits;
  /** Worker threads for parsing; 1 parses on the main thread. */
  readonly jobs?: number;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface ScanStats {
  readonly files: number;
  readonly documents: number;
  /** Documents in discovered files that are not Kubernetes objects (Helm values, CI configs...). */
  readonly ignoredDocuments: number;
  readonly objects: number;
  readonly chars: number;
  readonly unknownKinds: Readonly<Record<string, number>>;
}

export interface ScanResult {
  readonly findings: readonly Finding[];
  readonly errors: readonly LoadError[];
  readonly stats: ScanStats;
  readonly rules: readonly Rule[];
  readonly examined: ReadonlyMap<string, readonly KubeObject[]>;
  /** A `--baseline` report was given, so every active finding is new. */
  readonly baselineApplied: boolean;
}

export type SourceLoader = (sources: readonly InputSource[], limits: ParseLimits, onLoaded: () => void) => Promise<SourceResult[]>;

/** The whole pipeline: inputs → snapshot → rules → findings, with errors kept beside results. */
export async function scan(request: ScanRequest, loader: SourceLoader = loadSequentially): Promise<ScanResult> {
  const limits = request.limits ?? DEFAULT_LIMITS;
  const { sources, errors: inputErrors } = await expandInputs(request.operands, request.cwd);
  let done = 0;
  const results = await loader(sources, limits, () => request.onProgress?.(++done, sources.length));
  const objects: KubeObject[] = [];
  const errors: LoadError[] = [...inputErrors];
  let documents = 0;
  let ignoredDocuments = 0;
  let chars = 0;
  for (const result of results) {
    objects.push(...result.objects);
    errors.push(...result.errors);
    documents += result.documents;
    ignoredDocuments += result.ignored;
    chars += result.chars;
  }
  const snapshot = new ClusterSnapshot(objects, { workloads: request.config.workloads });
  for (const problem of snapshot.shapeProblems) {
    const position = locate(problem.object, problem.path);
    errors.push({
      file: problem.object.source?.file ?? '<cluster>',
      line: position?.line ?? problem.object.line,
      message: `${problem.object.kind} "${problem.object.name}": ${toPointer(problem.path)}: ${problem.message}`,
    });
  }
  return evaluate(snapshot, request, errors, { files: sources.length, documents, ignoredDocuments, objects: objects.length, chars });
}

/** Rules, suppressions, redaction and baseline over a snapshot built by any loader. */
export function evaluate(
  snapshot: ClusterSnapshot,
  request: Pick<ScanRequest, 'rules' | 'config' | 'baseline'>,
  errors: readonly LoadError[],
  counts: Omit<ScanStats, 'unknownKinds'>,
): ScanResult {
  const settings = new Map<string, RuleSettings>();
  for (const [id, setting] of request.config.rules) settings.set(id, setting);
  const suppress = createSuppressor(snapshot, request.config.exemptions);
  const redact = createRedactor(collectSecretValues(snapshot));
  const run = runRules(snapshot, request.rules, settings, suppress, redact);
  let findings = run.findings.sort(compareFindings);
  if (request.baseline !== undefined) findings = applyBaseline(findings, request.baseline);
  const sortedErrors = errors
    .map(error => ({ ...error, message: redact(error.message) }))
    .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.message, b.message));
  return {
    findings,
    errors: sortedErrors,
    stats: { ...counts, unknownKinds: Object.fromEntries([...snapshot.unknownKinds].sort(([a], [b]) => compareStrings(a, b))) },
    rules: request.rules,
    examined: run.examined,
    baselineApplied: request.baseline !== undefined,
  };
}

async function loadSequentially(sources: readonly InputSource[], limits: ParseLimits, onLoaded: () => void): Promise<SourceResult[]> {
  const results: SourceResult[] = [];
  for (const source of sources) {
    results.push(await loadSource(source, limits));
    onLoaded();
  }
  return results;
}
