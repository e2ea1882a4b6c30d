import type { Path } from '../../load/path.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { getArray, getRecord, getString, hasOwn, isRecord, own } from '../../snapshot/guards.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';

export type ComputeResource = 'cpu' | 'memory';
export type ResourceBound = 'requests' | 'limits';

/** A resource list entry holding a quantity: a non-empty string (`500m`, `1Gi`) or a number. */
export function isQuantitySet(list: JsonRecord | undefined, resource: string): boolean {
  if (list === undefined) return false;
  const value = own(list, resource);
  return (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));
}

/** Resources the LimitRanger admission plugin fills in for containers that leave them unset. */
export interface AdmissionDefaults {
  readonly requests: ReadonlySet<string>;
  readonly limits: ReadonlySet<string>;
}

/**
 * What the `type: Container` items of the namespace's LimitRanges default. The API server first
 * defaults each item (`SetDefaults_LimitRangeItem`): `default` from `max`, `defaultRequest` from
 * `default` and then from `min`. So a limit is filled when `default` or `max` names the resource,
 * a request when any of `defaultRequest`, `default`, `max` or `min` does.
 */
export function limitRangeDefaults(snapshot: ClusterSnapshot, namespace: string): AdmissionDefaults {
  const requests = new Set<string>();
  const limits = new Set<string>();
  for (const limitRange of snapshot.ofKindInNamespace('LimitRange', namespace)) {
    for (const item of getArray(getRecord(limitRange.body, 'spec'), 'limits') ?? []) {
      if (!isRecord(item) || getString(item, 'type') !== 'Container') continue;
      for (const field of ['default', 'max'] as const) for (const name of setResources(getRecord(item, field))) limits.add(name);
      for (const field of ['defaultRequest', 'default', 'max', 'min'] as const) for (const name of setResources(getRecord(item, field))) requests.add(name);
    }
  }
  return { requests, limits };
}

function setResources(list: JsonRecord | undefined): string[] {
  if (list === undefined) return [];
  return Object.keys(list).filter(name => isQuantitySet(list, name));
}

/**
 * True when `resource` stays unset for `container` once the pod is admitted. It counts as set when:
 * - the container sets it (for requests, a limit also counts: the API server copies a container's
 *   limit into a missing request);
 * - the pod-level `spec.resources` sets it (a pod-level limit caps every container without one, and
 *   pod-level requests, themselves defaulted from pod-level limits, reserve the pod's share);
 * - a LimitRange in the pod's namespace defaults it (`defaults`, from `limitRangeDefaults`).
 */
export function isResourceMissing(
  pod: PodSpecView,
  container: ContainerView,
  defaults: AdmissionDefaults,
  bound: ResourceBound,
  resource: ComputeResource,
): boolean {
  if (isSetAt(getRecord(container.body, 'resources'), bound, resource)) return false;
  if (isSetAt(getRecord(pod.spec, 'resources'), bound, resource)) return false;
  return !(bound === 'limits' ? defaults.limits : defaults.requests).has(resource);
}

function isSetAt(resources: JsonRecord | undefined, bound: ResourceBound, resource: ComputeResource): boolean {
  if (isQuantitySet(getRecord(resources, 'limits'), resource)) return true;
  return bound === 'requests' && isQuantitySet(getRecord(resources, 'requests'), resource);
}

/** Where a missing resource is reported: the container's `resources`, or the container itself. */
export function resourcesPath(container: ContainerView): Path {
  return hasOwn(container.body, 'resources') ? [...container.path, 'resources'] : container.path;
}

/** Containers that can carry resources: regular and init; ephemeral containers may not set them. */
export function resourceBearingContainers(pod: PodSpecView): readonly ContainerView[] {
  return pod.containers.filter(container => container.type !== 'ephemeralContainer');
}
