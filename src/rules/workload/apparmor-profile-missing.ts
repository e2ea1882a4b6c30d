import { containerSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { effectiveAppArmor } from '../util/apparmor-profile.js';
import { describeContainer } from '../util/describe.js';

export default defineRule({
  id: 'apparmor-profile-missing',
  title: 'Container does not request an AppArmor profile',
  severity: 'info',
  category: 'workload',
  description:
    'With no AppArmor profile set, the runtime applies its default profile on nodes where AppArmor is enabled, so the container is usually confined already. Requesting `RuntimeDefault` explicitly makes that a requirement: the kubelet then refuses to start the pod on a node without AppArmor instead of running it unconfined there.',
  remediation:
    'Set `securityContext.appArmorProfile.type: RuntimeDefault` at pod level (containers inherit it), or `Localhost` with a tailored profile, if every node that may run the pod has AppArmor enabled. On clusters with SELinux-only nodes, leave it unset and disable this rule.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Hardening container environments'],
    mitre: ['T1611'],
  },
  equivalents: {
    polaris: 'linuxHardening',
    kubescape: 'C-0055',
    kubeaudit: 'apparmor',
    kubesec: 'ApparmorAny',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    for (const container of pod.containers) {
      // Runtimes skip AppArmor for privileged containers; privileged-container reports those.
      if (containerSecurityValue(container, 'privileged').value === true) continue;
      if (effectiveAppArmor(pod, container).from !== 'unset') continue;
      context.report(
        pod.object,
        container.path,
        `${describeContainer(container)} requests no AppArmor profile, nor does the pod: the runtime's default profile confines it only on nodes where AppArmor is enabled, and elsewhere it runs without one`,
      );
    }
  },
});
