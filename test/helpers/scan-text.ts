import { EMPTY_CONFIG } from '../../src/config/config.js';
import type { KubewardConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/findings/finding.js';
import type { LoadError } from '../../src/load/errors.js';
import type { InputFormat } from '../../src/load/inputs.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import type { ParseLimits } from '../../src/load/limits.js';
import { loadSource } from '../../src/load/load-source.js';
import type { KubeObject } from '../../src/snapshot/kube-object.js';
import { ClusterSnapshot } from '../../src/snapshot/snapshot.js';
import { ALL_RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/types.js';
import type { Baseline } from '../../src/findings/baseline.js';
import type { ScanResult } from '../../src/scan/scan.js';
import { evaluate } from '../../src/scan/scan.js';

export interface TextScanOptions {
  readonly rules?: readonly Rule[];
  readonly config?: KubewardConfig;
  readonly file?: string;
  readonly format?: InputFormat;
  readonly limits?: ParseLimits;
  readonly baseline?: Baseline;
}

/** Loads manifests from a string, exactly as a file would be loaded. */
export async function loadText(text: string, options: TextScanOptions = {}): Promise<{ objects: KubeObject[]; errors: LoadError[] }> {
  const result = await loadSource(
    { kind: 'text', text, display: options.file ?? 'input.yaml', format: options.format ?? 'yaml' },
    options.limits ?? DEFAULT_LIMITS,
  );
  return { objects: result.objects, errors: result.errors };
}

/** The scan pipeline over in-memory text: load, snapshot, rules, suppressions. */
export async function scanText(text: string, options: TextScanOptions = {}): Promise<ScanResult> {
  const { objects, errors } = await loadText(text, options);
  const snapshot = new ClusterSnapshot(objects, { workloads: options.config?.workloads ?? [] });
  return evaluate(snapshot, { rules: options.rules ?? ALL_RULES, config: options.config ?? EMPTY_CONFIG, baseline: options.baseline }, errors, {
    files: 1,
    documents: objects.length,
    ignoredDocuments: 0,
    objects: objects.length,
    chars: text.length,
  });
}

/** `file:line ruleId` strings, the compact form most assertions compare. */
export function findingLines(findings: readonly Finding[]): string[] {
  return findings.map(finding => `${String(finding.source?.line ?? 0)} ${finding.ruleId}`);
}
