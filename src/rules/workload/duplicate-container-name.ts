import { getString } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { ContainerView } from '../../snapshot/pod-spec.js';
import { POD_BEARING_KINDS } from '../../snapshot/pod-spec.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';

/** What the API server refuses: the built-in object itself, or the pods a custom resource creates. */
function rejected(object: KubeObject): string {
  if (POD_BEARING_KINDS.includes(object.kind) && isBuiltIn(object, object.kind)) return `the ${object.kind}`;
  return 'every pod created from it';
}

export default defineRule({
  id: 'duplicate-container-name',
  title: 'Pod has two containers with the same name',
  severity: 'medium',
  category: 'workload',
  description:
    'Container names must be unique across a pod\'s containers, init containers and ephemeral containers: the kubelet, logs, exec and probes address containers by name. The API server rejects a pod spec that repeats one, so the workload is never created, often noticed only when a deployment pipeline fails or a rollout stalls.',
  remediation:
    'Rename one of the containers. Names are DNS labels: lower-case letters, digits and dashes, at most 63 characters.',
  frameworks: {},
  equivalents: {},
  fixable: false,
  target: 'pod',
  check(pod, context) {
    const seen = new Map<string, ContainerView>();
    for (const container of pod.containers) {
      const name = getString(container.body, 'name');
      if (name === undefined || name === '') continue;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, container);
        continue;
      }
      context.report(
        pod.object,
        [...container.path, 'name'],
        `${describeContainer(container)} has the same name as ${describeContainer(first)}: names must be unique across containers, init containers and ephemeral containers, so the API server rejects ${rejected(pod.object)}`,
      );
    }
  },
});
