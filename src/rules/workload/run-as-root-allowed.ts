import { effectiveSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { describeContainers, offendingGroups, plural } from '../util/inherited-findings.js';

/** A UID that is certainly not root. */
function isNonRootUid(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function describeNonRootValue(value: unknown): string {
  return value === false ? 'runAsNonRoot: false' : 'runAsNonRoot to a value other than true';
}

export default defineRule({
  id: 'run-as-root-allowed',
  title: 'Container may run as root',
  severity: 'medium',
  category: 'workload',
  description:
    'Without `runAsNonRoot: true` or a non-zero `runAsUser` (on the container or inherited from the pod), the container runs as whatever user its image declares, and many images run as root. Root in a container is UID 0 on the node too, so any kernel or runtime escape lands as root.',
  remediation:
    'Set `securityContext.runAsNonRoot: true` at pod level (containers inherit it) and build images with a numeric non-root `USER`, or set a non-zero `runAsUser`. Do not override it with `runAsNonRoot: false` in a container.',
  frameworks: {
    cis: ['5.2.7'],
    nsa: ['Kubernetes Pod security: Non-root containers and "rootless" container engines'],
    mitre: ['T1611'],
    pss: ['restricted/runAsNonRoot'],
  },
  equivalents: {
    polaris: 'runAsRootAllowed',
    'kube-linter': 'run-as-non-root',
    trivy: 'KSV-0012',
    checkov: 'CKV_K8S_23',
    kubescape: ['C-0013', 'C-0198'],
    kubeaudit: 'nonroot',
    kubesec: 'RunAsNonRoot',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    const groups = offendingGroups(pod, container => {
      const nonRoot = effectiveSecurityValue(pod, container, 'runAsNonRoot');
      if (nonRoot.value === true || isNonRootUid(effectiveSecurityValue(pod, container, 'runAsUser').value)) return undefined;
      return { path: nonRoot.path ?? container.path, from: nonRoot.from, value: nonRoot.value };
    });
    for (const group of groups) {
      const names = describeContainers(group.containers);
      const subject = plural(group.containers, 'it runs', 'they run');
      const explicitRoot = group.containers.every(container => effectiveSecurityValue(pod, container, 'runAsUser').value === 0);
      const consequence = explicitRoot ? `runAsUser is 0, so ${subject} as root` : `whenever the image's user is root, ${subject} as UID 0`;
      switch (group.from) {
        case 'pod':
          context.report(
            pod.object,
            group.path,
            `the pod's securityContext sets ${describeNonRootValue(group.value)}, inherited by ${names} without a non-zero runAsUser: ${consequence}`,
          );
          break;
        case 'container':
          context.report(
            pod.object,
            group.path,
            `${names} sets ${describeNonRootValue(group.value)} and no non-zero runAsUser: ${consequence}`,
          );
          break;
        case 'unset':
          context.report(
            pod.object,
            group.path,
            `${names} has no runAsNonRoot: true (nor does the pod) and no non-zero runAsUser: ${consequence}`,
          );
          break;
      }
    }
  },
});
