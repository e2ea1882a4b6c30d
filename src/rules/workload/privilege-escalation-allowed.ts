import type { ContainerView } from '../../snapshot/pod-spec.js';
import { containerSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { capabilityList } from '../util/capabilities.js';
import { describeContainer } from '../util/describe.js';

/**
 * Why `allowPrivilegeEscalation: false` does not hold for this container, if it does not. The
 * API server rejects `false` together with `privileged: true` or an added `CAP_SYS_ADMIN` spelled
 * exactly so; spelled `SYS_ADMIN` it is accepted, but no_new_privs is no barrier to that holder.
 */
function escalatesAnyway(container: ContainerView): string | undefined {
  if (containerSecurityValue(container, 'privileged').value === true) {
    return 'it is privileged, so it can always gain privileges (the API server rejects this combination)';
  }
  const sysAdmin = capabilityList(container, 'add').entries.find(entry => entry.name === 'SYS_ADMIN');
  if (sysAdmin === undefined) return undefined;
  const rejected = sysAdmin.raw === 'CAP_SYS_ADMIN' ? ' (the API server rejects this combination)' : '';
  return `it adds SYS_ADMIN, which makes the no_new_privs flag no barrier${rejected}`;
}

export default defineRule({
  id: 'privilege-escalation-allowed',
  title: 'Container allows privilege escalation',
  severity: 'medium',
  category: 'workload',
  description:
    'Unless `allowPrivilegeEscalation` is explicitly false, the kubelet does not set no_new_privs on the container process, so a setuid-root binary or a file capability in the image lets an unprivileged process become root or gain capabilities. The field defaults to true.',
  remediation:
    'Set `securityContext.allowPrivilegeEscalation: false` on every container (regular, init and ephemeral). It cannot be combined with `privileged: true` or an added `SYS_ADMIN` capability: remove those first.',
  frameworks: {
    cis: ['5.2.6'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1548.001', 'T1068'],
    pss: ['restricted/allowPrivilegeEscalation'],
  },
  equivalents: {
    polaris: 'privilegeEscalationAllowed',
    'kube-linter': 'privilege-escalation-container',
    trivy: 'KSV-0001',
    checkov: 'CKV_K8S_20',
    kubescape: ['C-0016', 'C-0197'],
    kubeaudit: 'privesc',
    kubesec: 'AllowPrivilegeEscalation',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    for (const container of pod.containers) {
      const { value, path } = containerSecurityValue(container, 'allowPrivilegeEscalation');
      const name = describeContainer(container);
      if (value === false) {
        const reason = escalatesAnyway(container);
        if (reason !== undefined) context.report(pod.object, path, `${name} sets allowPrivilegeEscalation: false, but ${reason}`);
      } else if (value === undefined || value === null) {
        context.report(
          pod.object,
          container.path,
          `${name} leaves allowPrivilegeEscalation unset, which defaults to true: a setuid binary can gain privileges`,
        );
      } else if (value === true) {
        context.report(pod.object, path, `${name} sets allowPrivilegeEscalation: true: a setuid binary or file capability in the image can gain privileges`);
      } else {
        context.report(pod.object, path, `${name} sets allowPrivilegeEscalation to a non-boolean value, which the API server rejects; only false blocks privilege escalation`);
      }
    }
  },
});
