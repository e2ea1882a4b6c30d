import { getRecord } from '../../snapshot/guards.js';
import type { ContainerView } from '../../snapshot/pod-spec.js';
import type { AdmissionDefaults } from './quantity-defaults.js';
import { isQuantitySet } from './quantity-defaults.js';

export const EPHEMERAL_STORAGE = 'ephemeral-storage';

/**
 * True when `container` ends up without an `ephemeral-storage` limit once admitted. Only two
 * things set it: the container's own `resources.limits`, or a LimitRange `type: Container` item
 * whose `default` or `max` names the resource (`defaults`, from `limitRangeDefaults`). Unlike CPU
 * and memory, a pod-level `spec.resources` cannot carry ephemeral storage (the API server accepts
 * only cpu, memory and hugepages there), and a request never implies a limit.
 */
export function isEphemeralStorageLimitMissing(container: ContainerView, defaults: AdmissionDefaults): boolean {
  if (isQuantitySet(getRecord(getRecord(container.body, 'resources'), 'limits'), EPHEMERAL_STORAGE)) return false;
  return !defaults.limits.has(EPHEMERAL_STORAGE);
}
