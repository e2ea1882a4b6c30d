import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { sshServerEvidence } from '../util/ssh-server.js';

export default defineRule({
  id: 'ssh-server-in-container',
  title: 'Container appears to run an SSH server',
  severity: 'medium',
  category: 'image',
  description:
    'An SSH server in a container is a second way in that Kubernetes does not control: logins skip RBAC and the API server\'s audit log, its keys and passwords live outside Kubernetes Secrets rotation, and a weak credential or an sshd vulnerability gives a remote shell in the pod. Containers are managed with `kubectl exec` and `kubectl debug`, which need none of this.',
  remediation:
    'Remove the SSH server from the image and the command, and the port from the container. Use `kubectl exec` or `kubectl debug` (RBAC-controlled and audited) for interactive access, `kubectl cp` for files and `kubectl port-forward` for tunnels. If you need an SFTP or Git-over-SSH service, run a purpose-built server, expose it deliberately and review it.',
  frameworks: {
    mitre: ['T1021.004'],
  },
  equivalents: {
    'kube-linter': 'ssh-port',
    kubescape: 'C-0042',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    for (const container of pod.containers) {
      const evidence = sshServerEvidence(container);
      const [first] = evidence;
      if (first === undefined) continue;
      const what = evidence.map(item => item.text).join(', and ');
      // Only a command that starts the daemon shows it runs; a port or an image name only suggests it.
      const consequence =
        first.kind === 'command'
          ? 'an SSH login into the pod bypasses Kubernetes RBAC and audit'
          : 'if it runs an SSH server, logins into the pod bypass Kubernetes RBAC and audit';
      context.report(pod.object, first.path, `${describeContainer(container)} ${what}: ${consequence}`);
    }
  },
});
