import { getArray, getString, isRecord } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import { dottedSysctlName, isInjectedSysctlValue, SAFE_SYSCTLS, sysctlNamespace } from '../util/safe-sysctls.js';

export default defineRule({
  id: 'unsafe-sysctls',
  title: 'Pod sets a sysctl outside the safe set',
  severity: 'high',
  category: 'workload',
  description:
    'Only a short list of sysctls is known to be isolated per pod. Others can switch off kernel protections, change settings shared with every pod on the node, or let the pod take kernel memory and network resources beyond its limits; node-wide ones would reconfigure the node itself.',
  remediation:
    'Remove the sysctl from `spec.securityContext.sysctls`, or keep to the Pod Security Standards safe set. If the workload truly needs a namespaced unsafe sysctl, run it on a dedicated node pool whose kubelets allow exactly that sysctl (`--allowed-unsafe-sysctls`) and keep other workloads off it with taints.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611'],
    pss: ['baseline/sysctls'],
  },
  equivalents: {
    'kube-linter': 'unsafe-sysctls',
    trivy: 'KSV-0026',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    const base = [...pod.specPath, 'securityContext', 'sysctls'];
    for (const [index, sysctl] of (getArray(pod.securityContext, 'sysctls') ?? []).entries()) {
      if (!isRecord(sysctl)) continue;
      const name = getString(sysctl, 'name');
      if (name === undefined) continue;
      const dotted = dottedSysctlName(name);
      const namePath = [...base, index, 'name'];
      if (!SAFE_SYSCTLS.has(dotted)) {
        const message =
          sysctlNamespace(dotted) === undefined
            ? `the pod sets sysctl "${name}", which is not namespaced: it would change a kernel setting of the whole node, which no kubelet can be configured to allow, so the pod fails with SysctlForbidden`
            : `the pod sets sysctl "${name}", outside the Pod Security Standards safe set: it can weaken kernel protections or use node resources beyond the pod's limits, and kubelets refuse the pod unless their --allowed-unsafe-sysctls lists it`;
        context.report(pod.object, namePath, message);
      } else if (dotted !== name) {
        context.report(
          pod.object,
          namePath,
          `the pod sets sysctl "${name}", the safe ${dotted} written with slashes, but Pod Security Admission compares the dotted name exactly, so the baseline profile rejects the pod`,
        );
      }
      const value = getString(sysctl, 'value');
      if (value !== undefined && isInjectedSysctlValue(value)) {
        context.report(
          pod.object,
          [...base, index, 'value'],
          `the value of sysctl "${name}" carries a "+key=value" suffix, the CVE-2022-0811 ("cr8escape") injection that makes unpatched CRI-O set further sysctls such as kernel.core_pattern and so run code as root on the node`,
        );
      }
    }
  },
});
