import { getBoolean, getString } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';
import { describeObject, isLongRunning } from '../util/workload-lifecycle.js';

/** A PriorityClass with `globalDefault: true`: the Priority admission plugin gives it to pods that name none. */
function globalDefault(snapshot: ClusterSnapshot): KubeObject | undefined {
  return snapshot.ofKind('PriorityClass').find(object => isBuiltIn(object, 'PriorityClass') && getBoolean(object.body, 'globalDefault') === true);
}

export default defineRule({
  id: 'priority-class-missing',
  title: 'Long-running workload has no priority class',
  severity: 'info',
  category: 'workload',
  description:
    'Pods without a priority class get priority 0 (unless the cluster defines a global default). When nodes run short, the scheduler preempts lower-priority pods to place higher-priority ones, and the kubelet weighs priority when it evicts pods under resource pressure, so an important service without a class may be sacrificed for batch work.',
  remediation:
    'Create PriorityClasses that reflect the importance of your workloads (critical services above batch jobs) and set `priorityClassName` in each long-running pod template, or give the cluster a `globalDefault` PriorityClass.',
  frameworks: {},
  equivalents: {
    polaris: 'priorityClassNotSet',
    'kube-linter': 'priority-class-name',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (!isLongRunning(pod)) return;
    const name = getString(pod.spec, 'priorityClassName');
    if (name !== undefined && name !== '') return;
    if (globalDefault(context.snapshot) !== undefined) return;
    context.report(
      pod.object,
      pod.specPath,
      `${describeObject(pod.object)} sets no priorityClassName and no PriorityClass in the input is globalDefault, so ${isBuiltIn(pod.object, 'Pod') ? 'it runs' : 'its pods run'} at priority 0 and lose to every higher-priority pod when the scheduler preempts or the kubelet evicts to free resources`,
    );
  },
});
