import { getBoolean } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';
import { LINKERD_INJECT, linkerdInjectValue, namespaceObject, objectAnnotations } from '../util/mesh-membership.js';

function namespaces(snapshot: ClusterSnapshot): readonly KubeObject[] {
  return snapshot.ofKind('Namespace').filter(namespace => isBuiltIn(namespace, 'Namespace'));
}

/** Linkerd is in use when some Namespace or pod template asks for injection, or a pod already has the proxy. */
function linkerdInUse(snapshot: ClusterSnapshot): boolean {
  if (namespaces(snapshot).some(namespace => linkerdInjectValue(objectAnnotations(namespace)) === 'enabled')) return true;
  return snapshot.podSpecs.some(
    pod => linkerdInjectValue(pod.annotations) === 'enabled' || pod.containers.some(container => container.name === 'linkerd-proxy'),
  );
}

const OUTSIDE = "plaintext, outside the mesh's mutual TLS and policy";

export default defineRule({
  id: 'linkerd-injection-disabled',
  title: 'Linkerd proxy injection is disabled',
  severity: 'low',
  category: 'network',
  description:
    '`linkerd.io/inject: disabled` on a Namespace or a pod template keeps the Linkerd proxy out of the pods. In a cluster that otherwise uses Linkerd, those pods send and accept plaintext: their traffic has no mutual TLS, no workload identity, and Linkerd authorization policies cannot tell them from any other client.',
  remediation:
    'Remove the annotation (or set it to `enabled`) so the proxy is injected, and restart the workloads. If a component truly cannot run with the proxy, keep the exception narrow (one workload, not the namespace) and suppress the finding with a reason.',
  frameworks: {
    nsa: ['Network separation and hardening: Network policies'],
    mitre: ['T1040', 'T1557'],
  },
  equivalents: {},
  fixable: true,
  target: 'snapshot',
  examines(snapshot) {
    if (!linkerdInUse(snapshot)) return [];
    return [...namespaces(snapshot), ...snapshot.podSpecs.map(pod => pod.object)];
  },
  check(context) {
    const { snapshot } = context;
    if (!linkerdInUse(snapshot)) return;
    for (const namespace of namespaces(snapshot)) {
      if (linkerdInjectValue(objectAnnotations(namespace)) !== 'disabled') continue;
      context.report(
        namespace,
        ['metadata', 'annotations', LINKERD_INJECT],
        `Namespace "${namespace.name}" sets ${LINKERD_INJECT}: disabled, so Linkerd injects no proxy into its pods (except those that set ${LINKERD_INJECT}: enabled themselves): their traffic is ${OUTSIDE}`,
      );
    }
    for (const pod of snapshot.podSpecs) {
      if (linkerdInjectValue(pod.annotations) !== 'disabled') continue;
      // Linkerd never injects host-network pods, so opting out changes nothing.
      if (getBoolean(pod.spec, 'hostNetwork') === true) continue;
      const namespace = namespaceObject(snapshot, pod.namespace);
      const fromNamespace = namespace === undefined ? undefined : linkerdInjectValue(objectAnnotations(namespace));
      // In a Namespace of the input that does not inject, the annotation changes nothing.
      if (namespace !== undefined && fromNamespace !== 'enabled') continue;
      const overriding = namespace === undefined ? '' : `, overriding ${LINKERD_INJECT}: enabled on Namespace "${pod.namespace}"`;
      context.report(
        pod.object,
        [...pod.metadataPath, 'annotations', LINKERD_INJECT],
        `the pod template sets ${LINKERD_INJECT}: disabled${overriding}, so Linkerd injects no proxy: the pod's traffic is ${OUTSIDE}`,
      );
    }
  },
});
