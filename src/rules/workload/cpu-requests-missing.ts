import { defineRule } from '../types.js';
import { reportMissingResource } from '../util/missing-resource.js';

export default defineRule({
  id: 'cpu-requests-missing',
  title: 'Container has no CPU request',
  severity: 'low',
  category: 'workload',
  description:
    'Without a CPU request the scheduler reserves no CPU for the container, so it can land on a node that is already full, and on a busy node the kernel gives it the smallest possible share of CPU time. The workload slows down unpredictably, and capacity planning and autoscaling have nothing to work with.',
  remediation:
    'Set `resources.requests.cpu` to what the container uses under normal load (for example from its observed p95 usage). A LimitRange `defaultRequest` in the namespace also fills it in for containers that leave it out.',
  frameworks: {
    nsa: ['Network separation and hardening: Resource policies'],
  },
  equivalents: {
    polaris: 'cpuRequestsMissing',
    'kube-score': 'container-resources',
    'kube-linter': 'unset-cpu-requirements',
    trivy: 'KSV-0015',
    checkov: 'CKV_K8S_10',
    kubescape: ['C-0050', 'C-0268'],
    kubesec: 'RequestsCPU',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    reportMissingResource(pod, context, 'requests', 'cpu', 'the scheduler reserves no CPU for it and on a busy node it gets the smallest CPU share');
  },
});
