import type { AllowingRule, Destination } from '../../engines/netpol/egress-ip.js';
import { egressRulesAllowing, parseIpv4 } from '../../engines/netpol/egress-ip.js';
import type { PolicyTarget } from '../../engines/netpol/policy-types.js';
import { isNetworkPolicy, policyTarget } from '../../engines/netpol/policy-types.js';
import { getBoolean, getRecord } from '../../snapshot/guards.js';
import { matchesSelector } from '../../snapshot/label-selector.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';

const METADATA_IP = '169.254.169.254';
/** AWS, GCP, Azure and OCI all serve instance metadata over plain HTTP on port 80. */
const METADATA: Destination = { address: parseIpv4(METADATA_IP) ?? 0, port: 80, protocol: 'TCP' };
const ENDPOINT = `the cloud metadata endpoint ${METADATA_IP}, which hands out the node's cloud credentials to any process that asks`;
const CONSEQUENCE = `it can reach ${ENDPOINT}`;

interface EgressPolicy {
  readonly target: PolicyTarget;
  readonly allowing: readonly AllowingRule[];
}

/**
 * Policies that isolate egress, by namespace, each with the egress rules that let traffic to the
 * metadata endpoint through. A policy the API server would reject does not exist, so it is left out.
 */
function egressPolicies(snapshot: ClusterSnapshot): ReadonlyMap<string, readonly EgressPolicy[]> {
  const byNamespace = new Map<string, EgressPolicy[]>();
  for (const policy of snapshot.ofKind('NetworkPolicy')) {
    if (!isNetworkPolicy(policy)) continue;
    const namespace = snapshot.namespaceOf(policy);
    const parsed = policyTarget(policy);
    if (namespace === undefined || !parsed.ok || !parsed.target.types.egress) continue;
    const rules = egressRulesAllowing(getRecord(policy.body, 'spec') ?? {}, METADATA);
    if (!rules.ok) continue;
    const entry = { target: parsed.target, allowing: rules.allowing };
    const list = byNamespace.get(namespace);
    if (list === undefined) byNamespace.set(namespace, [entry]);
    else list.push(entry);
  }
  return byNamespace;
}

function describeAllowing(policies: readonly EgressPolicy[]): string {
  const parts = policies.flatMap(({ target, allowing }) =>
    allowing.map(rule => `NetworkPolicy "${target.policy.name}" (spec.egress[${String(rule.index)}]: ${rule.via})`),
  );
  const shown = parts.slice(0, 3);
  const more = parts.length - shown.length;
  const list = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
  return more > 0 ? `${list} and ${String(more)} more rules` : list;
}

export default defineRule({
  id: 'metadata-api-reachable',
  title: 'Pod can reach the cloud metadata API',
  severity: 'medium',
  category: 'network',
  description:
    `On AWS, GCP, Azure and most other clouds, ${METADATA_IP} answers any local HTTP request with the node's instance credentials and configuration. A pod whose egress is not restricted can fetch them: one server-side request forgery or compromised dependency turns into the cloud permissions of the node, often enough to read storage buckets, pull every image or move into the cloud account.`,
  remediation:
    `Give the pod an egress NetworkPolicy: default-deny egress for the namespace, then allow what the workload needs. Where a rule must allow the internet, write its ipBlock as \`cidr: 0.0.0.0/0\` with \`except: [${METADATA_IP}/32]\`. Pods that need cloud access should use workload identity (IRSA, EKS Pod Identity, GKE or Azure Workload Identity) instead of the node's credentials.`,
  frameworks: {
    nsa: ['Network separation and hardening: Protecting sensitive cloud infrastructure'],
    mitre: ['T1552.005'],
  },
  equivalents: {},
  fixable: false,
  target: 'snapshot',
  examines(snapshot) {
    return snapshot.podSpecs.map(pod => pod.object);
  },
  check(context) {
    const { snapshot } = context;
    const policies = egressPolicies(snapshot);
    for (const pod of snapshot.podSpecs) {
      if (getBoolean(pod.spec, 'hostNetwork') === true) {
        context.report(
          pod.object,
          [...pod.specPath, 'hostNetwork'],
          `the pod uses the node's network namespace (hostNetwork: true), where NetworkPolicies do not apply, so ${CONSEQUENCE}`,
        );
        continue;
      }
      const selecting = (policies.get(pod.namespace) ?? []).filter(policy => matchesSelector(policy.target.podSelector, pod.labels));
      if (selecting.length === 0) {
        context.report(pod.object, [...pod.metadataPath, 'labels'], `no NetworkPolicy in namespace "${pod.namespace}" restricts the pod's egress, so ${CONSEQUENCE}`);
        continue;
      }
      const allowing = selecting.filter(policy => policy.allowing.length > 0);
      if (allowing.length === 0) continue;
      const rules = allowing.reduce((total, policy) => total + policy.allowing.length, 0);
      context.report(pod.object, [...pod.metadataPath, 'labels'], `${describeAllowing(allowing)} ${rules === 1 ? 'lets' : 'let'} the pod connect to TCP port 80 of ${ENDPOINT}`);
    }
  },
});
