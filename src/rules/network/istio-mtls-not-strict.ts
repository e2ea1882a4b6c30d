import { own } from '../../snapshot/guards.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import type { MtlsOutcome, PeerAuthenticationPolicy, ResolvedMtls } from '../util/istio-peer-authentication.js';
import { describePolicy, isPeerAuthentication, isStrict, possibleOutcomes, readPeerAuthentication, scopeOf, selects } from '../util/istio-peer-authentication.js';
import { istioDataPlane, namespaceObject } from '../util/mesh-membership.js';

const DEFAULT_ROOT_NAMESPACE = 'istio-system';

function rootNamespace(options: JsonRecord): string {
  const value = own(options, 'meshRootNamespace');
  return typeof value === 'string' && value !== '' ? value : DEFAULT_ROOT_NAMESPACE;
}

interface PolicyIndex {
  readonly any: boolean;
  readonly byNamespace: ReadonlyMap<string, readonly PeerAuthenticationPolicy[]>;
}

function indexPolicies(snapshot: ClusterSnapshot): PolicyIndex {
  const byNamespace = new Map<string, PeerAuthenticationPolicy[]>();
  let any = false;
  for (const object of snapshot.ofKind('PeerAuthentication')) {
    if (!isPeerAuthentication(object)) continue;
    any = true;
    const namespace = snapshot.namespaceOf(object) ?? snapshot.defaultNamespace;
    const policy = readPeerAuthentication(object, namespace);
    if (policy === undefined) continue;
    const list = byNamespace.get(namespace);
    if (list === undefined) byNamespace.set(namespace, [policy]);
    else list.push(policy);
  }
  return { any, byNamespace };
}

interface Candidates {
  readonly mesh: PeerAuthenticationPolicy[];
  readonly namespace: PeerAuthenticationPolicy[];
  readonly workload: PeerAuthenticationPolicy[];
}

function candidatesFor(pod: PodSpecView, index: PolicyIndex, root: string): Candidates {
  const result: Candidates = { mesh: [], namespace: [], workload: [] };
  const namespaces = pod.namespace === root ? [root] : [pod.namespace, root];
  for (const namespace of namespaces) {
    for (const policy of index.byNamespace.get(namespace) ?? []) {
      const scope = scopeOf(policy, root);
      if (scope === undefined) continue;
      if (scope === 'workload' && !selects(policy, pod.labels)) continue;
      result[scope].push(policy);
    }
  }
  return result;
}

/**
 * Pods the mesh covers: injected or ambient by their labels and their Namespace's. When the
 * Namespace is not in the input and the pod says nothing, a PeerAuthentication of the pod's own
 * namespace that applies to it is taken as the author's statement that the pod is meshed.
 */
function meshed(pod: PodSpecView, snapshot: ClusterSnapshot, candidates: Candidates): boolean {
  const plane = istioDataPlane(pod, namespaceObject(snapshot, pod.namespace));
  if (plane === 'sidecar' || plane === 'ambient') return true;
  if (plane === 'none') return false;
  return candidates.namespace.length > 0 || candidates.workload.length > 0;
}

function consequence(mode: 'DISABLE' | 'PERMISSIVE'): string {
  return mode === 'DISABLE' ? 'mutual TLS is off and the sidecar accepts only plaintext' : 'the sidecar also accepts plaintext, so any client can skip mutual TLS';
}

function describeMode(resolved: ResolvedMtls): string | undefined {
  if (resolved.mode === 'STRICT') return undefined;
  const source =
    resolved.decidedBy === undefined || resolved.decidedAt === undefined
      ? `no PeerAuthentication sets a mode for it, so Istio's default, PERMISSIVE, applies`
      : `${describePolicy(resolved.decidedBy, resolved.decidedAt)} sets mtls.mode ${resolved.mode}`;
  return `${source}: ${consequence(resolved.mode)}`;
}

function describePorts(resolved: ResolvedMtls): string | undefined {
  const open = resolved.ports.filter(port => port.mode !== 'STRICT');
  if (open.length === 0 || resolved.portsFrom === undefined) return undefined;
  const list = open.map(port => `${String(port.port)} (${port.mode}${port.inherited ? ', inherited' : ''})`).join(', ');
  const noun = open.length === 1 ? 'port' : 'ports';
  return `portLevelMtls of ${describePolicy(resolved.portsFrom, 'workload')} leaves ${noun} ${list} open to plaintext`;
}

function describeAmbiguity(outcome: MtlsOutcome): string {
  if (outcome.assumptions.length === 0) return '';
  const parts = outcome.assumptions.map(
    ({ candidates, oldest }) => `of PeerAuthentications ${candidates.map(policy => `"${policy.object.name}"`).join(', ')} Istio keeps the oldest, and this assumes it is "${oldest.object.name}"`,
  );
  return ` (${parts.join('; ')}: the input does not show which was created first)`;
}

function message(outcome: MtlsOutcome): string {
  const parts = [describeMode(outcome.resolved), describePorts(outcome.resolved)].filter((part): part is string => part !== undefined);
  return `Istio mTLS for this pod is not STRICT: ${parts.join('; ')}${describeAmbiguity(outcome)}`;
}

export default defineRule({
  id: 'istio-mtls-not-strict',
  title: 'Istio does not require mutual TLS for a meshed pod',
  severity: 'medium',
  category: 'network',
  description:
    'Istio sidecars accept both mutual TLS and plaintext unless a PeerAuthentication sets STRICT, and the default with no policy is PERMISSIVE. A meshed pod that still accepts plaintext can be called by anything that reaches its IP, without a workload identity, and the traffic crosses the network unencrypted, defeating the authorization policies that rely on peer identities.',
  remediation:
    'Apply a mesh-wide PeerAuthentication with `mtls.mode: STRICT` in the root namespace (istio-system), and remove or tighten namespace and workload policies that set PERMISSIVE, DISABLE or port-level exceptions. Move callers without a sidecar into the mesh first.',
  frameworks: {
    nsa: ['Network separation and hardening: Network policies'],
    mitre: ['T1040', 'T1557'],
  },
  equivalents: {},
  fixable: false,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      meshRootNamespace: {
        type: 'string',
        minLength: 1,
        description: 'Istio root namespace (meshConfig.rootNamespace), where policies without a selector are mesh-wide; default istio-system.',
      },
    },
  },
  target: 'snapshot',
  examines(snapshot) {
    const index = indexPolicies(snapshot);
    if (!index.any) return [];
    const objects: KubeObject[] = [];
    for (const pod of snapshot.podSpecs) {
      if (meshed(pod, snapshot, candidatesFor(pod, index, DEFAULT_ROOT_NAMESPACE))) objects.push(pod.object);
    }
    return objects;
  },
  check(context) {
    const { snapshot } = context;
    const index = indexPolicies(snapshot);
    if (!index.any) return;
    const root = rootNamespace(context.options);
    for (const pod of snapshot.podSpecs) {
      const candidates = candidatesFor(pod, index, root);
      if (!meshed(pod, snapshot, candidates)) continue;
      const outcome = possibleOutcomes(candidates.mesh, candidates.namespace, candidates.workload).find(candidate => !isStrict(candidate.resolved));
      if (outcome !== undefined) context.report(pod.object, pod.metadataPath, message(outcome));
    }
  },
});
