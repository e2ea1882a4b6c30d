import { getBoolean } from '../../snapshot/guards.js';
import { containerSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { capabilityList } from '../util/capabilities.js';
import { describeContainer } from '../util/describe.js';

/**
 * How containerd and CRI-O read a `drop` entry: case-insensitively, adding the `CAP_` prefix
 * themselves. containerd always prepends it, so `CAP_NET_RAW` becomes `CAP_CAP_NET_RAW` and
 * drops nothing there; CRI-O accepts both spellings.
 */
function dropsNetRaw(raw: string): 'yes' | 'containerd-ignores' | 'no' {
  const upper = raw.toUpperCase();
  if (upper === 'NET_RAW' || upper === 'ALL') return 'yes';
  if (upper === 'CAP_NET_RAW' || upper === 'CAP_ALL') return 'containerd-ignores';
  return 'no';
}

export default defineRule({
  id: 'net-raw-not-dropped',
  title: 'Container keeps the NET_RAW capability',
  severity: 'medium',
  category: 'workload',
  description:
    'containerd and Docker grant NET_RAW by default. It lets a process open raw sockets and forge any packet: ARP and DNS spoofing against other pods on the node, traffic interception, and a long record of kernel bugs reachable through raw sockets. Few applications need it, yet it stays unless the container drops NET_RAW or ALL.',
  remediation:
    'Add `NET_RAW` (or better `ALL`) to `securityContext.capabilities.drop` of every container, and add back only the capabilities the process needs. `ping` works without it on kernels that allow unprivileged ICMP sockets (`net.ipv4.ping_group_range`).',
  frameworks: {
    cis: ['5.2.8'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1557'],
  },
  equivalents: {
    polaris: 'insecureCapabilities',
    'kube-linter': 'drop-net-raw-capability',
    checkov: 'CKV_K8S_28',
    kubescape: 'C-0199',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    const where = getBoolean(pod.spec, 'hostNetwork') === true ? "on the node's own network (the pod uses hostNetwork)" : 'on the pod network';
    const power = `can forge packets to spoof or intercept traffic ${where}`;
    for (const container of pod.containers) {
      // A privileged container holds every capability whatever it drops: privileged-container reports it.
      if (containerSecurityValue(container, 'privileged').value === true) continue;
      // Adding NET_RAW or ALL is reported by dangerous-capabilities.
      if (capabilityList(container, 'add').entries.some(entry => entry.name === 'NET_RAW' || entry.name === 'ALL')) continue;
      const drop = capabilityList(container, 'drop');
      const verdicts = drop.entries.map(entry => ({ entry, verdict: dropsNetRaw(entry.raw) }));
      if (verdicts.some(({ verdict }) => verdict === 'yes')) continue;
      const name = describeContainer(container);
      const prefixed = verdicts.find(({ verdict }) => verdict === 'containerd-ignores');
      if (prefixed !== undefined) {
        context.report(
          pod.object,
          prefixed.entry.path,
          `${name} drops "${prefixed.entry.raw}", which containerd reads as CAP_${prefixed.entry.raw.toUpperCase()} and ignores, so on containerd nodes it keeps NET_RAW and ${power}`,
        );
      } else if (drop.present) {
        context.report(pod.object, drop.path, `${name} drops neither NET_RAW nor ALL: it keeps NET_RAW, so it ${power}`);
      } else {
        context.report(pod.object, container.path, `${name} does not drop NET_RAW: it ${power}`);
      }
    }
  },
});
