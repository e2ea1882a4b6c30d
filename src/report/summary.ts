import type { Finding } from '../findings/finding.js';
import { isActive } from '../findings/finding.js';
import type { Severity } from '../rules/types.js';
import { SEVERITIES } from '../rules/types.js';

export type SeverityCounts = Record<Severity, number>;

/** Counts of active findings (neither suppressed nor in the baseline) by severity. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map(severity => [severity, 0])) as SeverityCounts;
  for (const finding of findings) if (isActive(finding)) counts[finding.severity]++;
  return counts;
}

export function countSuppressed(findings: readonly Finding[]): number {
  return findings.filter(finding => finding.suppressed !== undefined).length;
}

export function countBaseline(findings: readonly Finding[]): number {
  return findings.filter(finding => finding.baseline === true).length;
}
