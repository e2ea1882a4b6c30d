import { defineRule } from '../types.js';

export default defineRule({
  id: 'workload-in-default-namespace',
  title: 'Workload placed in the default namespace',
  severity: 'low',
  category: 'namespace',
  description:
    'The `default` namespace is where everything lands that names no namespace, so a workload placed there explicitly shares it with whatever anyone deploys by accident. RBAC, NetworkPolicies, ResourceQuotas and Pod Security admission are all scoped by namespace, and a catch-all namespace cannot be given the rules one application needs.',
  remediation:
    'Give each application (or team) its own namespace and set `metadata.namespace` to it, or leave the field out and choose the namespace at deploy time with `kubectl apply -n`, Helm `--namespace` or a Kustomize `namespace:`.',
  frameworks: {
    cis: ['5.6.4', '5.6.1'],
    nsa: ['Network separation and hardening: Namespaces'],
  },
  equivalents: {
    'kube-linter': 'use-namespace',
    trivy: 'KSV-0110',
    checkov: 'CKV_K8S_21',
    kubescape: 'C-0061',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    // Only an explicit `default`: an omitted namespace is chosen at deploy time (`kubectl apply -n`).
    if (pod.object.namespace !== 'default') return;
    context.report(
      pod.object,
      ['metadata', 'namespace'],
      `${pod.object.kind} "${pod.object.name}" is placed in the "default" namespace explicitly, where it shares RBAC, NetworkPolicies, quotas and Pod Security settings with everything deployed without a namespace`,
    );
  },
});
