import type { Path } from '../../load/path.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { asRecord, hasOwn, own } from '../../snapshot/guards.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';

/** Prefix of the pre-1.30 per-container annotation, still honoured (and deprecated) since. */
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export type AppArmorSource = 'container' | 'annotation' | 'pod' | 'unset';

export interface EffectiveAppArmor {
  /**
   * `RuntimeDefault`, `Localhost` or `Unconfined` (annotation values translated), another value
   * when the field holds one the API server rejects, undefined when no profile or no type applies.
   */
  readonly type: unknown;
  /** Where the type is written: the `type` field or the annotation; undefined when unset. */
  readonly path: Path | undefined;
  readonly from: AppArmorSource;
  /** The annotation key, when the profile comes from the annotation. */
  readonly annotation?: string;
}

/** `runtime/default`, `localhost/<name>`, `unconfined`; other values are invalid and ignored. */
function annotationType(value: string): string | undefined {
  if (value === 'runtime/default') return 'RuntimeDefault';
  if (value === 'unconfined') return 'Unconfined';
  if (value.startsWith('localhost/')) return 'Localhost';
  return undefined;
}

function fieldProfile(securityContext: JsonRecord | undefined, base: Path, from: 'container' | 'pod'): EffectiveAppArmor | undefined {
  if (securityContext === undefined || !hasOwn(securityContext, 'appArmorProfile')) return undefined;
  const profile = own(securityContext, 'appArmorProfile');
  if (profile === null || profile === undefined) return undefined;
  const record = asRecord(profile);
  const type = record === undefined ? undefined : own(record, 'type');
  const path = [...base, 'securityContext', 'appArmorProfile'];
  return type === undefined || type === null ? { type: undefined, path, from } : { type, path: [...path, 'type'], from };
}

/**
 * The AppArmor profile the kubelet applies to a container (`GetProfile` in
 * pkg/security/apparmor): the container's `appArmorProfile` field, else the legacy annotation
 * for its name, else the pod's field. The API server rejects a pod whose annotation and
 * effective field disagree, so the order only matters for static pods; it is the kubelet's.
 */
export function effectiveAppArmor(pod: PodSpecView, container: ContainerView): EffectiveAppArmor {
  const containerProfile = fieldProfile(container.securityContext, container.path, 'container');
  if (containerProfile !== undefined) return containerProfile;
  const key = `${APPARMOR_ANNOTATION_PREFIX}${container.name}`;
  const value = pod.annotations.get(key);
  const fromAnnotation = value === undefined ? undefined : annotationType(value);
  if (fromAnnotation !== undefined) {
    return { type: fromAnnotation, path: [...pod.metadataPath, 'annotations', key], from: 'annotation', annotation: key };
  }
  return fieldProfile(pod.securityContext, pod.specPath, 'pod') ?? { type: undefined, path: undefined, from: 'unset' };
}
