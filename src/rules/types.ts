import type { Path } from '../load/path.js';
import type { SourcePosition } from '../load/position-index.js';
import type { JsonRecord } from '../snapshot/guards.js';
import type { KubeObject } from '../snapshot/kube-object.js';
import type { PodSpecView } from '../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../snapshot/snapshot.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'workload',
  'image',
  'network',
  'rbac',
  'secrets',
  'namespace',
  'tenancy',
  'control-plane',
  'node',
  'supply-chain',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Scanners whose equivalent check IDs each rule records. */
export const EQUIVALENT_TOOLS = [
  'polaris',
  'kube-score',
  'kube-linter',
  'trivy',
  'checkov',
  'kubescape',
  'kubeaudit',
  'kubesec',
  'kube-bench',
] as const;
export type EquivalentTool = (typeof EQUIVALENT_TOOLS)[number];
export type Equivalents = Readonly<Partial<Record<EquivalentTool, string | readonly string[]>>>;

export interface Frameworks {
  /** CIS Kubernetes Benchmark v1.12 recommendation numbers, e.g. `5.2.2`. */
  readonly cis?: readonly string[];
  /** NSA-CISA Kubernetes Hardening Guide (v1.2) section titles. */
  readonly nsa?: readonly string[];
  /** MITRE ATT&CK technique IDs, e.g. `T1611`. */
  readonly mitre?: readonly string[];
  /** Pod Security Standards `level/check`, e.g. `baseline/privileged`. */
  readonly pss?: readonly string[];
}

export interface RuleMeta {
  /** Kebab-case, stable forever; equals the file name and the docs page name. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly description: string;
  readonly remediation: string;
  readonly frameworks: Frameworks;
  readonly equivalents: Equivalents;
  readonly fixable: boolean;
  /**
   * JSON Schema (draft-07) of the rule's `options` in kubeward.yaml, an object schema with
   * `additionalProperties: false`. Rules without options leave it out, and options given to them
   * are a config error.
   */
  readonly optionsSchema?: Readonly<Record<string, unknown>>;
}

export interface RuleContext {
  readonly snapshot: ClusterSnapshot;
  /** `rules.<id>.options` from the config file, unvalidated beyond being a mapping. */
  readonly options: JsonRecord;
  /** Records a finding at `path` inside `object`; its line is looked up from the path. */
  report(object: KubeObject, path: Path, message: string, details?: ReportDetails): void;
}

export interface ReportDetails {
  /** The exact position, for problems the value tree cannot show (a duplicated key). */
  readonly at?: SourcePosition;
  /**
   * This finding's severity when it differs from the rule's (a load balancer restricted to known
   * sources is less urgent than an open one). A severity set for the rule in kubeward.yaml wins.
   */
  readonly severity?: Severity;
}

/** Checks every pod spec: Pods, workload templates, CronJob job templates. */
export interface PodRule extends RuleMeta {
  readonly target: 'pod';
  check(pod: PodSpecView, context: RuleContext): void;
}

/** Checks objects of the listed kinds. */
export interface ObjectRule extends RuleMeta {
  readonly target: 'object';
  /** Kinds the rule examines; `'*'` for every object. */
  readonly kinds: readonly string[] | '*';
  check(object: KubeObject, context: RuleContext): void;
}

/** Checks relationships across the snapshot; `examines` lists what it looked at (for JUnit). */
export interface SnapshotRule extends RuleMeta {
  readonly target: 'snapshot';
  examines(snapshot: ClusterSnapshot): readonly KubeObject[];
  check(context: RuleContext): void;
}

export type Rule = PodRule | ObjectRule | SnapshotRule;

/** Identity at run time; at compile time it checks the rule's shape (like typescript-eslint's createRule). */
export function defineRule<const T extends Rule>(rule: T): T {
  return rule;
}
