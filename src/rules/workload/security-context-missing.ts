import type { JsonRecord } from '../../snapshot/guards.js';
import { hasOwn } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';

/** Absent, `null`, `{}` or only null fields: the API server stores no setting at all. */
function isEmpty(securityContext: JsonRecord | undefined): boolean {
  return securityContext === undefined || Object.values(securityContext).every(value => value === null || value === undefined);
}

const LINUX_DEFAULTS =
  "it runs with the runtime's defaults (the image's user, often root; privilege escalation allowed; a writable root filesystem; no seccomp profile unless the node sets one)";
const WINDOWS_DEFAULTS = "it runs with the runtime's defaults, as the image's user";

export default defineRule({
  id: 'security-context-missing',
  title: 'Container and pod set no securityContext',
  severity: 'low',
  category: 'workload',
  description:
    'With no `securityContext` on the container or the pod, nothing in the manifest hardens the container: it runs as whatever user the image declares (often root), may gain privileges through setuid binaries, keeps the runtime\'s default capabilities and a writable root filesystem, and gets no seccomp profile unless the node enforces one. It usually means hardening was never considered.',
  remediation:
    'Add a pod-level `securityContext` (`runAsNonRoot: true`, `seccompProfile: {type: RuntimeDefault}`) and a container-level one (`allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true`, `capabilities: {drop: [ALL]}`).',
  frameworks: {
    cis: ['5.6.3'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
  },
  equivalents: {
    trivy: 'KSV-0118',
    checkov: ['CKV_K8S_29', 'CKV_K8S_30'],
    kubescape: 'C-0211',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    if (!isEmpty(pod.securityContext)) return;
    const podHasKey = hasOwn(pod.spec, 'securityContext');
    for (const container of pod.containers) {
      if (!isEmpty(container.securityContext)) continue;
      const ownKey = hasOwn(container.body, 'securityContext');
      const state = ownKey
        ? podHasKey
          ? 'has an empty securityContext, as does the pod'
          : 'has an empty securityContext and the pod has none'
        : podHasKey
          ? "has no securityContext and the pod's is empty"
          : 'has no securityContext, nor does the pod';
      context.report(
        pod.object,
        ownKey ? [...container.path, 'securityContext'] : container.path,
        `${describeContainer(container)} ${state}: ${pod.isWindows ? WINDOWS_DEFAULTS : LINUX_DEFAULTS}`,
      );
    }
  },
});
