import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { describeContainers, groupByPath } from '../util/inherited-findings.js';
import type { OffendingContainer } from '../util/inherited-findings.js';
import { effectiveSeccompType } from '../util/seccomp.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** Kubelets stopped honouring these in 1.25 and the API server stopped reading them in 1.27. */
function legacyAnnotationNote(pod: PodSpecView, container: ContainerView): string {
  const keys = [POD_ANNOTATION, `${CONTAINER_ANNOTATION_PREFIX}${container.name}`].filter(key => pod.annotations.has(key));
  if (keys.length === 0) return '';
  const noun = keys.length === 1 ? 'annotation' : 'annotations';
  return ` (the legacy ${noun} ${keys.join(' and ')} ${keys.length === 1 ? 'is' : 'are'} ignored since Kubernetes 1.27)`;
}

export default defineRule({
  id: 'seccomp-profile-missing',
  title: 'Container has no seccomp profile',
  severity: 'medium',
  category: 'workload',
  description:
    'Without `seccompProfile.type` on the container or the pod, Kubernetes runs it Unconfined (unless the node\'s kubelet enables `seccompDefault`): every system call, including rarely used ones behind many kernel exploits, is open to a compromised process.',
  remediation:
    'Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (containers inherit it), or `Localhost` with a profile of your own. Replace any `seccomp.security.alpha.kubernetes.io` annotations with this field; current Kubernetes ignores them.',
  frameworks: {
    cis: ['5.6.2'],
    nsa: ['Kubernetes Pod security: Hardening container environments'],
    mitre: ['T1611'],
    pss: ['restricted/seccompProfile_restricted'],
  },
  equivalents: {
    'kube-score': 'container-seccomp-profile',
    trivy: 'KSV-0030',
    checkov: 'CKV_K8S_31',
    kubescape: 'C-0210',
    kubeaudit: 'seccomp',
    kubesec: 'SeccompAny',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows) return;
    const invalid: OffendingContainer[] = [];
    for (const container of pod.containers) {
      const seccomp = effectiveSeccompType(pod, container);
      if (seccomp.type === 'RuntimeDefault' || seccomp.type === 'Localhost' || seccomp.type === 'Unconfined') continue;
      if (seccomp.type === undefined || seccomp.typePath === undefined) {
        const name = describeContainer(container);
        const message =
          seccomp.from === 'unset'
            ? `${name} has no seccompProfile, nor does the pod${legacyAnnotationNote(pod, container)}: unless the kubelet enables seccompDefault, it runs Unconfined with every system call open`
            : `${name} has a seccompProfile without a type${seccomp.from === 'pod' ? ' (inherited from the pod)' : ''}: the API server rejects it, so no profile applies`;
        context.report(pod.object, container.path, message);
      } else {
        invalid.push({ container, path: seccomp.typePath, from: seccomp.from, value: seccomp.type });
      }
    }
    for (const group of groupByPath(invalid)) {
      const names = describeContainers(group.containers);
      const inherited = group.from === 'pod' ? `, inherited by ${names}` : '';
      const who = group.from === 'pod' ? "the pod's securityContext" : names;
      context.report(
        pod.object,
        group.path,
        `${who} sets a seccompProfile.type other than RuntimeDefault, Localhost or Unconfined${inherited}: the API server rejects it, so no profile applies`,
      );
    }
  },
});
