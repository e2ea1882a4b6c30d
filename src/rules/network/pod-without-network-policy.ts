import type { PolicyTarget } from '../../engines/netpol/policy-types.js';
import { isNetworkPolicy, policyTarget } from '../../engines/netpol/policy-types.js';
import { getBoolean } from '../../snapshot/guards.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import { matchesSelector } from '../../snapshot/label-selector.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';

/** NetworkPolicy does not apply to pods in the host's network namespace (host-network covers them). */
function policiesApply(pod: PodSpecView): boolean {
  return getBoolean(pod.spec, 'hostNetwork') !== true;
}

/** Valid core NetworkPolicies by namespace; a policy the API server would reject isolates nothing. */
function policiesByNamespace(snapshot: ClusterSnapshot): ReadonlyMap<string, readonly PolicyTarget[]> {
  const byNamespace = new Map<string, PolicyTarget[]>();
  for (const policy of snapshot.ofKind('NetworkPolicy')) {
    if (!isNetworkPolicy(policy)) continue;
    const namespace = snapshot.namespaceOf(policy);
    const parsed = policyTarget(policy);
    if (namespace === undefined || !parsed.ok) continue;
    const list = byNamespace.get(namespace);
    if (list === undefined) byNamespace.set(namespace, [parsed.target]);
    else list.push(parsed.target);
  }
  return byNamespace;
}

function describeLabels(labels: ReadonlyMap<string, string>): string {
  if (labels.size === 0) return 'no labels';
  return `labels ${[...labels].map(([key, value]) => `${key}=${value}`).join(',')}`;
}

function policyNames(targets: readonly PolicyTarget[]): string {
  return targets.map(target => `"${target.policy.name}"`).join(', ');
}

function openDirections(pod: PodSpecView, selecting: readonly PolicyTarget[]): string | undefined {
  const ingress = selecting.some(target => target.types.ingress);
  const egress = selecting.some(target => target.types.egress);
  if (ingress && egress) return undefined;
  const selectors = selecting.length === 1 ? `NetworkPolicy ${policyNames(selecting)} selects` : `NetworkPolicies ${policyNames(selecting)} select`;
  if (ingress) return `egress is not restricted by any NetworkPolicy: ${selectors} this pod for ingress only`;
  if (egress) return `ingress is not restricted by any NetworkPolicy: ${selectors} this pod for egress only`;
  return `no NetworkPolicy in namespace "${pod.namespace}" selects this pod (${describeLabels(pod.labels)}): all ingress and egress allowed`;
}

export default defineRule({
  id: 'pod-without-network-policy',
  title: 'Pod is not isolated by a NetworkPolicy',
  severity: 'medium',
  category: 'network',
  description:
    'Kubernetes lets every pod talk to every other pod, in any namespace, until a NetworkPolicy selects it. A pod that no policy isolates accepts connections from anything in the cluster and can open connections anywhere, so one compromised workload can probe and reach all the others.',
  remediation:
    'Add a default-deny NetworkPolicy (`podSelector: {}`, `policyTypes: [Ingress, Egress]`) to the namespace, then allow the traffic each workload needs with narrower policies. Remember to allow DNS egress.',
  frameworks: {
    cis: ['5.3.2'],
    nsa: ['Network separation and hardening: Network policies'],
    mitre: ['T1046', 'T1210'],
  },
  equivalents: {
    polaris: 'missingNetworkPolicy',
    'kube-score': 'pod-networkpolicy',
    'kube-linter': 'non-isolated-pod',
    checkov: 'CKV2_K8S_6',
    kubescape: ['C-0260', 'C-0030'],
    kubeaudit: 'netpols',
  },
  fixable: false,
  target: 'snapshot',
  examines(snapshot) {
    const objects: KubeObject[] = [];
    for (const pod of snapshot.podSpecs) if (policiesApply(pod)) objects.push(pod.object);
    return objects;
  },
  check(context) {
    const { snapshot } = context;
    const policies = policiesByNamespace(snapshot);
    for (const pod of snapshot.podSpecs) {
      if (!policiesApply(pod)) continue;
      const selecting = (policies.get(pod.namespace) ?? []).filter(target => matchesSelector(target.podSelector, pod.labels));
      const message = openDirections(pod, selecting);
      if (message !== undefined) context.report(pod.object, [...pod.metadataPath, 'labels'], message);
    }
  },
});
