import { defineRule } from '../types.js';
import { BASELINE_CAPABILITIES, capabilityList } from '../util/capabilities.js';
import type { CapabilityEntry } from '../util/capabilities.js';
import { describeContainer } from '../util/describe.js';

/** What the worst capabilities hand an attacker, in one clause each. */
const CONSEQUENCES: ReadonlyMap<string, string> = new Map([
  ['ALL', 'it gets every capability, close to running privileged'],
  ['SYS_ADMIN', "it can mount filesystems and use much of root's power, the usual route out of a container"],
  ['NET_ADMIN', "it can rewrite the pod's interfaces, routes and firewall rules to intercept or redirect traffic"],
  ['SYS_MODULE', 'it can load kernel modules, which runs code in the node kernel'],
  ['SYS_PTRACE', 'it can read and inject code into any process it can see'],
  ['SYS_RAWIO', 'it can access I/O ports and device memory directly'],
  ['BPF', 'it can load eBPF programs that observe the kernel and other workloads'],
  ['DAC_READ_SEARCH', 'it can read any file and open files by handle, the basis of the "Shocker" escape to host files'],
  ['NET_RAW', 'it can forge packets to spoof or poison traffic on the pod network'],
]);

const OTHER_CONSEQUENCE = 'it is outside the Pod Security Standards baseline set and widens what a compromised process can do to the node';

function message(container: string, entry: CapabilityEntry): string {
  if (BASELINE_CAPABILITIES.has(entry.name)) {
    return `${container} adds "${entry.raw}": Pod Security Admission accepts only the exact name ${entry.name}, so the baseline profile rejects the pod`;
  }
  const written = entry.raw === entry.name ? '' : ` (written "${entry.raw}")`;
  return `${container} adds capability ${entry.name}${written}: ${CONSEQUENCES.get(entry.name) ?? OTHER_CONSEQUENCE}`;
}

export default defineRule({
  id: 'dangerous-capabilities',
  title: 'Container adds a capability outside the baseline set',
  severity: 'high',
  category: 'workload',
  description:
    'Capabilities beyond the Pod Security Standards baseline allow-list give a container part of root\'s power over the node: SYS_ADMIN, SYS_MODULE and DAC_READ_SEARCH have each been used to escape containers, NET_ADMIN and NET_RAW to intercept traffic, SYS_PTRACE to take over other processes.',
  remediation:
    'Remove the capability from `securityContext.capabilities.add`. If the workload truly needs it (a CNI plugin, a node agent), isolate it in a dedicated namespace with a reviewed exemption instead of granting it by default.',
  frameworks: {
    cis: ['5.2.9'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611'],
    pss: ['baseline/capabilities_baseline'],
  },
  equivalents: {
    polaris: 'dangerousCapabilities',
    trivy: ['KSV-0005', 'KSV-0022', 'KSV-0119', 'KSV-0120'],
    checkov: ['CKV_K8S_39', 'CKV_K8S_25'],
    kubescape: ['C-0046', 'C-0200'],
    kubeaudit: 'capabilities',
    kubesec: 'CapSysAdmin',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    for (const container of pod.containers) {
      for (const entry of capabilityList(container, 'add').entries) {
        // Pod Security Admission compares the exact string, so `CAP_CHOWN` is outside the list too.
        if (BASELINE_CAPABILITIES.has(entry.raw)) continue;
        context.report(pod.object, entry.path, message(describeContainer(container), entry));
      }
    }
  },
});
