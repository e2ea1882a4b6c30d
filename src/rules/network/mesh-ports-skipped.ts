import type { Path } from '../../load/path.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';
import type { RuleContext } from '../types.js';
import { istioDataPlane, linkerdDataPlane, linkerdInjectValue, namespaceObject, objectAnnotations } from '../util/mesh-membership.js';

type Direction = 'inbound' | 'outbound' | 'any';

interface Bypass {
  readonly key: string;
  readonly mesh: 'Istio' | 'Linkerd';
  /** `exclude`: the listed items bypass; `include`: everything except the listed items bypasses. */
  readonly sense: 'exclude' | 'include';
  readonly direction: Direction;
  /** How the message introduces the values: `inbound connections to`, `traffic on`. */
  readonly lead: string;
  /** What the values are: `port`, `address range`, `interface`. */
  readonly noun: string;
}

/** Istio sidecar annotations (pod only) that let traffic around Envoy. */
const ISTIO: readonly Bypass[] = [
  { key: 'traffic.sidecar.istio.io/excludeInboundPorts', mesh: 'Istio', sense: 'exclude', direction: 'inbound', lead: 'inbound connections to', noun: 'port' },
  { key: 'traffic.sidecar.istio.io/excludeOutboundPorts', mesh: 'Istio', sense: 'exclude', direction: 'outbound', lead: 'outbound connections to', noun: 'port' },
  { key: 'traffic.sidecar.istio.io/excludeOutboundIPRanges', mesh: 'Istio', sense: 'exclude', direction: 'outbound', lead: 'outbound connections to', noun: 'address range' },
  { key: 'traffic.sidecar.istio.io/excludeInterfaces', mesh: 'Istio', sense: 'exclude', direction: 'any', lead: 'traffic on', noun: 'interface' },
  { key: 'traffic.sidecar.istio.io/includeInboundPorts', mesh: 'Istio', sense: 'include', direction: 'inbound', lead: 'inbound connections to', noun: 'port' },
  { key: 'traffic.sidecar.istio.io/includeOutboundIPRanges', mesh: 'Istio', sense: 'include', direction: 'outbound', lead: 'outbound connections to', noun: 'address range' },
];

/** Linkerd proxy-init annotations, honoured on the pod template and inherited from the Namespace. */
const LINKERD: readonly Bypass[] = [
  { key: 'config.linkerd.io/skip-inbound-ports', mesh: 'Linkerd', sense: 'exclude', direction: 'inbound', lead: 'inbound connections to', noun: 'port' },
  { key: 'config.linkerd.io/skip-outbound-ports', mesh: 'Linkerd', sense: 'exclude', direction: 'outbound', lead: 'outbound connections to', noun: 'port' },
  { key: 'config.linkerd.io/skip-subnets', mesh: 'Linkerd', sense: 'exclude', direction: 'any', lead: 'traffic for', noun: 'address range' },
];

function items(value: string): string[] {
  return value
    .split(',')
    .map(item => item.trim())
    .filter(item => item !== '');
}

function plural(noun: string, count: number): string {
  return count === 1 ? noun : `${noun}s`;
}

const PROXY = { Istio: 'the Envoy sidecar', Linkerd: 'the Linkerd proxy' } as const;

const CONSEQUENCE: Readonly<Record<Direction, string>> = {
  inbound: 'that traffic reaches the application in plaintext, whatever the mesh requires of its peers',
  outbound: 'that traffic leaves without mutual TLS or mesh policy',
  any: 'that traffic has no mutual TLS or mesh policy',
};

/** The finding for one annotation, or undefined when its value lets nothing around the proxy. */
function describe(bypass: Bypass, value: string, who: string): string | undefined {
  const listed = items(value);
  const proxy = PROXY[bypass.mesh];
  const consequence = CONSEQUENCE[bypass.direction];
  const set = `${who} sets ${bypass.key}: "${value}"`;
  // A port range (`4190-4191`) counts as several ports.
  const count = listed.length + (bypass.noun === 'port' && listed.some(item => item.includes('-')) ? 1 : 0);
  const values = `${plural(bypass.noun, count)} ${listed.join(', ')}`;
  if (bypass.sense === 'include') {
    if (listed.includes('*')) return undefined;
    const traffic = bypass.direction === 'inbound' ? 'inbound' : 'outbound';
    if (listed.length === 0) return `${set}, so ${proxy} captures no ${traffic} traffic: ${consequence}`;
    return `${set}, so ${proxy} captures only ${bypass.lead} ${values} and all other ${traffic} traffic goes around it: ${consequence}`;
  }
  if (listed.length === 0) return undefined;
  return `${set}, so ${bypass.lead} ${values} ${bypass.lead.startsWith('traffic') ? 'goes' : 'go'} around ${proxy}: ${consequence}`;
}

function reportAll(context: RuleContext, object: KubeObject, annotationsPath: Path, annotations: ReadonlyMap<string, string>, bypasses: readonly Bypass[], who: string): void {
  for (const bypass of bypasses) {
    const value = annotations.get(bypass.key);
    if (value === undefined) continue;
    const message = describe(bypass, value, who);
    if (message !== undefined) context.report(object, [...annotationsPath, bypass.key], message);
  }
}

function namespaces(snapshot: ClusterSnapshot): readonly KubeObject[] {
  return snapshot.ofKind('Namespace').filter(namespace => isBuiltIn(namespace, 'Namespace'));
}

function checkPod(pod: PodSpecView, context: RuleContext): void {
  const namespace = namespaceObject(context.snapshot, pod.namespace);
  const annotationsPath = [...pod.metadataPath, 'annotations'];
  const istio = istioDataPlane(pod, namespace);
  // Ambient pods have no sidecar, and pods kept out of the mesh have no proxy to go around.
  if (istio === 'sidecar' || istio === 'unknown') reportAll(context, pod.object, annotationsPath, pod.annotations, ISTIO, 'the pod template');
  if (linkerdDataPlane(pod, namespace) !== 'none') reportAll(context, pod.object, annotationsPath, pod.annotations, LINKERD, 'the pod template');
}

export default defineRule({
  id: 'mesh-ports-skipped',
  title: 'Service-mesh annotation sends traffic around the proxy',
  severity: 'low',
  category: 'network',
  description:
    'Istio\'s `traffic.sidecar.istio.io/exclude*` and narrowed `include*` annotations and Linkerd\'s `config.linkerd.io/skip-*` annotations change the pod\'s iptables rules so that some ports, address ranges or interfaces bypass the proxy. That traffic gets none of the mesh\'s guarantees: no mutual TLS, no workload identity, no authorization policy, no telemetry, while the namespace\'s STRICT setting suggests otherwise.',
  remediation:
    'Remove the annotation, or narrow it to the one port or address range that truly cannot go through the proxy (a health check from the node, a cloud metadata endpoint), and suppress the finding for that workload with a reason. For server-speaks-first protocols, mark the port opaque (Linkerd `config.linkerd.io/opaque-ports`, an explicit `tcp-` port name in Istio) instead of skipping it.',
  frameworks: {
    nsa: ['Network separation and hardening: Network policies'],
    mitre: ['T1040', 'T1599'],
  },
  equivalents: {},
  fixable: false,
  target: 'snapshot',
  examines(snapshot) {
    return [...namespaces(snapshot), ...snapshot.podSpecs.map(pod => pod.object)];
  },
  check(context) {
    for (const namespace of namespaces(context.snapshot)) {
      const annotations = objectAnnotations(namespace);
      if (linkerdInjectValue(annotations) === 'disabled') continue;
      reportAll(context, namespace, ['metadata', 'annotations'], annotations, LINKERD, `Namespace "${namespace.name}" (inherited by its Linkerd-injected pods)`);
    }
    for (const pod of context.snapshot.podSpecs) checkPod(pod, context);
  },
});
