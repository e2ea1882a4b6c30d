import type { Path } from '../../load/path.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { getRecord, hasOwn, own } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { LabelSelector } from '../../snapshot/label-selector.js';
import { matchesSelector, parseLabelSelector } from '../../snapshot/label-selector.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';

/** An `IntOrString` budget value: a count, or a percentage string such as `"50%"`. */
export type BudgetValue = { readonly kind: 'count'; readonly value: number } | { readonly kind: 'percent'; readonly value: number };

export interface BudgetField {
  readonly value: BudgetValue;
  readonly path: Path;
  /** As written, for messages: `0`, `"100%"`. */
  readonly text: string;
}

/**
 * Reads `minAvailable` or `maxUnavailable` as the API server validates it
 * (`ValidatePositiveIntOrPercent`, `IsNotMoreThan100Percent`): a non-negative integer, or a string
 * of digits followed by `%` up to 100. Anything else is rejected, so it gives 'invalid'.
 */
export function parseBudgetValue(value: unknown): BudgetValue | 'invalid' | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? { kind: 'count', value } : 'invalid';
  if (typeof value !== 'string') return 'invalid';
  const match = /^(\d+)%$/.exec(value);
  if (match === null) return 'invalid';
  const percent = Number(match[1]);
  return percent <= 100 ? { kind: 'percent', value: percent } : 'invalid';
}

/** A PodDisruptionBudget the API server would accept, with its selector read per API version. */
export interface BudgetView {
  readonly object: KubeObject;
  readonly namespace: string;
  /** `policy/v1`; `policy/v1beta1` was removed in Kubernetes 1.25. */
  readonly v1: boolean;
  /** The pods it selects; undefined when it selects none (see `budgetView`). */
  readonly selector: LabelSelector | undefined;
  readonly minAvailable: BudgetField | undefined;
  readonly maxUnavailable: BudgetField | undefined;
}

/**
 * The budget, or undefined when `object` is not a built-in PodDisruptionBudget or the API server
 * would reject it (both fields set, a malformed value, an invalid selector). Selector semantics
 * differ by version: a null selector selects no pods in both; an empty one (`{}`) selects every
 * pod of the namespace in `policy/v1` but none in `policy/v1beta1`.
 */
export function budgetView(snapshot: ClusterSnapshot, object: KubeObject): BudgetView | undefined {
  if (!isBuiltIn(object, 'PodDisruptionBudget')) return undefined;
  const namespace = snapshot.namespaceOf(object);
  if (namespace === undefined) return undefined;
  const spec = getRecord(object.body, 'spec');
  const min = field(spec, 'minAvailable');
  const max = field(spec, 'maxUnavailable');
  if (min === 'invalid' || max === 'invalid' || (min !== undefined && max !== undefined)) return undefined;
  const v1 = object.apiVersion === 'policy/v1';
  const rawSelector = spec === undefined ? undefined : own(spec, 'selector');
  let selector: LabelSelector | undefined;
  if (rawSelector !== undefined && rawSelector !== null) {
    const parsed = parseLabelSelector(rawSelector);
    if (!parsed.ok) return undefined;
    selector = parsed.selector.requirements.length === 0 && !v1 ? undefined : parsed.selector;
  }
  return { object, namespace, v1, selector, minAvailable: min, maxUnavailable: max };
}

function field(spec: JsonRecord | undefined, name: 'minAvailable' | 'maxUnavailable'): BudgetField | 'invalid' | undefined {
  if (spec === undefined || !hasOwn(spec, name)) return undefined;
  const raw = own(spec, name);
  const value = parseBudgetValue(raw);
  if (value === undefined || value === 'invalid') return value;
  return { value, path: ['spec', name], text: typeof raw === 'string' ? `"${raw}"` : String(value.value) };
}

/** True when the budget selects a pod with these labels. */
export function budgetSelects(budget: BudgetView, labels: ReadonlyMap<string, string>): boolean {
  return budget.selector !== undefined && matchesSelector(budget.selector, labels);
}

const budgetIndexes = new WeakMap<ClusterSnapshot, ReadonlyMap<string, readonly BudgetView[]>>();

/** Accepted PodDisruptionBudgets by namespace, in input order; built once per snapshot. */
export function budgetsByNamespace(snapshot: ClusterSnapshot): ReadonlyMap<string, readonly BudgetView[]> {
  let index = budgetIndexes.get(snapshot);
  if (index === undefined) {
    const built = new Map<string, BudgetView[]>();
    for (const object of snapshot.ofKind('PodDisruptionBudget')) {
      const view = budgetView(snapshot, object);
      if (view === undefined) continue;
      const list = built.get(view.namespace);
      if (list === undefined) built.set(view.namespace, [view]);
      else list.push(view);
    }
    index = built;
    budgetIndexes.set(snapshot, index);
  }
  return index;
}
