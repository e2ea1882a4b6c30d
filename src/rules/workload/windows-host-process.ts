import type { JsonRecord } from '../../snapshot/guards.js';
import { getRecord, hasOwn, own } from '../../snapshot/guards.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import { defineRule } from '../types.js';
import type { OffendingContainer } from '../util/inherited-findings.js';
import { describeContainers, offendingGroups, plural } from '../util/inherited-findings.js';

function hostProcessAt(securityContext: JsonRecord | undefined): unknown {
  const options = getRecord(securityContext, 'windowsOptions');
  if (options === undefined || !hasOwn(options, 'hostProcess')) return undefined;
  const value = own(options, 'hostProcess');
  return value === null ? undefined : value;
}

/**
 * `windowsOptions.hostProcess` as the kubelet resolves it: unlike most securityContext fields,
 * `windowsOptions` merges field by field, so a container's `windowsOptions` without
 * `hostProcess` still inherits the pod's (pkg/securitycontext DetermineEffectiveSecurityContext).
 */
function effectiveHostProcess(pod: PodSpecView, container: ContainerView): Omit<OffendingContainer, 'container'> | undefined {
  const suffix = ['securityContext', 'windowsOptions', 'hostProcess'];
  const declared = hostProcessAt(container.securityContext);
  if (declared !== undefined) return { value: declared, path: [...container.path, ...suffix], from: 'container' };
  const inherited = hostProcessAt(pod.securityContext);
  if (inherited !== undefined) return { value: inherited, path: [...pod.specPath, ...suffix], from: 'pod' };
  return undefined;
}

const CONSEQUENCE = "outside any container isolation, sharing the node's network and file system";

export default defineRule({
  id: 'windows-host-process',
  title: 'Windows container runs as a HostProcess',
  severity: 'high',
  category: 'workload',
  description:
    'A Windows HostProcess container is a process started directly on the Windows node: it shares the node\'s network, sees its file system and can run as SYSTEM. It is the Windows equivalent of a privileged container, meant only for node agents, and any compromise of it is a compromise of the node.',
  remediation:
    'Remove `windowsOptions.hostProcess: true` from the pod and its containers. Node agents that truly need it (CNI, CSI, log and metric collectors) belong in a dedicated namespace with a reviewed exemption, running as a less privileged account such as `NT AUTHORITY\\Local service` instead of SYSTEM.',
  frameworks: {
    cis: ['5.2.10'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611'],
    pss: ['baseline/windowsHostProcess'],
  },
  equivalents: {
    polaris: 'hostProcess',
    trivy: 'KSV-0103',
    kubescape: 'C-0202',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    // Not skipped for Linux pods: the field only exists for Windows, whatever spec.os says.
    const groups = offendingGroups(pod, container => {
      const effective = effectiveHostProcess(pod, container);
      return effective?.value === true ? effective : undefined;
    });
    for (const group of groups) {
      const names = describeContainers(group.containers);
      if (group.from === 'pod') {
        context.report(
          pod.object,
          group.path,
          `the pod's securityContext sets windowsOptions.hostProcess: true, inherited by ${names}: ${plural(group.containers, 'it runs', 'they run')} as processes on the node ${CONSEQUENCE}`,
        );
      } else {
        context.report(pod.object, group.path, `${names} sets windowsOptions.hostProcess: true: it runs as a process on the node ${CONSEQUENCE}`);
      }
    }
  },
});
