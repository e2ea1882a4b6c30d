import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { limitRangeDefaults, resourceBearingContainers, resourcesPath } from '../util/quantity-defaults.js';
import { isEphemeralStorageLimitMissing } from '../util/storage-defaults.js';

export default defineRule({
  id: 'ephemeral-storage-unbounded',
  title: 'Container has no ephemeral-storage limit',
  severity: 'low',
  category: 'workload',
  description:
    'Container logs, the writable layer and disk-backed emptyDir volumes all live on the node\'s disk. Without an ephemeral-storage limit a container may fill it: the kubelet then reclaims space by evicting pods under disk pressure, not necessarily the one that caused it, and the node stops accepting new pods.',
  remediation:
    'Set `resources.limits.ephemeral-storage` (and a matching request) on each container, or give the namespace a LimitRange whose `type: Container` item sets `default` or `max` for `ephemeral-storage`. Bound emptyDir volumes with `sizeLimit` too.',
  frameworks: {
    nsa: ['Network separation and hardening: Resource policies'],
    mitre: ['T1499'],
  },
  equivalents: {
    'kube-score': 'container-ephemeral-storage-request-and-limit',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    const defaults = limitRangeDefaults(context.snapshot, pod.namespace);
    for (const container of resourceBearingContainers(pod)) {
      if (!isEphemeralStorageLimitMissing(container, defaults)) continue;
      context.report(
        pod.object,
        resourcesPath(container),
        `${describeContainer(container)} sets no ephemeral-storage limit, so its logs, writable layer and emptyDir writes can fill the node's disk and get pods evicted under disk pressure`,
      );
    }
  },
});
