import { defineRule } from '../types.js';
import { reportMissingResource } from '../util/missing-resource.js';

export default defineRule({
  id: 'cpu-limits-missing',
  title: 'Container has no CPU limit',
  severity: 'low',
  category: 'workload',
  description:
    'Without a CPU limit the container may use every idle core of its node. Requests still protect neighbours\' guaranteed share, but a runaway loop or a hijacked process such as a cryptominer consumes all spare capacity unnoticed. CPU limits also cause throttling, so many teams deliberately omit them: disable this rule in that case.',
  remediation:
    'Set `resources.limits.cpu` (a LimitRange `default` in the namespace also fills it in), or, if you rely on requests alone and accept bursting, disable the rule with `rules: {cpu-limits-missing: false}` in kubeward.yaml.',
  frameworks: {
    nsa: ['Network separation and hardening: Resource policies'],
    mitre: ['T1496'],
  },
  equivalents: {
    polaris: 'cpuLimitsMissing',
    'kube-score': 'container-resources',
    'kube-linter': 'unset-cpu-requirements',
    trivy: 'KSV-0011',
    checkov: 'CKV_K8S_11',
    kubescape: ['C-0050', 'C-0270'],
    kubeaudit: 'limits',
    kubesec: 'LimitsCPU',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    reportMissingResource(pod, context, 'limits', 'cpu', 'a runaway or hijacked process can take every idle core of the node');
  },
});
