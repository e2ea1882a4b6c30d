import type { Path } from '../../load/path.js';
import { getRecord, getString, hasOwn, own } from '../../snapshot/guards.js';
import { apiGroupOf, isBuiltIn, isBuiltInKind } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';

/** Built-in kinds with a `spec.replicas` count (all of them serve the `scale` subresource). */
export const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'] as const;

export function isReplicatedWorkload(object: KubeObject): boolean {
  return REPLICATED_KINDS.some(kind => isBuiltIn(object, kind));
}

/** A non-negative integer, as the API server accepts for replica counts. */
function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export interface DeclaredReplicas {
  readonly count: number;
  /** False when `spec.replicas` is absent (or null) and the API default of 1 applies. */
  readonly written: boolean;
  readonly path: Path;
}

/**
 * `spec.replicas` as the API server stores it. For the built-in replicated kinds an absent or
 * null value defaults to 1; for other kinds (custom workloads) nothing is assumed and an absent
 * value gives undefined. A value the API server would reject (a string, a negative or fractional
 * number) gives undefined too: the object would not exist.
 */
export function declaredReplicas(object: KubeObject): DeclaredReplicas | undefined {
  const spec = getRecord(object.body, 'spec');
  const path: Path = ['spec', 'replicas'];
  const raw = spec === undefined ? undefined : own(spec, 'replicas');
  if (raw === undefined || raw === null) return isReplicatedWorkload(object) ? { count: 1, written: false, path } : undefined;
  const value = count(raw);
  return value === undefined ? undefined : { count: value, written: true, path };
}

/** One HorizontalPodAutoscaler (autoscaling/v1, v2, v2beta1, v2beta2: the fields read here are shared). */
export interface AutoscalerView {
  readonly object: KubeObject;
  readonly namespace: string;
  /** `scaleTargetRef`; kind and name are required by the API server, apiVersion is optional. */
  readonly targetKind: string | undefined;
  readonly targetName: string | undefined;
  readonly targetApiVersion: string | undefined;
  /** `spec.minReplicas`, 1 when unset; undefined when malformed. */
  readonly minReplicas: number | undefined;
  readonly minWritten: boolean;
  /** `spec.maxReplicas` (required); undefined when missing or malformed. */
  readonly maxReplicas: number | undefined;
}

export function autoscalerView(snapshot: ClusterSnapshot, object: KubeObject): AutoscalerView | undefined {
  if (!isBuiltIn(object, 'HorizontalPodAutoscaler')) return undefined;
  const namespace = snapshot.namespaceOf(object);
  if (namespace === undefined) return undefined;
  const spec = getRecord(object.body, 'spec');
  const target = getRecord(spec, 'scaleTargetRef');
  const rawMin = spec === undefined ? undefined : own(spec, 'minReplicas');
  const minWritten = rawMin !== undefined && rawMin !== null;
  return {
    object,
    namespace,
    targetKind: nonEmpty(getString(target, 'kind')),
    targetName: nonEmpty(getString(target, 'name')),
    targetApiVersion: nonEmpty(getString(target, 'apiVersion')),
    minReplicas: minWritten ? count(rawMin) : 1,
    minWritten,
    maxReplicas: count(spec === undefined ? undefined : own(spec, 'maxReplicas')),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** The API group an autoscaler's `scaleTargetRef` names: the core group ('') when apiVersion is absent. */
export function targetGroup(autoscaler: AutoscalerView): string {
  return apiGroupOf(autoscaler.targetApiVersion ?? '');
}

/**
 * True when `object` is the resource the autoscaler's `scaleTargetRef` names. The HPA controller
 * resolves the reference by kind and API group (a missing apiVersion means the core group, where
 * no Deployment exists), and always in its own namespace. Groups that serve the same built-in
 * resource (`apps` and the old `extensions` for Deployments) count as the same.
 */
export function targetsObject(autoscaler: AutoscalerView, object: KubeObject, objectNamespace: string | undefined): boolean {
  if (objectNamespace !== autoscaler.namespace) return false;
  if (autoscaler.targetKind !== object.kind || autoscaler.targetName !== object.name) return false;
  return sameResourceGroup(autoscaler, object);
}

/** The reference's group names the object's resource (see `targetsObject`). */
export function sameResourceGroup(autoscaler: AutoscalerView, object: KubeObject): boolean {
  const group = targetGroup(autoscaler);
  if (group === apiGroupOf(object.apiVersion)) return true;
  if (!isBuiltInKind(object.kind) || !isBuiltIn(object, object.kind)) return false;
  return isBuiltIn({ apiVersion: autoscaler.targetApiVersion ?? '', kind: object.kind }, object.kind);
}

/** The snapshot's autoscalers, indexed by namespace, target kind and target name. Built once per snapshot. */
export class AutoscalerIndex {
  readonly all: readonly AutoscalerView[];
  readonly #byTarget = new Map<string, AutoscalerView[]>();
  readonly #snapshot: ClusterSnapshot;

  constructor(snapshot: ClusterSnapshot) {
    this.#snapshot = snapshot;
    const all: AutoscalerView[] = [];
    for (const object of snapshot.ofKind('HorizontalPodAutoscaler')) {
      const view = autoscalerView(snapshot, object);
      if (view === undefined) continue;
      all.push(view);
      if (view.targetKind === undefined || view.targetName === undefined) continue;
      const key = targetKey(view.namespace, view.targetKind, view.targetName);
      const list = this.#byTarget.get(key);
      if (list === undefined) this.#byTarget.set(key, [view]);
      else list.push(view);
    }
    this.all = all;
  }

  /** Autoscalers whose `scaleTargetRef` names `object`, in input order. */
  targeting(object: KubeObject): readonly AutoscalerView[] {
    const namespace = this.#snapshot.namespaceOf(object);
    if (namespace === undefined) return [];
    const candidates = this.#byTarget.get(targetKey(namespace, object.kind, object.name)) ?? [];
    return candidates.filter(autoscaler => targetsObject(autoscaler, object, namespace));
  }
}

function targetKey(namespace: string, kind: string, name: string): string {
  return `${namespace}\u0000${kind}\u0000${name}`;
}

const autoscalerIndexes = new WeakMap<ClusterSnapshot, AutoscalerIndex>();

/** The autoscaler index of a snapshot, built on first use (snapshots are immutable). */
export function autoscalerIndex(snapshot: ClusterSnapshot): AutoscalerIndex {
  let index = autoscalerIndexes.get(snapshot);
  if (index === undefined) {
    index = new AutoscalerIndex(snapshot);
    autoscalerIndexes.set(snapshot, index);
  }
  return index;
}

/** How many pods a workload runs: a fixed count, or the range an autoscaler moves it in. */
export interface ReplicaRange {
  readonly min: number;
  readonly max: number;
  readonly declared: DeclaredReplicas | undefined;
  /** The autoscalers that set the range; empty when the declared count applies. */
  readonly autoscalers: readonly AutoscalerView[];
}

/**
 * The replica range of a workload. A usable autoscaler (readable minReplicas and maxReplicas)
 * that targets it sets the range, unless the workload declares `replicas: 0`: the HPA controller
 * leaves a target scaled to zero alone. With several autoscalers (which fight each other) the
 * range spans all of them. Undefined when the count cannot be known (a custom workload without
 * `spec.replicas` and without an autoscaler, or a malformed value).
 */
export function replicaRange(object: KubeObject, autoscalers: AutoscalerIndex): ReplicaRange | undefined {
  const declared = declaredReplicas(object);
  const raw = getRecord(object.body, 'spec');
  if (declared === undefined && raw !== undefined && hasOwn(raw, 'replicas') && own(raw, 'replicas') !== null) return undefined;
  if (declared?.count === 0) return { min: 0, max: 0, declared, autoscalers: [] };
  const usable = autoscalers.targeting(object).filter(autoscaler => autoscaler.minReplicas !== undefined && autoscaler.maxReplicas !== undefined);
  if (usable.length > 0) {
    const min = Math.min(...usable.map(autoscaler => autoscaler.minReplicas ?? 1));
    const max = Math.max(...usable.map(autoscaler => autoscaler.maxReplicas ?? 1));
    return { min, max, declared, autoscalers: usable };
  }
  if (declared === undefined) return undefined;
  return { min: declared.count, max: declared.count, declared, autoscalers: [] };
}

/** `HorizontalPodAutoscaler "web"` or `HorizontalPodAutoscalers "a" and "b"`. */
export function describeAutoscalers(autoscalers: readonly AutoscalerView[]): string {
  const names = autoscalers.map(autoscaler => `"${autoscaler.object.name}"`);
  if (names.length === 1) return `HorizontalPodAutoscaler ${names[0] ?? ''}`;
  return `HorizontalPodAutoscalers ${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
