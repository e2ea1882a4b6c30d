import { getBoolean, hasOwn } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';

/** Host namespaces the API server refuses to combine with `hostUsers: false`. */
const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export default defineRule({
  id: 'host-users-enabled',
  title: 'Pod runs in the node\'s user namespace',
  severity: 'info',
  category: 'workload',
  description:
    'Unless a pod sets `hostUsers: false`, its containers share the node\'s user namespace: UID 0 in a container is UID 0 on the node, and capabilities granted to a container are valid against the node\'s kernel. With a user namespace, container users map to unprivileged node UIDs, so several container-escape vulnerabilities stop working and an escape lands as a nobody.',
  remediation:
    'Set `spec.hostUsers: false` on pods that do not share a host namespace, once the nodes support it (Kubernetes 1.33 or later has it on by default; Linux 6.3 or later; a runtime with user namespace support such as containerd 2.0+ or CRI-O, with crun 1.9+ or runc 1.2+).',
  frameworks: {
    nsa: ['Kubernetes Pod security: Non-root containers and "rootless" container engines'],
    mitre: ['T1611'],
  },
  equivalents: {
    kubesec: 'HostUsers',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    // User namespaces are Linux-only, and pods sharing a host namespace cannot use one.
    if (pod.isWindows) return;
    if (HOST_NAMESPACES.some(field => getBoolean(pod.spec, field) === true)) return;
    const value = getBoolean(pod.spec, 'hostUsers');
    if (value === false) return;
    const consequence = 'UID 0 in a container is root on the node and container capabilities apply to the node\'s kernel';
    if (value === true) {
      context.report(pod.object, [...pod.specPath, 'hostUsers'], `the pod sets hostUsers: true, so its containers share the node's user namespace: ${consequence}`);
    } else {
      const written = hasOwn(pod.spec, 'hostUsers') ? [...pod.specPath, 'hostUsers'] : pod.specPath;
      context.report(pod.object, written, `the pod does not set hostUsers: false, so its containers share the node's user namespace: ${consequence}`);
    }
  },
});
