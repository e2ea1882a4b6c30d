import { defineRule } from '../types.js';
import { exposedRuntimeSockets } from '../util/host-path.js';
import { hostPathVolumes } from '../util/volumes.js';

export default defineRule({
  id: 'container-runtime-socket',
  title: 'Pod mounts the container runtime socket',
  severity: 'critical',
  category: 'workload',
  description:
    'The container runtime\'s API socket (Docker, containerd, CRI-O, ...) accepts commands with the runtime\'s full authority, which is root on the node. A pod that mounts it, or a directory containing it such as /run or /var/run, can start a privileged container with the host filesystem mounted, exec into any other pod and read its secrets: it controls every container on the node.',
  remediation:
    'Remove the hostPath volume. Build images with a rootless builder (rootless BuildKit as a service, Buildah) instead of the node\'s Docker; read container metadata from the Kubernetes API; if a monitoring agent insists on the socket, isolate it in a dedicated, tightly controlled namespace.',
  frameworks: {
    cis: ['5.2.11'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611', 'T1610'],
    pss: ['baseline/hostPathVolumes'],
  },
  equivalents: {
    'kube-linter': 'docker-sock',
    trivy: 'KSV-0006',
    checkov: 'CKV_K8S_27',
    kubescape: 'C-0074',
    kubeaudit: 'mounts',
    kubesec: 'DockerSock',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    for (const volume of hostPathVolumes(pod)) {
      if (volume.hostPath === undefined) continue;
      const exposed = exposedRuntimeSockets(volume.hostPath);
      if (exposed.length === 0) continue;
      const exact = exposed.find(entry => entry.exact);
      const what =
        exact === undefined
          ? `${volume.hostPath}, which contains ${socketNames(exposed.map(entry => entry.socket.runtime))}`
          : `the ${exact.socket.runtime} socket ${volume.hostPath}`;
      context.report(
        pod.object,
        [...volume.path, 'path'],
        `hostPath volume "${volume.name}" mounts ${what}, so any container mounting it can start privileged containers and control every container on the node`,
      );
    }
  },
});

/** `the Docker socket`, `the Docker, containerd and CRI-O sockets`, `the ... and 5 other runtime sockets`. */
function socketNames(runtimes: readonly string[]): string {
  const unique = [...new Set(runtimes)];
  if (unique.length === 1) return `the ${unique[0] ?? ''} socket`;
  if (unique.length <= 3) return `the ${unique.slice(0, -1).join(', ')} and ${unique.at(-1) ?? ''} sockets`;
  return `the ${unique.slice(0, 3).join(', ')} and ${String(unique.length - 3)} other runtime sockets`;
}
