import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';
import { budgetSelects, budgetsByNamespace } from '../util/disruption-budget.js';
import type { ReplicaRange } from '../util/replica-count.js';
import { autoscalerIndex, describeAutoscalers, replicaRange } from '../util/replica-count.js';
import { describeObject } from '../util/workload-lifecycle.js';

interface Candidate {
  readonly object: KubeObject;
  readonly pod: PodSpecView;
  readonly range: ReplicaRange;
}

/** Deployments and StatefulSets that run, or may be scaled to, more than one replica. */
function candidates(snapshot: ClusterSnapshot): Candidate[] {
  const autoscalers = autoscalerIndex(snapshot);
  const found: Candidate[] = [];
  for (const kind of ['Deployment', 'StatefulSet'] as const) {
    for (const object of snapshot.ofKind(kind)) {
      if (!isBuiltIn(object, kind)) continue;
      const pod = snapshot.podSpecOf(object);
      const range = replicaRange(object, autoscalers);
      if (pod === undefined || range === undefined || range.max <= 1) continue;
      found.push({ object, pod, range });
    }
  }
  return found;
}

function describeReplicas(range: ReplicaRange): string {
  if (range.autoscalers.length > 0) return `is scaled up to ${String(range.max)} replicas by ${describeAutoscalers(range.autoscalers)}`;
  return `runs ${String(range.max)} replicas`;
}

function describeLabels(labels: ReadonlyMap<string, string>): string {
  return labels.size === 0 ? 'no labels' : [...labels].map(([key, value]) => `${key}=${value}`).join(',');
}

export default defineRule({
  id: 'pod-disruption-budget-missing',
  title: 'Replicated workload has no PodDisruptionBudget',
  severity: 'low',
  category: 'workload',
  description:
    'Node drains (cluster upgrades, autoscaler scale-down, maintenance) evict pods through the eviction API, which only holds back when a PodDisruptionBudget protects them. Without one, draining several nodes at once may evict every replica of a Deployment or StatefulSet together, and a quorum-based StatefulSet can lose its quorum.',
  remediation:
    'Add a `policy/v1` PodDisruptionBudget whose selector matches the pod template labels, with `maxUnavailable: 1` (or a `minAvailable` below the replica count), so drains proceed one pod at a time.',
  frameworks: {},
  equivalents: {
    polaris: 'missingPodDisruptionBudget',
    'kube-score': ['deployment-has-poddisruptionbudget', 'statefulset-has-poddisruptionbudget'],
  },
  fixable: false,
  target: 'snapshot',
  examines(snapshot) {
    return candidates(snapshot).map(candidate => candidate.object);
  },
  check(context) {
    const { snapshot } = context;
    const budgets = budgetsByNamespace(snapshot);
    for (const { object, pod, range } of candidates(snapshot)) {
      const inNamespace = budgets.get(pod.namespace) ?? [];
      const selecting = inNamespace.filter(budget => budgetSelects(budget, pod.labels));
      if (selecting.some(budget => budget.v1)) continue;
      const legacy = selecting.map(budget => `"${budget.object.name}"`);
      const note =
        legacy.length === 0
          ? ''
          : `; PodDisruptionBudget ${legacy.join(', ')} uses policy/v1beta1, which Kubernetes 1.25 removed`;
      context.report(
        object,
        [...pod.metadataPath, 'labels'],
        `${describeObject(object)} ${describeReplicas(range)} but no policy/v1 PodDisruptionBudget in namespace "${pod.namespace}" selects its pods (${describeLabels(pod.labels)}), so draining nodes may evict all of them at the same time${note}`,
      );
    }
  },
});
