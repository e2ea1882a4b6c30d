import { getArray, getBoolean, getRecord, getString, isRecord } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';

/** Built-in controllers whose pods must use `restartPolicy: Always`: they run until deleted. */
const LONG_RUNNING_CONTROLLERS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'] as const;

/**
 * True when the pod spec describes pods meant to run indefinitely:
 * - the built-in Deployment, StatefulSet, DaemonSet, ReplicaSet and ReplicationController (the
 *   API server accepts only `restartPolicy: Always` in their templates);
 * - a Pod or a custom workload whose `restartPolicy` is `Always`, which is also the default when
 *   the field is absent or empty (`SetDefaults_PodSpec`).
 * Jobs and CronJobs run to completion, and a PodTemplate object runs nothing by itself.
 */
export function isLongRunning(pod: PodSpecView): boolean {
  const { object } = pod;
  if (isBuiltIn(object, 'Job') || isBuiltIn(object, 'CronJob') || isBuiltIn(object, 'PodTemplate')) return false;
  if (LONG_RUNNING_CONTROLLERS.some(kind => isBuiltIn(object, kind))) return true;
  const policy = getString(pod.spec, 'restartPolicy');
  return policy === undefined || policy === '' || policy === 'Always';
}

/** An init container with `restartPolicy: Always`: a native sidecar that keeps running beside the app. */
export function isSidecar(container: ContainerView): boolean {
  return container.type === 'initContainer' && getString(container.body, 'restartPolicy') === 'Always';
}

/**
 * Containers that run for the pod's whole life: regular containers and native sidecars. Other
 * init containers finish before the app starts, and ephemeral containers may not have probes.
 */
export function longRunningContainers(pod: PodSpecView): readonly ContainerView[] {
  return pod.containers.filter(container => container.type === 'container' || isSidecar(container));
}

/** `container "web"`, `sidecar container "proxy"`: how probe messages name a long-running container. */
export function describeLongRunningContainer(container: ContainerView): string {
  return isSidecar(container) ? `sidecar container "${container.name}"` : `container "${container.name}"`;
}

/** True when `metadata.ownerReferences` names a managing controller (`controller: true`). */
export function hasControllerOwner(object: KubeObject): boolean {
  const references = getArray(getRecord(object.body, 'metadata'), 'ownerReferences') ?? [];
  return references.some(reference => isRecord(reference) && getBoolean(reference, 'controller') === true);
}

/** `Deployment "web"`: how messages name a workload. */
export function describeObject(object: KubeObject): string {
  return `${object.kind} "${object.name === '' ? '<unnamed>' : object.name}"`;
}
