import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { EMPTY_CONFIG } from '../config/config.js';
import { RULES } from '../rules/index.js';
import { scanText } from '../../test/helpers/scan-text.js';

const rules = [RULES['privileged-container'], RULES['host-network']];

const MANIFESTS = `
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: cni-agent
  namespace: kube-system
  annotations:
    kubeward.io/ignore: "privileged-container, host-network"
    kubeward.io/ignore-reason: CNI plugin programs the node's network
spec:
  selector: {matchLabels: {app: cni}}
  template:
    metadata: {labels: {app: cni}}
    spec:
      hostNetwork: true
      containers: [{name: agent, image: registry.example.com/cni:1.0.0, securityContext: {privileged: true}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tools, namespace: ops}
spec:
  selector: {matchLabels: {app: tools}}
  template:
    metadata:
      labels: {app: tools}
      annotations: {kubeward.io/ignore: privileged-container}
    spec:
      hostNetwork: true
      containers: [{name: tools, image: registry.example.com/tools:1.0.0, securityContext: {privileged: true}}]
---
apiVersion: v1
kind: Pod
metadata: {name: probe, namespace: monitoring}
spec:
  hostNetwork: true
  containers: [{name: probe, image: registry.example.com/probe:1.0.0, securityContext: {privileged: true}}]
`;

function summary(findings: readonly { ruleId: string; resource: { name: string }; suppressed?: { reason: string; by: string } }[]): string[] {
  return findings.map(finding => `${finding.resource.name} ${finding.ruleId} ${finding.suppressed === undefined ? 'active' : `${finding.suppressed.by}: ${finding.suppressed.reason}`}`);
}

describe('suppressions', () => {
  it('honours kubeward.io/ignore on the object and on the pod template, keeping the findings visible with their reason', async () => {
    const result = await scanText(MANIFESTS, { rules });
    assert.deepEqual(summary(result.findings), [
      "cni-agent host-network annotation: CNI plugin programs the node's network",
      "cni-agent privileged-container annotation: CNI plugin programs the node's network",
      'tools host-network active',
      'tools privileged-container annotation: kubeward.io/ignore annotation',
      'probe host-network active',
      'probe privileged-container active',
    ]);
  });

  it('counts a Namespace object as inside itself for namespace exemptions', async () => {
    const config = { ...EMPTY_CONFIG, exemptions: [{ namespaces: ['kube-system'], reason: 'managed by the provider' }] };
    const result = await scanText('apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n', {
      rules: [RULES['namespace-pss-not-enforced']],
      config,
    });
    assert.deepEqual(summary(result.findings), ['kube-system namespace-pss-not-enforced config: managed by the provider', 'shop namespace-pss-not-enforced active']);
  });

  it('applies config exemptions by rule, namespace, kind and name pattern', async () => {
    const config = {
      ...EMPTY_CONFIG,
      exemptions: [
        { rules: ['host-network'], namespaces: ['ops', 'monitoring'], kinds: ['Pod'], reason: 'probes need the host network' },
        { names: ['too*'], reason: 'tools are reviewed separately' },
      ],
    };
    const result = await scanText(MANIFESTS, { rules, config });
    assert.deepEqual(summary(result.findings).slice(2), [
      'tools host-network config: tools are reviewed separately',
      'tools privileged-container annotation: kubeward.io/ignore annotation',
      'probe host-network config: probes need the host network',
      'probe privileged-container active',
    ]);
  });
});
