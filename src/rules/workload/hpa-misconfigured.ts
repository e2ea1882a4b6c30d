import { isBuiltIn, isBuiltInKind } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import type { RuleContext } from '../types.js';
import { defineRule } from '../types.js';
import type { AutoscalerView } from '../util/replica-count.js';
import { autoscalerView, sameResourceGroup, targetGroup } from '../util/replica-count.js';
import { describeObject } from '../util/workload-lifecycle.js';

/** Built-in kinds that serve the `scale` subresource an autoscaler needs. */
const SCALABLE = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'] as const;

const inputNamespaces = new WeakMap<ClusterSnapshot, ReadonlySet<string>>();

/** Namespaces holding at least one object other than an autoscaler: where a target could have been given. */
function namespacesWithTargets(snapshot: ClusterSnapshot): ReadonlySet<string> {
  let found = inputNamespaces.get(snapshot);
  if (found === undefined) {
    const names = new Set<string>();
    for (const object of snapshot.objects) {
      if (isBuiltIn(object, 'HorizontalPodAutoscaler')) continue;
      const namespace = snapshot.namespaceOf(object);
      if (namespace !== undefined) names.add(namespace);
    }
    found = names;
    inputNamespaces.set(snapshot, found);
  }
  return found;
}

function describeGroup(group: string): string {
  return group === '' ? 'the core API group' : `API group "${group}"`;
}

/** Why the autoscaler's target cannot be scaled, or undefined when it can (or cannot be told). */
function targetProblem(snapshot: ClusterSnapshot, autoscaler: AutoscalerView): string | undefined {
  const { targetKind: kind, targetName: name } = autoscaler;
  if (kind === undefined || name === undefined) return undefined;
  const sameName = snapshot.ofKindInNamespace(kind, autoscaler.namespace).filter(object => object.name === name);
  const target = sameName.find(object => sameResourceGroup(autoscaler, object));
  if (target !== undefined) {
    // Custom resources (and look-alikes of built-in kinds in other groups) may serve a scale subresource.
    if (!isBuiltInKind(kind) || !isBuiltIn(target, kind) || SCALABLE.some(scalable => isBuiltIn(target, scalable))) return undefined;
    return `names ${describeObject(target)}, which has no scale subresource, so the autoscaler cannot scale it`;
  }
  if (!namespacesWithTargets(snapshot).has(autoscaler.namespace)) return undefined;
  const group = targetGroup(autoscaler);
  const [other] = sameName;
  if (other !== undefined) {
    const missing = autoscaler.targetApiVersion === undefined ? ' (it has no apiVersion)' : '';
    return `names ${kind} "${name}" in ${describeGroup(group)}${missing}, but the ${kind} "${name}" in the input is ${other.apiVersion}: the autoscaler finds no such target and scales nothing`;
  }
  return `names ${kind} "${name}", which is not in the input although namespace "${autoscaler.namespace}" is: the autoscaler has nothing to scale`;
}

function check(object: KubeObject, context: RuleContext): void {
  const autoscaler = autoscalerView(context.snapshot, object);
  if (autoscaler === undefined) return;
  const name = describeObject(object);
  const { minReplicas: min, maxReplicas: max } = autoscaler;
  const minText = autoscaler.minWritten ? `minReplicas ${String(min)}` : 'the default minReplicas of 1';
  // The API server requires maxReplicas >= 1 and >= minReplicas; it rejects anything else.
  const valid = min !== undefined && max !== undefined && max >= 1 && max >= min;
  if (valid && min === max) {
    context.report(
      object,
      ['spec', 'maxReplicas'],
      `${name} has maxReplicas ${String(max)}, equal to ${minText}, so it never scales: the workload stays at ${String(max)} ${max === 1 ? 'pod' : 'pods'} whatever the load`,
    );
  }
  if (valid && min < 2) {
    const floor =
      min === 0
        ? 'it scales the workload down to no pod at all, so the next request waits for one to start'
        : max === min
          ? 'the workload never runs more than a single pod, which any node drain or failure takes down'
          : 'at low load it scales the workload down to a single pod, which any node drain or failure takes down';
    context.report(object, ['spec', 'minReplicas'], `${name} has ${minText}: ${floor}`);
  }
  const problem = targetProblem(context.snapshot, autoscaler);
  if (problem !== undefined) context.report(object, ['spec', 'scaleTargetRef'], `the scaleTargetRef of ${name} ${problem}`);
}

export default defineRule({
  id: 'hpa-misconfigured',
  title: 'HorizontalPodAutoscaler cannot scale usefully',
  severity: 'low',
  category: 'workload',
  description:
    'A HorizontalPodAutoscaler whose minReplicas equals maxReplicas never scales; one whose minReplicas is below 2 runs its workload on a single pod whenever load is low; and one whose scaleTargetRef names nothing scalable does nothing at all, while the workload it was meant for runs at a fixed size.',
  remediation:
    'Set `minReplicas` to at least 2 and `maxReplicas` above it, and point `scaleTargetRef` (kind, name and apiVersion, e.g. `apps/v1`) at a Deployment, StatefulSet, ReplicaSet or a custom resource with a scale subresource in the same namespace.',
  frameworks: {},
  equivalents: {
    polaris: ['hpaMaxAvailability', 'hpaMinAvailability'],
    'kube-score': ['horizontalpodautoscaler-has-target', 'horizontalpodautoscaler-replicas'],
    'kube-linter': ['dangling-horizontalpodautoscaler', 'hpa-minimum-three-replicas'],
    kubescape: 'C-0300',
  },
  fixable: false,
  target: 'object',
  kinds: ['HorizontalPodAutoscaler'],
  check,
});
