import { defineRule } from '../types.js';
import { reportMissingResource } from '../util/missing-resource.js';

export default defineRule({
  id: 'memory-limits-missing',
  title: 'Container has no memory limit',
  severity: 'medium',
  category: 'workload',
  description:
    'Without a memory limit nothing stops the container from growing until its node runs out of memory. A leak, a crafted request that inflates a cache, or an attacker\'s tooling then pushes the node into evictions and kernel OOM kills that hit other pods and node daemons too.',
  remediation:
    'Set `resources.limits.memory` a margin above the container\'s peak working set; a LimitRange `default` in the namespace also fills it in for containers that leave it out.',
  frameworks: {
    nsa: ['Network separation and hardening: Resource policies'],
    mitre: ['T1499'],
  },
  equivalents: {
    polaris: 'memoryLimitsMissing',
    'kube-score': 'container-resources',
    'kube-linter': 'unset-memory-requirements',
    trivy: 'KSV-0018',
    checkov: 'CKV_K8S_13',
    kubescape: ['C-0004', 'C-0271'],
    kubeaudit: 'limits',
    kubesec: 'LimitsMemory',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    reportMissingResource(
      pod,
      context,
      'limits',
      'memory',
      'a leak or an attacker can exhaust the node\'s memory and trigger evictions and OOM kills that hit other pods',
    );
  },
});
