import { defineRule } from '../types.js';
import { capabilityList } from '../util/capabilities.js';
import { describeContainer } from '../util/describe.js';

/** Default runtime capabilities worth naming, with what each lets a compromised process do. */
const NOTABLE_DEFAULTS: readonly (readonly [string, string])[] = [
  ['NET_RAW', 'forging packets'],
  ['DAC_OVERRIDE', 'bypassing file permissions'],
  ['SETUID', 'switching to any user'],
  ['CHOWN', 'taking ownership of any file'],
];

/** What the container keeps, naming at most two notable defaults it did not drop. */
function consequence(dropped: ReadonlySet<string>): string {
  const kept = NOTABLE_DEFAULTS.filter(([name]) => !dropped.has(name)).slice(0, 2);
  if (kept.length === 0) return "the rest of the runtime's default capabilities stay available";
  const examples = kept.map(([name, power]) => `${name} (${power})`).join(' and ');
  return `it keeps runtime default capabilities such as ${examples}`;
}

export default defineRule({
  id: 'capabilities-not-dropped',
  title: 'Container does not drop ALL capabilities',
  severity: 'medium',
  category: 'workload',
  description:
    "A container starts with the runtime's default capability set (about fourteen, including NET_RAW, CHOWN, DAC_OVERRIDE, SETUID and SETGID) unless it drops them. Most applications need none of them, and each one is something a compromised process can use against the pod network or the node.",
  remediation:
    'Set `securityContext.capabilities.drop: [ALL]` on every container (upper-case: Pod Security Admission compares it exactly) and add back only what the process needs, typically nothing or `NET_BIND_SERVICE`.',
  frameworks: {
    cis: ['5.2.9'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611'],
    pss: ['restricted/capabilities_restricted'],
  },
  equivalents: {
    polaris: 'insecureCapabilities',
    trivy: ['KSV-0003', 'KSV-0106'],
    checkov: 'CKV_K8S_37',
    kubescape: 'C-0201',
    kubeaudit: 'capabilities',
    kubesec: 'CapDropAll',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    for (const container of pod.containers) {
      const drop = capabilityList(container, 'drop');
      if (drop.entries.some(entry => entry.raw === 'ALL')) continue;
      const name = describeContainer(container);
      const wrongCase = drop.entries.find(entry => entry.raw.trim().toUpperCase() === 'ALL');
      if (wrongCase !== undefined) {
        context.report(
          pod.object,
          wrongCase.path,
          `${name} drops "${wrongCase.raw}", but Pod Security Admission only recognises upper-case ALL, so the restricted profile rejects the pod`,
        );
      } else if (!drop.present) {
        context.report(pod.object, container.path, `${name} does not drop ALL capabilities: ${consequence(new Set())}`);
      } else if (drop.entries.length === 0) {
        context.report(pod.object, drop.path, `${name} has an empty capabilities.drop list: ${consequence(new Set())}`);
      } else {
        const dropped = new Set(drop.entries.map(entry => entry.name));
        context.report(pod.object, drop.path, `${name} drops some capabilities but not ALL: ${consequence(dropped)}`);
      }
    }
  },
});
