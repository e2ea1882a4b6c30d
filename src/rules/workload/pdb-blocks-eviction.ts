import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import type { RuleContext } from '../types.js';
import { defineRule } from '../types.js';
import type { BudgetField, BudgetView } from '../util/disruption-budget.js';
import { budgetSelects, budgetView } from '../util/disruption-budget.js';
import { autoscalerIndex, describeAutoscalers, isReplicatedWorkload, replicaRange } from '../util/replica-count.js';
import { describeObject, hasControllerOwner } from '../util/workload-lifecycle.js';

const CONSEQUENCE = 'node drains and cluster upgrades hang on its pods until someone deletes them by hand';

/** Kinds whose pods the disruption controller cannot count for a percentage or maxUnavailable: no scale subresource. */
const UNSCALABLE = ['DaemonSet', 'Job', 'CronJob'] as const;

/** How many pods one selected object contributes, if that can be known. */
interface Contribution {
  readonly object: KubeObject;
  /** Fewest pods it runs (an autoscaler's minReplicas when one scales it); undefined when unknown. */
  readonly pods: number | undefined;
  readonly bare: boolean;
  readonly note: string;
}

/**
 * The top-level objects whose pods the budget selects: pod specs in its namespace whose labels
 * match, leaving out PodTemplates (they run nothing) and objects managed by another controller
 * (a live cluster's ReplicaSets and Pods, already counted through their owner).
 */
function contributions(snapshot: ClusterSnapshot, budget: BudgetView): Contribution[] {
  const autoscalers = autoscalerIndex(snapshot);
  const result: Contribution[] = [];
  for (const pod of snapshot.podSpecsInNamespace(budget.namespace)) {
    const { object } = pod;
    if (isBuiltIn(object, 'PodTemplate') || hasControllerOwner(object) || !budgetSelects(budget, pod.labels)) continue;
    if (isBuiltIn(object, 'Pod')) {
      result.push({ object, pods: 1, bare: true, note: `${describeObject(object)}: 1 pod` });
      continue;
    }
    const range = isReplicatedWorkload(object) ? replicaRange(object, autoscalers) : undefined;
    if (range === undefined) {
      result.push({ object, pods: undefined, bare: false, note: describeObject(object) });
      continue;
    }
    const note =
      range.autoscalers.length > 0
        ? `${describeObject(object)}: as few as ${String(range.min)} ${range.min === 1 ? 'replica' : 'replicas'} under ${describeAutoscalers(range.autoscalers)}`
        : `${describeObject(object)}: ${String(range.min)} ${range.min === 1 ? 'replica' : 'replicas'}`;
    result.push({ object, pods: range.min, bare: false, note });
  }
  return result;
}

function sum(values: readonly (number | undefined)[]): number | undefined {
  let total = 0;
  for (const value of values) {
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

function notes(selected: readonly Contribution[]): string {
  return selected.map(entry => entry.note).join('; ');
}

/**
 * maxUnavailable and percentage minAvailable need the scale of each selected pod's controller.
 * Pods of a controller without a scale subresource make the disruption controller fail safe (no
 * disruption allowed); bare Pods are left out of the expected count, so a budget over bare Pods
 * only expects 0 pods and allows nothing either.
 */
function scaleProblem(field: BudgetField, selected: readonly Contribution[]): string | undefined {
  const uses = field.path.at(-1) === 'maxUnavailable' ? 'maxUnavailable' : 'a percentage minAvailable';
  const unscalable = selected.find(entry => UNSCALABLE.some(kind => isBuiltIn(entry.object, kind)));
  if (unscalable !== undefined) {
    return `uses ${uses}, which needs the selected pods' controller to have a scale subresource, but ${describeObject(unscalable.object)} has none: the disruption controller fails safe and allows no disruption, so ${CONSEQUENCE}; use an integer minAvailable`;
  }
  if (selected.length > 0 && selected.every(entry => entry.bare)) {
    return `uses ${uses} but selects only bare Pods (${selected.map(entry => `"${entry.object.name}"`).join(', ')}), which have no controller to take the expected count from: the disruption controller expects 0 pods and allows no disruption, so ${CONSEQUENCE}; use an integer minAvailable`;
  }
  return undefined;
}

function checkMaxUnavailable(field: BudgetField, selected: readonly Contribution[]): string | undefined {
  if (field.value.value === 0) return `sets maxUnavailable: ${field.text}, so no selected pod may ever be evicted: ${CONSEQUENCE}`;
  return scaleProblem(field, selected);
}

function checkMinAvailable(field: BudgetField, selected: readonly Contribution[]): string | undefined {
  const { value } = field;
  if (value.value === 0) return undefined;
  if (value.kind === 'percent') {
    if (value.value === 100) return `sets minAvailable: ${field.text}, so every selected pod must stay available and none may ever be evicted: ${CONSEQUENCE}`;
    const problem = scaleProblem(field, selected);
    if (problem !== undefined) return problem;
    const managed = selected.filter(entry => !entry.bare);
    const expected = sum(managed.map(entry => entry.pods));
    if (expected === undefined || expected === 0) return undefined;
    const desired = Math.ceil((value.value * expected) / 100);
    if (desired < expected) return undefined;
    const all = expected === 1 ? 'the only pod' : `all ${String(expected)} pods`;
    return `sets minAvailable: ${field.text}, which rounds up to ${all} it selects (${notes(managed)}), so none may be evicted: ${CONSEQUENCE}`;
  }
  const total = sum(selected.map(entry => entry.pods));
  if (total === undefined || total === 0 || value.value < total) return undefined;
  return `sets minAvailable: ${field.text}, which is not below the ${String(total)} ${total === 1 ? 'pod' : 'pods'} it selects (${notes(selected)}), so none may be evicted: ${CONSEQUENCE}`;
}

function check(object: KubeObject, context: RuleContext): void {
  const budget = budgetView(context.snapshot, object);
  // A budget that selects no pods (a null selector, or an empty one in policy/v1beta1) blocks nothing.
  if (budget?.selector === undefined) return;
  const name = describeObject(object);
  const { minAvailable, maxUnavailable } = budget;
  if (minAvailable === undefined && maxUnavailable === undefined) {
    context.report(
      object,
      ['spec'],
      `${name} sets neither minAvailable nor maxUnavailable: the disruption controller then expects no pods and allows no disruption, so every eviction of the pods it selects is refused and node drains and cluster upgrades hang on them`,
    );
    return;
  }
  const selected = contributions(context.snapshot, budget);
  const field = maxUnavailable ?? minAvailable;
  if (field === undefined) return;
  const problem = maxUnavailable !== undefined ? checkMaxUnavailable(maxUnavailable, selected) : checkMinAvailable(field, selected);
  if (problem !== undefined) context.report(object, field.path, `${name} ${problem}`);
}

export default defineRule({
  id: 'pdb-blocks-eviction',
  title: 'PodDisruptionBudget allows no voluntary eviction',
  severity: 'medium',
  category: 'workload',
  description:
    'A PodDisruptionBudget that can never be satisfied makes the eviction API refuse every eviction of the pods it selects. `kubectl drain`, cluster upgrades and the cluster autoscaler then stall on those nodes, and operators end up deleting pods by hand or bypassing the budget, losing the protection it was meant to give.',
  remediation:
    'Use `maxUnavailable: 1` (or a percentage above 0%), or a `minAvailable` strictly below the number of pods the budget selects (for autoscaled workloads, below the HPA\'s minReplicas). For DaemonSets, Jobs and bare Pods use an integer `minAvailable`.',
  frameworks: {},
  equivalents: {
    polaris: ['pdbDisruptionsIsZero', 'pdbMinAvailableGreaterThanHPAMinReplicas'],
    'kube-linter': ['pdb-max-unavailable', 'pdb-min-available'],
    'kube-score': 'poddisruptionbudget-has-policy',
  },
  fixable: false,
  target: 'object',
  kinds: ['PodDisruptionBudget'],
  check,
});
