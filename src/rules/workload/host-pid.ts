import { getBoolean } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'host-pid',
  title: 'Pod shares the node process namespace',
  severity: 'high',
  category: 'workload',
  description:
    'With hostPID: true the pod sees every process on the node: their command lines and, for processes running as the same user, their environment and open files under /proc, where credentials often sit. It can signal those processes, and combined with ptrace or privileges it can enter them and escape to the host.',
  remediation:
    'Remove `hostPID: true`. To share processes between the containers of one pod, use `shareProcessNamespace: true` instead; node-level debugging belongs in short-lived `kubectl debug node/...` sessions, not in workloads.',
  frameworks: {
    cis: ['5.2.3'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611'],
    pss: ['baseline/hostNamespaces'],
  },
  equivalents: {
    polaris: 'hostPIDSet',
    'kube-linter': 'host-pid',
    trivy: 'KSV-0010',
    checkov: 'CKV_K8S_17',
    kubescape: ['C-0038', 'C-0194'],
    kubeaudit: 'hostns',
    kubesec: 'HostPID',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    if (getBoolean(pod.spec, 'hostPID') !== true) return;
    context.report(
      pod.object,
      [...pod.specPath, 'hostPID'],
      'the pod shares the node\'s process namespace (hostPID: true), so its containers can inspect and signal every process on the node, including their command lines and environment',
    );
  },
});
