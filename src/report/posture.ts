import type { Finding } from '../findings/finding.js';
import { isActive } from '../findings/finding.js';
import type { Category, Rule, Severity } from '../rules/types.js';
import type { KubeObject } from '../snapshot/kube-object.js';

/** The security practices of the hardening guidance, in the order reports show them. */
export const PRACTICES = ['control-plane', 'workload', 'network', 'rbac', 'secrets', 'supply-chain', 'tenancy', 'monitoring'] as const;
export type Practice = (typeof PRACTICES)[number];

export const PRACTICE_TITLES: Readonly<Record<Practice, string>> = {
  'control-plane': 'Control plane and nodes',
  workload: 'Workload hardening',
  network: 'Network',
  rbac: 'RBAC',
  secrets: 'Secrets and service accounts',
  'supply-chain': 'Supply chain',
  tenancy: 'Tenancy and namespaces',
  monitoring: 'Audit and monitoring',
};

const PRACTICE_OF: Readonly<Record<Category, Practice>> = {
  'control-plane': 'control-plane',
  node: 'control-plane',
  workload: 'workload',
  network: 'network',
  rbac: 'rbac',
  secrets: 'secrets',
  image: 'supply-chain',
  'supply-chain': 'supply-chain',
  namespace: 'tenancy',
  tenancy: 'tenancy',
};

export function practiceOf(category: Category): Practice {
  return PRACTICE_OF[category];
}

/** How much a failed check weighs in the score; info findings advise and do not count. */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { critical: 10, high: 5, medium: 3, low: 1, info: 0 };

export interface PracticeScore {
  readonly practice: Practice;
  readonly title: string;
  /** 0-100, or undefined when no weighted check examined anything. */
  readonly score: number | undefined;
  /** (rule, resource) checks that ran, and how many of them failed. */
  readonly checks: number;
  readonly failed: number;
  readonly findings: number;
}

/**
 * Posture per practice: every (rule, resource) pair a rule examined is a check weighing its
 * severity (critical 10, high 5, medium 3, low 1, info 0). A check fails when it has an active
 * finding; a baselined finding still fails (it is known, not fixed); a suppressed one is an
 * accepted exception and leaves the check out. Score = 100 × (1 − failed weight / total weight).
 */
export function postureScores(
  rules: readonly Rule[],
  examined: ReadonlyMap<string, readonly KubeObject[]>,
  findings: readonly Finding[],
): PracticeScore[] {
  const failing = new Map<string, Set<string>>();
  const suppressed = new Map<string, Set<string>>();
  const findingCount = new Map<Practice, number>();
  for (const finding of findings) {
    const key = resourceKey(finding.resource);
    const target = finding.suppressed === undefined ? failing : suppressed;
    let set = target.get(finding.ruleId);
    if (set === undefined) target.set(finding.ruleId, (set = new Set()));
    set.add(key);
    if (isActive(finding)) findingCount.set(practiceOf(finding.category), (findingCount.get(practiceOf(finding.category)) ?? 0) + 1);
  }
  const totals = new Map<Practice, { total: number; lost: number; checks: number; failed: number }>();
  for (const rule of rules) {
    const weight = SEVERITY_WEIGHT[rule.severity];
    const practice = practiceOf(rule.category);
    const entry = totals.get(practice) ?? { total: 0, lost: 0, checks: 0, failed: 0 };
    const seen = new Set<string>();
    for (const object of examined.get(rule.id) ?? []) {
      const key = resourceKey(object);
      if (seen.has(key) || suppressed.get(rule.id)?.has(key) === true) continue;
      seen.add(key);
      entry.checks++;
      entry.total += weight;
      if (failing.get(rule.id)?.has(key) === true) {
        entry.failed++;
        entry.lost += weight;
      }
    }
    totals.set(practice, entry);
  }
  const scores: PracticeScore[] = [];
  for (const practice of PRACTICES) {
    const entry = totals.get(practice);
    if (entry === undefined || entry.checks === 0) continue;
    scores.push({
      practice,
      title: PRACTICE_TITLES[practice],
      score: entry.total === 0 ? undefined : Math.round(100 * (1 - entry.lost / entry.total)),
      checks: entry.checks,
      failed: entry.failed,
      findings: findingCount.get(practice) ?? 0,
    });
  }
  return scores;
}

function resourceKey(resource: { readonly kind: string; readonly namespace?: string | undefined; readonly name: string }): string {
  return `${resource.kind}\u0000${resource.namespace ?? ''}\u0000${resource.name}`;
}
