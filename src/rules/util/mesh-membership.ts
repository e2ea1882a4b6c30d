import { getBoolean, getRecord, getStringMap } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';

/**
 * Whether a pod spec gets a service-mesh data plane, decided as the mesh's injection webhooks
 * decide it from the pod's and its Namespace's labels and annotations. `unknown`: nothing on the
 * pod decides it and its Namespace is not in the input.
 */
export type IstioDataPlane = 'sidecar' | 'ambient' | 'none' | 'unknown';
export type LinkerdDataPlane = 'proxy' | 'none' | 'unknown';

export const ISTIO_INJECT = 'sidecar.istio.io/inject';
export const ISTIO_REV = 'istio.io/rev';
export const ISTIO_INJECTION_NAMESPACE_LABEL = 'istio-injection';
export const ISTIO_DATAPLANE_MODE = 'istio.io/dataplane-mode';
export const LINKERD_INJECT = 'linkerd.io/inject';

/** The core Namespace object named `name`, if the input has it. */
export function namespaceObject(snapshot: ClusterSnapshot, name: string): KubeObject | undefined {
  const found = snapshot.get('Namespace', undefined, name);
  return found !== undefined && isBuiltIn(found, 'Namespace') ? found : undefined;
}

export function objectLabels(object: KubeObject): ReadonlyMap<string, string> {
  return getStringMap(getRecord(object.body, 'metadata'), 'labels');
}

export function objectAnnotations(object: KubeObject): ReadonlyMap<string, string> {
  return getStringMap(getRecord(object.body, 'metadata'), 'annotations');
}

function hasContainer(pod: PodSpecView, name: string): boolean {
  return pod.containers.some(container => container.name === name && container.type !== 'ephemeralContainer');
}

function hostNetwork(pod: PodSpecView): boolean {
  return getBoolean(pod.spec, 'hostNetwork') === true;
}

/**
 * The pod's own sidecar choice: the `sidecar.istio.io/inject` label, else the deprecated
 * annotation; y/yes/true/on (any case) inject, another non-empty value opts out.
 */
function podSidecarChoice(pod: PodSpecView): 'inject' | 'skip' | undefined {
  const value = pod.labels.get(ISTIO_INJECT) ?? pod.annotations.get(ISTIO_INJECT);
  if (value === undefined || value === '') return undefined;
  return ['y', 'yes', 'true', 'on'].includes(value.toLowerCase()) ? 'inject' : 'skip';
}

/**
 * Istio's data plane for the pod. Sidecar injection follows the default webhooks: a namespace
 * labelled `istio-injection=enabled` or `istio.io/rev=<rev>` injects every pod that does not opt
 * out; elsewhere only pods labelled `sidecar.istio.io/inject=true` or `istio.io/rev` are injected,
 * and never in a namespace labelled `istio-injection` with another value. Ambient mode follows
 * `istio.io/dataplane-mode` on the pod, then the namespace. Host-network pods are never meshed.
 */
export function istioDataPlane(pod: PodSpecView, namespace: KubeObject | undefined): IstioDataPlane {
  if (hostNetwork(pod)) return 'none';
  if (hasContainer(pod, 'istio-proxy')) return 'sidecar';
  const choice = podSidecarChoice(pod);
  const podMode = pod.labels.get(ISTIO_DATAPLANE_MODE);
  const nsLabels = namespace === undefined ? undefined : objectLabels(namespace);
  const nsInjection = nsLabels?.get(ISTIO_INJECTION_NAMESPACE_LABEL);
  let sidecar: boolean | undefined;
  if (choice === 'skip') sidecar = false;
  else if (nsInjection !== undefined) sidecar = nsInjection === 'enabled';
  else if (nsLabels?.has(ISTIO_REV) === true) sidecar = true;
  else if (pod.labels.get(ISTIO_INJECT) === 'true' || pod.labels.has(ISTIO_REV)) sidecar = true;
  else if (nsLabels !== undefined) sidecar = false;
  if (sidecar === true) return 'sidecar';
  if (podMode === 'ambient') return 'ambient';
  if (podMode === 'none') return 'none';
  if (nsLabels === undefined) return sidecar === false ? 'none' : 'unknown';
  return nsLabels.get(ISTIO_DATAPLANE_MODE) === 'ambient' ? 'ambient' : 'none';
}

function linkerdValue(value: string | undefined): 'enabled' | 'disabled' | undefined {
  if (value === 'enabled' || value === 'ingress') return 'enabled';
  if (value === 'disabled') return 'disabled';
  return undefined;
}

/** The `linkerd.io/inject` annotation of a pod template or Namespace, read as the injector reads it. */
export function linkerdInjectValue(annotations: ReadonlyMap<string, string>): 'enabled' | 'disabled' | undefined {
  return linkerdValue(annotations.get(LINKERD_INJECT));
}

/**
 * Linkerd's proxy injector: the pod's `linkerd.io/inject` annotation wins, else its Namespace's;
 * `enabled` and `ingress` inject, host-network pods are skipped.
 */
export function linkerdDataPlane(pod: PodSpecView, namespace: KubeObject | undefined): LinkerdDataPlane {
  if (hostNetwork(pod)) return 'none';
  if (hasContainer(pod, 'linkerd-proxy')) return 'proxy';
  const own = linkerdInjectValue(pod.annotations);
  if (own !== undefined) return own === 'enabled' ? 'proxy' : 'none';
  if (namespace === undefined) return 'unknown';
  return linkerdInjectValue(objectAnnotations(namespace)) === 'enabled' ? 'proxy' : 'none';
}
