import type { ContainerView } from '../../snapshot/pod-spec.js';
import { defineRule } from '../types.js';
import { effectiveAppArmor } from '../util/apparmor-profile.js';
import { describeContainers, offendingGroups, plural } from '../util/inherited-findings.js';

function consequence(subject: string): string {
  return `no AppArmor profile stands between ${subject} and the mounts and /proc or /sys writes that container escapes use`;
}

export default defineRule({
  id: 'apparmor-unconfined',
  title: 'Container runs with AppArmor Unconfined',
  severity: 'high',
  category: 'workload',
  description:
    'On nodes with AppArmor enabled (Ubuntu, Debian and SUSE enable it by default) the runtime\'s default profile blocks mounts, writes to sensitive `/proc` and `/sys` files and other steps of known container escapes. An `Unconfined` profile, set with `appArmorProfile.type` or the legacy annotation, turns that layer off.',
  remediation:
    'Remove the `Unconfined` setting so the runtime default applies, or set `securityContext.appArmorProfile.type: RuntimeDefault` (or `Localhost` with a profile that allows what the workload needs). Replace `container.apparmor.security.beta.kubernetes.io/*` annotations with the field.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Hardening container environments'],
    mitre: ['T1611'],
    pss: ['baseline/appArmorProfile'],
  },
  equivalents: {
    trivy: 'KSV-0002',
    kubeaudit: 'apparmor',
    kubesec: 'ApparmorUnconfined',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    const fromAnnotation = new Map<ContainerView, string>();
    const groups = offendingGroups(pod, container => {
      const profile = effectiveAppArmor(pod, container);
      if (profile.type !== 'Unconfined' || profile.path === undefined) return undefined;
      if (profile.annotation !== undefined) fromAnnotation.set(container, profile.annotation);
      // An annotation names one container, so it groups like a container-level setting.
      return { path: profile.path, from: profile.from === 'annotation' ? 'container' : profile.from, value: profile.type };
    });
    for (const group of groups) {
      const names = describeContainers(group.containers);
      const [first] = group.containers;
      const annotation = first === undefined ? undefined : fromAnnotation.get(first);
      if (annotation !== undefined) {
        context.report(pod.object, group.path, `the annotation ${annotation}: unconfined leaves ${names} without AppArmor: ${consequence('it')}`);
      } else if (group.from === 'pod') {
        context.report(
          pod.object,
          group.path,
          `the pod's securityContext sets appArmorProfile.type: Unconfined, inherited by ${names}: ${consequence(plural(group.containers, 'it', 'them'))}`,
        );
      } else {
        context.report(pod.object, group.path, `${names} sets appArmorProfile.type: Unconfined: ${consequence('it')}`);
      }
    }
  },
});
