import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import type { VolumeMount } from '../util/volumes.js';
import { hostPathVolumes, mountsOf } from '../util/volumes.js';

export default defineRule({
  id: 'host-path-volume',
  title: 'Pod mounts a directory or file of the node',
  severity: 'medium',
  category: 'workload',
  description:
    'A hostPath volume hands the pod a piece of the node\'s filesystem. Read-only, it still discloses whatever the node keeps there (logs of other pods, kubelet credentials, configuration); writable, it lets a compromised container plant files the node later executes or trusts, a common first step to escaping onto the host. It also ties the pod to the layout of one node.',
  remediation:
    'Replace the hostPath with a volume type made for the data: `emptyDir` for scratch space, a ConfigMap or Secret for configuration, a PersistentVolumeClaim for state, a CSI driver for device access. Where a node agent truly needs the host path, mount the narrowest path with `readOnly: true` and run it in a restricted namespace.',
  frameworks: {
    cis: ['5.2.11'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611'],
    pss: ['baseline/hostPathVolumes'],
  },
  equivalents: {
    polaris: 'hostPathSet',
    trivy: 'KSV-0023',
    kubescape: ['C-0048', 'C-0203'],
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    for (const volume of hostPathVolumes(pod)) {
      const where = volume.hostPath === undefined ? 'a node path it does not name' : `the node's ${volume.hostPath}`;
      const mounts = mountsOf(pod, volume.name);
      context.report(pod.object, volume.path, `hostPath volume "${volume.name}" ${exposure(where, mounts)}`);
    }
  },
});

function exposure(where: string, mounts: readonly VolumeMount[]): string {
  if (mounts.length === 0) return `exposes ${where} to the pod; no container mounts it yet, but any container added later (even an ephemeral debug container) can`;
  if (mounts.every(mount => mount.readOnly)) {
    const single = new Set(mounts.map(mount => mount.container)).size === 1;
    return `mounts ${where} into ${listContainers(mounts)}, ${single ? 'read-only, which still lets it' : 'all read-only, which still lets them'} read whatever the node keeps there`;
  }
  const described = mounts.map(mount => `${describeContainer(mount.container)} (${mount.readOnly ? 'read-only' : 'writable'})`);
  return `mounts ${where} into ${joinList(described)}, so a compromised container can change files on the node`;
}

function listContainers(mounts: readonly VolumeMount[]): string {
  return joinList([...new Set(mounts.map(mount => describeContainer(mount.container)))]);
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
