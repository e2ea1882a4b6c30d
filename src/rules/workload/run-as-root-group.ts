import { getArray, getNumber } from '../../snapshot/guards.js';
import { effectiveSecurityValue } from '../../snapshot/security-context.js';
import { defineRule } from '../types.js';
import { describeContainers, offendingGroups, plural } from '../util/inherited-findings.js';
import { runsInUserNamespace } from '../util/pod-user-namespace.js';

const ROOT_GROUP_ACCESS = 'which opens every file that group root may read or write, on host mounts and on the node after an escape';

export default defineRule({
  id: 'run-as-root-group',
  title: 'Container runs with GID 0',
  severity: 'low',
  category: 'workload',
  description:
    'A `runAsGroup: 0` (on the container or inherited from the pod), a pod `fsGroup: 0` or a 0 in `supplementalGroups` puts the container process in the root group. Without user namespaces that is GID 0 on the node too: files the root group may read or write, on host mounts or after an escape, are open to it even when the process is not UID 0.',
  remediation:
    'Set `runAsGroup`, `fsGroup` and every `supplementalGroups` entry to a non-zero GID (10000 or above avoids node groups), at pod level so every container inherits it.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Non-root containers and "rootless" container engines'],
    mitre: ['T1611'],
  },
  equivalents: {
    'kube-linter': 'run-as-non-root',
    trivy: 'KSV-0116',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows || runsInUserNamespace(pod)) return;
    const groups = offendingGroups(pod, container => {
      const group = effectiveSecurityValue(pod, container, 'runAsGroup');
      return group.value === 0 && group.path !== undefined ? { path: group.path, from: group.from, value: group.value } : undefined;
    });
    for (const group of groups) {
      const names = describeContainers(group.containers);
      if (group.from === 'pod') {
        context.report(
          pod.object,
          group.path,
          `the pod's securityContext sets runAsGroup: 0, inherited by ${names}: ${plural(group.containers, 'its', 'their')} primary group is root, ${ROOT_GROUP_ACCESS}`,
        );
      } else {
        context.report(pod.object, group.path, `${names} sets runAsGroup: 0: its primary group is root, ${ROOT_GROUP_ACCESS}`);
      }
    }
    const podContext = pod.securityContext;
    const base = [...pod.specPath, 'securityContext'];
    if (getNumber(podContext, 'fsGroup') === 0) {
      context.report(
        pod.object,
        [...base, 'fsGroup'],
        `the pod's securityContext sets fsGroup: 0: every container joins the root group and the kubelet makes supported volumes group-owned by root, ${ROOT_GROUP_ACCESS}`,
      );
    }
    for (const [index, gid] of (getArray(podContext, 'supplementalGroups') ?? []).entries()) {
      if (gid !== 0) continue;
      context.report(pod.object, [...base, 'supplementalGroups', index], `the pod's securityContext lists GID 0 in supplementalGroups: every container joins the root group, ${ROOT_GROUP_ACCESS}`);
    }
  },
});
