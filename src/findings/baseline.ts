import { readFile } from 'node:fs/promises';

import { describeError } from '../load/errors.js';
import { asArray, getRecord, getString, isRecord } from '../snapshot/guards.js';
import type { Finding } from './finding.js';

/** Fingerprints of a previous `scan -o json` report, with how often each occurred. */
export type Baseline = ReadonlyMap<string, number>;

export async function loadBaseline(path: string): Promise<Baseline | string> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return `cannot read baseline: ${describeError(error)}`;
  }
  const findings = isRecord(value) ? asArray(value.findings) : undefined;
  if (findings === undefined) return 'baseline is not a kubeward JSON report (no "findings" list); create one with `kubeward scan -o json`';
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (!isRecord(finding) || getRecord(finding, 'suppressed') !== undefined) continue;
    const print = getString(finding, 'fingerprint');
    if (print !== undefined) counts.set(print, (counts.get(print) ?? 0) + 1);
  }
  return counts;
}

/**
 * Marks findings already present in the baseline. Fingerprints are counted, so a second copy
 * of a known problem is still new.
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): Finding[] {
  const remaining = new Map(baseline);
  return findings.map(finding => {
    if (finding.suppressed !== undefined) return finding;
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left === 0) return finding;
    remaining.set(finding.fingerprint, left - 1);
    return { ...finding, baseline: true };
  });
}
