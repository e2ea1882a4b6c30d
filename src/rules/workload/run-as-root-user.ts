import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import { effectiveSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { describeContainers, offendingGroups, plural } from '../util/inherited-findings.js';

/** The containers that also require a non-root user, which the kubelet then refuses to start. */
function refusedToStart(pod: PodSpecView, containers: readonly ContainerView[]): string {
  const refused = containers.filter(container => effectiveSecurityValue(pod, container, 'runAsNonRoot').value === true);
  if (refused.length === 0) return '';
  if (containers.length === 1) {
    return '; it also requires runAsNonRoot: true, so the kubelet refuses to start it';
  }
  return `; the kubelet refuses to start ${describeContainers(refused)}, which also ${plural(refused, 'requires', 'require')} runAsNonRoot: true`;
}

export default defineRule({
  id: 'run-as-root-user',
  title: 'Container runs as UID 0',
  severity: 'medium',
  category: 'workload',
  description:
    '`runAsUser: 0` makes the container process root whatever user the image declares. Root in a container is UID 0 on the node, so a kernel or runtime escape, or a writable host mount, gives the attacker root on the node.',
  remediation:
    'Set `runAsUser` to a non-zero UID (10000 or above avoids clashing with host users), or remove it and set `runAsNonRoot: true` with an image that declares a numeric non-root `USER`. Where a pod-level 0 is inherited, fix it once at pod level.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Non-root containers and "rootless" container engines'],
    mitre: ['T1611'],
    pss: ['restricted/runAsUser'],
  },
  equivalents: {
    polaris: 'runAsRootAllowed',
    trivy: 'KSV-0105',
    checkov: 'CKV_K8S_23',
    kubescape: 'C-0013',
    kubeaudit: 'nonroot',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    const groups = offendingGroups(pod, container => {
      const user = effectiveSecurityValue(pod, container, 'runAsUser');
      return user.value === 0 && user.path !== undefined ? { path: user.path, from: user.from, value: user.value } : undefined;
    });
    for (const group of groups) {
      const names = describeContainers(group.containers);
      const refused = refusedToStart(pod, group.containers);
      if (group.from === 'pod') {
        context.report(
          pod.object,
          group.path,
          `the pod's securityContext sets runAsUser: 0, inherited by ${names}: ${plural(group.containers, 'it runs', 'they run')} as root${refused}`,
        );
      } else {
        context.report(pod.object, group.path, `${names} sets runAsUser: 0: it runs as root${refused}`);
      }
    }
  },
});
