import { containerSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';

export default defineRule({
  id: 'privileged-container',
  title: 'Container runs privileged',
  severity: 'critical',
  category: 'workload',
  description:
    'A privileged container gets every Linux capability, sees all host devices and runs without seccomp or AppArmor confinement. Root inside it is root on the node: one compromised process can escape to the host and from there reach every pod and credential on it.',
  remediation:
    'Remove `securityContext.privileged: true`. Grant only the specific capabilities the process needs (`capabilities.add`), or move node-level work into a hardened DaemonSet in a dedicated, restricted namespace.',
  frameworks: {
    cis: ['5.2.2'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611', 'T1610'],
    pss: ['baseline/privileged'],
  },
  equivalents: {
    polaris: 'runAsPrivileged',
    'kube-score': 'container-security-context-privileged',
    'kube-linter': 'privileged-container',
    trivy: 'KSV-0017',
    checkov: 'CKV_K8S_16',
    kubescape: ['C-0057', 'C-0193'],
    kubeaudit: 'privileged',
    kubesec: 'Privileged',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    for (const container of pod.containers) {
      const { value, path } = containerSecurityValue(container, 'privileged');
      if (value === true) {
        context.report(pod.object, path, `${describeContainer(container)} runs privileged: it holds every capability and sees all host devices`);
      }
    }
  },
});
