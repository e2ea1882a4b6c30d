import type { Path } from '../load/path.js';
import { hasOwn } from './guards.js';
import type { ContainerView, PodSpecView } from './pod-spec.js';

/** Fields a container inherits from the pod's securityContext unless it sets its own. */
export type InheritedSecurityField =
  | 'runAsUser'
  | 'runAsGroup'
  | 'runAsNonRoot'
  | 'seLinuxOptions'
  | 'seccompProfile'
  | 'appArmorProfile'
  | 'windowsOptions';

export interface EffectiveValue {
  readonly value: unknown;
  /** Where the value was written, or undefined when neither level sets it. */
  readonly path: Path | undefined;
  readonly from: 'container' | 'pod' | 'unset';
}

/**
 * The value the kubelet applies to a container: its own setting if present (even `null` counts
 * as absent, as in the API), otherwise the pod's. Ignoring the pod level is the false positive
 * users report most against other scanners.
 */
export function effectiveSecurityValue(pod: PodSpecView, container: ContainerView, field: InheritedSecurityField): EffectiveValue {
  const own = container.securityContext;
  if (own !== undefined && hasOwn(own, field) && own[field] !== null) {
    return { value: own[field], path: [...container.path, 'securityContext', field], from: 'container' };
  }
  const podLevel = pod.securityContext;
  if (podLevel !== undefined && hasOwn(podLevel, field) && podLevel[field] !== null) {
    return { value: podLevel[field], path: [...pod.specPath, 'securityContext', field], from: 'pod' };
  }
  return { value: undefined, path: undefined, from: 'unset' };
}

/** A container-only securityContext field (privileged, capabilities, ...), with its path. */
export function containerSecurityValue(container: ContainerView, field: string): { value: unknown; path: Path } {
  const own = container.securityContext;
  const path = [...container.path, 'securityContext', field];
  if (own === undefined || !hasOwn(own, field)) return { value: undefined, path };
  return { value: own[field], path };
}
