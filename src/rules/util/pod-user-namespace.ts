import { getBoolean } from '../../snapshot/guards.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';

/**
 * `spec.hostUsers: false`: the pod gets its own user namespace, so its UIDs and GIDs (0
 * included) map to an unprivileged range on the node that no host user or group owns.
 */
export function runsInUserNamespace(pod: PodSpecView): boolean {
  return getBoolean(pod.spec, 'hostUsers') === false;
}
