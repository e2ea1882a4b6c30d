import { getBoolean } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'host-network',
  title: 'Pod uses the node network namespace',
  severity: 'high',
  category: 'workload',
  description:
    'With hostNetwork: true the pod shares the node\'s network stack: it can reach services bound only to the node\'s loopback, reach the cloud metadata endpoint even where a hop limit shields other pods, capture the node\'s traffic and bind any node port, and NetworkPolicy does not reliably apply to it.',
  remediation:
    'Remove `hostNetwork: true` and expose the workload through a Service. If it only needs a fixed port on the node, a `hostPort` on one container is narrower; node networking agents belong in a dedicated, restricted namespace.',
  frameworks: {
    cis: ['5.2.5'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1040'],
    pss: ['baseline/hostNamespaces'],
  },
  equivalents: {
    polaris: 'hostNetworkSet',
    'kube-linter': 'host-network',
    trivy: 'KSV-0009',
    checkov: 'CKV_K8S_19',
    kubescape: ['C-0041', 'C-0196'],
    kubeaudit: 'hostns',
    kubesec: 'HostNetwork',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    if (getBoolean(pod.spec, 'hostNetwork') !== true) return;
    context.report(
      pod.object,
      [...pod.specPath, 'hostNetwork'],
      'the pod shares the node\'s network namespace (hostNetwork: true), so it can reach services listening on the node\'s loopback, capture node traffic and slip past NetworkPolicy',
    );
  },
});
