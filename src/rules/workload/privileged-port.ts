import { defineRule } from '../types.js';
import { DEFAULT_UNPRIVILEGED_PORT_START, containerPorts, unprivilegedPortStart, usesHostNetwork } from '../util/container-ports.js';
import { describeContainer } from '../util/describe.js';

const SYSCTL = 'net.ipv4.ip_unprivileged_port_start';

export default defineRule({
  id: 'privileged-port',
  title: 'Container listens on a privileged port',
  severity: 'low',
  category: 'workload',
  description:
    'Linux lets only root or a process holding CAP_NET_BIND_SERVICE bind a port below 1024 (below `net.ipv4.ip_unprivileged_port_start`). A container declaring such a port therefore usually runs as root or keeps an extra capability just to listen, which an attacker who takes over the process inherits.',
  remediation:
    'Listen on a port of 1024 or above inside the container and map it in the Service (`port: 80`, `targetPort: 8080`). If the image cannot change its port, let the pod bind it without privilege by setting the namespaced sysctl `net.ipv4.ip_unprivileged_port_start` in `securityContext.sysctls`.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Non-root containers and "rootless" container engines'],
  },
  equivalents: {
    'kube-linter': 'privileged-ports',
    trivy: 'KSV-0117',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    // Windows has no privileged ports.
    if (pod.isWindows) return;
    const sysctl = unprivilegedPortStart(pod);
    const start = sysctl?.value ?? DEFAULT_UNPRIVILEGED_PORT_START;
    for (const container of pod.containers) {
      for (const port of containerPorts(container)) {
        if (port.containerPort === undefined || port.containerPort >= start) continue;
        const where =
          sysctl !== undefined
            ? `, below the pod's ${SYSCTL} of ${String(sysctl.value)}`
            : usesHostNetwork(pod)
              ? " in the node's network namespace (hostNetwork), below the node's default limit of 1024"
              : ', below 1024';
        context.report(
          pod.object,
          [...port.path, 'containerPort'],
          `${describeContainer(container)} declares containerPort ${String(port.containerPort)}${where}: binding it takes root or CAP_NET_BIND_SERVICE, privilege an attacker who takes over the process inherits`,
        );
      }
    }
  },
});
