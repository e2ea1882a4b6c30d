import type { Path } from '../../load/path.js';
import { asRecord, own } from '../../snapshot/guards.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import { effectiveSecurityValue } from '../../snapshot/security-context.js';
import type { ValueOrigin } from './inherited-findings.js';

export interface EffectiveSeccomp {
  /** The effective `seccompProfile.type`, or undefined when no profile (or no type) applies. */
  readonly type: unknown;
  /** Where that type is written. */
  readonly typePath: Path | undefined;
  readonly from: ValueOrigin;
}

/**
 * The seccomp profile type the kubelet applies: the container's `seccompProfile` replaces the
 * pod's as a whole, so a container profile without a type does not fall back to the pod's type.
 */
export function effectiveSeccompType(pod: PodSpecView, container: ContainerView): EffectiveSeccomp {
  const profile = effectiveSecurityValue(pod, container, 'seccompProfile');
  const record = asRecord(profile.value);
  const type = record === undefined ? undefined : own(record, 'type');
  if (type === undefined || type === null || profile.path === undefined) return { type: undefined, typePath: undefined, from: profile.from };
  return { type, typePath: [...profile.path, 'type'], from: profile.from };
}
