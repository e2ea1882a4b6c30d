import { defineRule } from '../types.js';
import { describeContainers, offendingGroups, plural } from '../util/inherited-findings.js';
import { effectiveSeccompType } from '../util/seccomp.js';

const CONSEQUENCE = 'every system call, including rarely used ones behind many kernel exploits, is open to';

export default defineRule({
  id: 'seccomp-unconfined',
  title: 'Container runs with seccomp Unconfined',
  severity: 'high',
  category: 'workload',
  description:
    '`seccompProfile.type: Unconfined` switches syscall filtering off explicitly, overriding a node-wide `seccompDefault`. A compromised process can then reach every system call, and with it the large kernel attack surface that container escapes use.',
  remediation:
    'Set `seccompProfile.type: RuntimeDefault`, or `Localhost` with a profile that allows the extra syscalls the workload needs. Where the pod sets Unconfined, fix it once at pod level.',
  frameworks: {
    cis: ['5.6.2'],
    nsa: ['Kubernetes Pod security: Hardening container environments'],
    mitre: ['T1611'],
    pss: ['baseline/seccompProfile_baseline'],
  },
  equivalents: {
    trivy: 'KSV-0104',
    checkov: 'CKV_K8S_31',
    kubeaudit: 'seccomp',
    kubesec: 'SeccompUnconfined',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    const groups = offendingGroups(pod, container => {
      const seccomp = effectiveSeccompType(pod, container);
      return seccomp.type === 'Unconfined' && seccomp.typePath !== undefined ? { path: seccomp.typePath, from: seccomp.from, value: seccomp.type } : undefined;
    });
    for (const group of groups) {
      const names = describeContainers(group.containers);
      if (group.from === 'pod') {
        context.report(
          pod.object,
          group.path,
          `the pod's securityContext sets seccompProfile.type: Unconfined, inherited by ${names}: ${CONSEQUENCE} ${plural(group.containers, 'it', 'them')}`,
        );
      } else {
        context.report(pod.object, group.path, `${names} sets seccompProfile.type: Unconfined: ${CONSEQUENCE} it`);
      }
    }
  },
});
