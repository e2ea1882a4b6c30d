import { getRecord } from '../../snapshot/guards.js';
import type { ContainerView } from '../../snapshot/pod-spec.js';
import { effectiveSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { describeContainers } from '../util/inherited-findings.js';
import type { ForbiddenSELinuxField } from '../util/selinux-options.js';
import { forbiddenSELinuxFields } from '../util/selinux-options.js';

function consequence(violation: ForbiddenSELinuxField): string {
  if (violation.field !== 'type') {
    return `a custom SELinux ${violation.field} can give the process a more privileged SELinux identity than the container domain`;
  }
  if (violation.value === 'spc_t') return 'spc_t ("super privileged container") is not confined by SELinux at all';
  return `type ${violation.value} is outside the container types, so the SELinux policy that keeps containers off host files and processes may not apply`;
}

/** Who runs with the pod-level options: the sandbox, plus containers without their own (they replace it whole). */
function podLevelSubjects(inheriting: readonly ContainerView[]): string {
  if (inheriting.length === 0) return 'the pod sandbox (every container sets its own seLinuxOptions)';
  return `the pod sandbox and ${describeContainers(inheriting)}`;
}

export default defineRule({
  id: 'selinux-custom-options',
  title: 'Pod or container sets custom SELinux options',
  severity: 'medium',
  category: 'workload',
  description:
    'On SELinux nodes the container domain (`container_t`) is what stops a compromised process from touching host files and other containers. An `seLinuxOptions.type` outside the container types, or a custom `user` or `role`, lifts or changes that confinement; `spc_t` switches it off.',
  remediation:
    'Remove `seLinuxOptions.type`, `user` and `role`, keeping only `level` if you need fixed MCS categories. Workloads that need another type (container engines, VMs) should use `container_engine_t` or `container_kvm_t` and run in a dedicated namespace.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Hardening container environments'],
    mitre: ['T1611'],
    pss: ['baseline/seLinuxOptions'],
  },
  equivalents: {
    trivy: 'KSV-0025',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    const podOptions = getRecord(pod.securityContext, 'seLinuxOptions');
    if (podOptions !== undefined) {
      const inheriting = pod.containers.filter(container => effectiveSecurityValue(pod, container, 'seLinuxOptions').from === 'pod');
      for (const violation of forbiddenSELinuxFields(podOptions, [...pod.specPath, 'securityContext', 'seLinuxOptions'])) {
        context.report(
          pod.object,
          violation.path,
          `the pod's securityContext sets seLinuxOptions.${violation.field}: ${violation.value}, which applies to ${podLevelSubjects(inheriting)}: ${consequence(violation)}`,
        );
      }
    }
    for (const container of pod.containers) {
      const options = getRecord(container.securityContext, 'seLinuxOptions');
      if (options === undefined) continue;
      for (const violation of forbiddenSELinuxFields(options, [...container.path, 'securityContext', 'seLinuxOptions'])) {
        context.report(pod.object, violation.path, `${describeContainer(container)} sets seLinuxOptions.${violation.field}: ${violation.value}: ${consequence(violation)}`);
      }
    }
  },
});
