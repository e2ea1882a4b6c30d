import { defineRule } from '../types.js';
import { reportMissingResource } from '../util/missing-resource.js';

export default defineRule({
  id: 'memory-requests-missing',
  title: 'Container has no memory request',
  severity: 'low',
  category: 'workload',
  description:
    'Without a memory request the scheduler reserves no memory for the container and may place it on a node without room for it. When the node runs short, the kubelet evicts pods using more than they requested first, so this container is among the first to go.',
  remediation:
    'Set `resources.requests.memory` to the container\'s steady-state working set. A LimitRange `defaultRequest` in the namespace also fills it in for containers that leave it out.',
  frameworks: {
    nsa: ['Network separation and hardening: Resource policies'],
  },
  equivalents: {
    polaris: 'memoryRequestsMissing',
    'kube-score': 'container-resources',
    'kube-linter': 'unset-memory-requirements',
    trivy: 'KSV-0016',
    checkov: 'CKV_K8S_12',
    kubescape: ['C-0004', 'C-0269'],
    kubesec: 'RequestsMemory',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    reportMissingResource(
      pod,
      context,
      'requests',
      'memory',
      'the scheduler may place it on a node without room for it and under memory pressure it is among the first pods evicted',
    );
  },
});
