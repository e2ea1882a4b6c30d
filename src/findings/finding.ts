import type { Category, Equivalents, Frameworks, Severity } from '../rules/types.js';

export interface ResourceRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

export interface FindingSource {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  /** Helm template or Kustomize origin that produced the object. */
  readonly template?: string;
}

export interface Suppression {
  readonly reason: string;
  readonly by: 'annotation' | 'config';
}

/** Plain data: formatting happens only at the edge. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly title: string;
  readonly message: string;
  readonly remediation: string;
  readonly resource: ResourceRef;
  /** Absent for objects read from a live cluster. */
  readonly source?: FindingSource;
  /** JSON pointer of the offending field inside the object. */
  readonly path: string;
  readonly frameworks: Frameworks;
  readonly equivalents: Equivalents;
  /** Stable across runs and line moves: rule, resource identity and field path. */
  readonly fingerprint: string;
  readonly suppressed?: Suppression;
  /** Present in the `--baseline` report, so it does not count toward `--fail-on`. */
  readonly baseline?: boolean;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** Findings that count: neither suppressed nor already in the baseline. */
export function isActive(finding: Finding): boolean {
  return finding.suppressed === undefined && finding.baseline !== true;
}

/** File, line, rule, then resource and path, so reports and goldens never reorder. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.source?.file ?? '', b.source?.file ?? '') ||
    (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.resource.kind, b.resource.kind) ||
    compareStrings(a.resource.namespace ?? '', b.resource.namespace ?? '') ||
    compareStrings(a.resource.name, b.resource.name) ||
    compareStrings(a.path, b.path) ||
    compareStrings(a.message, b.message)
  );
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
