import { getBoolean } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'host-ipc',
  title: 'Pod shares the node IPC namespace',
  severity: 'high',
  category: 'workload',
  description:
    'With hostIPC: true the pod joins the node\'s IPC namespace: it can read and write the shared memory segments, semaphores and message queues of every process on the node, and common runtimes also give it the node\'s /dev/shm. Data other workloads exchange that way is exposed, and can be tampered with.',
  remediation:
    'Remove `hostIPC: true`. Containers of the same pod already share an IPC namespace; to exchange data with a node agent, use a socket or volume scoped to that purpose.',
  frameworks: {
    cis: ['5.2.4'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611'],
    pss: ['baseline/hostNamespaces'],
  },
  equivalents: {
    polaris: 'hostIPCSet',
    'kube-linter': 'host-ipc',
    trivy: 'KSV-0008',
    checkov: 'CKV_K8S_18',
    kubescape: ['C-0038', 'C-0195'],
    kubeaudit: 'hostns',
    kubesec: 'HostIPC',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    if (getBoolean(pod.spec, 'hostIPC') !== true) return;
    context.report(
      pod.object,
      [...pod.specPath, 'hostIPC'],
      'the pod shares the node\'s IPC namespace (hostIPC: true), so its containers can read and alter the shared memory and message queues of every process on the node',
    );
  },
});
