import { defineRule } from '../types.js';
import { containerPorts, usesHostNetwork } from '../util/container-ports.js';
import { describeContainer } from '../util/describe.js';

export default defineRule({
  id: 'host-port',
  title: 'Container publishes a port on the node',
  severity: 'medium',
  category: 'workload',
  description:
    'A `hostPort` binds a port on the node\'s own addresses and forwards it to the container. Anyone who can reach the node reaches the container directly, outside any Service, Ingress or load balancer you review, and the pod is tied to nodes where that port is still free.',
  remediation:
    'Remove `hostPort` and expose the port through a Service (ClusterIP behind an Ingress or Gateway, or NodePort/LoadBalancer when it must be reachable from outside). Node agents that truly need a fixed node port belong in a dedicated, restricted namespace.',
  frameworks: {
    cis: ['5.2.12'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    pss: ['baseline/hostPorts'],
  },
  equivalents: {
    polaris: 'hostPortSet',
    trivy: 'KSV-0024',
    checkov: 'CKV_K8S_26',
    kubescape: ['C-0044', 'C-0204'],
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    // In the node's network namespace every containerPort is a node port already (the API server
    // even copies it into hostPort); host-network reports that once for the pod.
    if (usesHostNetwork(pod)) return;
    for (const container of pod.containers) {
      for (const port of containerPorts(container)) {
        if (port.hostPort === undefined) continue;
        const target = port.containerPort === undefined ? '' : ` (to containerPort ${String(port.containerPort)}/${port.protocol})`;
        const address = port.hostIP === undefined || port.hostIP === '' ? "the node's addresses" : `node address ${port.hostIP}`;
        context.report(
          pod.object,
          [...port.path, 'hostPort'],
          `${describeContainer(container)} publishes hostPort ${String(port.hostPort)}${target} on ${address}: anyone who can reach the node reaches the container directly, outside any Service, and only one such pod fits on each node`,
        );
      }
    }
  },
});
