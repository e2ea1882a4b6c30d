import { isBuiltIn, isBuiltInKind } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import { defineRule } from '../types.js';
import { assessSpread } from '../util/pod-spreading.js';
import type { ReplicaRange } from '../util/replica-count.js';
import { autoscalerIndex, describeAutoscalers, isReplicatedWorkload, replicaRange } from '../util/replica-count.js';
import { describeObject } from '../util/workload-lifecycle.js';

/** Replicated built-in workloads, and custom workloads (a replica count or an autoscaler tells their size). */
function mayReplicate(object: KubeObject): boolean {
  return isReplicatedWorkload(object) || !isBuiltInKind(object.kind) || !isBuiltIn(object, object.kind);
}

function describeReplicas(range: ReplicaRange): string {
  if (range.autoscalers.length > 0) return `may run up to ${String(range.max)} replicas under ${describeAutoscalers(range.autoscalers)}`;
  return `runs ${String(range.max)} replicas`;
}

const CONSEQUENCE =
  'so the scheduler may place them all on one node (its built-in spreading is only a soft preference) and a single node or zone failure takes them all down';

export default defineRule({
  id: 'topology-spread-missing',
  title: 'Replicated workload is not spread across nodes or zones',
  severity: 'info',
  category: 'workload',
  description:
    'Replicas only protect against failures they do not share. Without topology spread constraints or pod anti-affinity, nothing but a soft scheduler preference keeps the replicas of a workload off the same node or zone, and one node failure, drain or zone outage can take every replica down together.',
  remediation:
    'Add `topologySpreadConstraints` on `kubernetes.io/hostname` (and `topology.kubernetes.io/zone` in multi-zone clusters) whose `labelSelector` matches the pod template labels, or a pod anti-affinity term on those keys that selects the workload\'s own pods.',
  frameworks: {},
  equivalents: {
    polaris: 'topologySpreadConstraint',
    'kube-score': ['deployment-has-host-podantiaffinity', 'statefulset-has-host-podantiaffinity'],
    'kube-linter': 'no-anti-affinity',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (!mayReplicate(pod.object)) return;
    const range = replicaRange(pod.object, autoscalerIndex(context.snapshot));
    if (range === undefined || range.max <= 1) return;
    const assessment = assessSpread(pod);
    if (assessment.spreads) return;
    const subject = `${describeObject(pod.object)} ${describeReplicas(range)}`;
    const [first] = assessment.ineffective;
    if (first === undefined) {
      context.report(pod.object, pod.specPath, `${subject} with neither topologySpreadConstraints nor pod anti-affinity on a node or zone key, ${CONSEQUENCE}`);
      return;
    }
    context.report(pod.object, first.path, `${subject} but ${first.reason}, and nothing else spreads them, ${CONSEQUENCE}`);
  },
});
