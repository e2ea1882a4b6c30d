import { asRecord, getArray, getBoolean, getRecord, getString, hasOwn, isRecord } from '../../snapshot/guards.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { exposedRuntimeSockets, normalizeHostPath } from '../util/host-path.js';
import type { HostPathVolume } from '../util/volumes.js';
import { hostPathVolumes } from '../util/volumes.js';

/**
 * hostPath types whose files a read-only mount does not protect: the kernel refuses writes on a
 * read-only mount only to regular files, directories and symlinks, so a socket or device node
 * stays fully usable. `readOnly: true` is no fix for those, and other rules cover them.
 */
const NOT_PROTECTED_BY_READ_ONLY = new Set(['Socket', 'CharDevice', 'BlockDevice']);

/**
 * The pod's hostPath volumes that a read-only mount would protect, by name: not those typed as a
 * socket or device, nor exactly a container runtime socket (container-runtime-socket's finding).
 */
function protectableVolumes(pod: PodSpecView): Map<string, HostPathVolume> {
  const volumes = new Map<string, HostPathVolume>();
  const specVolumes = getArray(pod.spec, 'volumes') ?? [];
  for (const volume of hostPathVolumes(pod)) {
    const index = volume.path.at(-2);
    const source = typeof index === 'number' ? getRecord(asRecord(specVolumes[index]), 'hostPath') : undefined;
    if (NOT_PROTECTED_BY_READ_ONLY.has(getString(source, 'type') ?? '')) continue;
    if (volume.hostPath !== undefined && exposedRuntimeSockets(volume.hostPath).some(socket => socket.exact)) continue;
    volumes.set(volume.name, volume);
  }
  return volumes;
}

export default defineRule({
  id: 'writable-host-path',
  title: 'Container mounts a node path writable',
  severity: 'medium',
  category: 'workload',
  description:
    'A hostPath volume mounted without `readOnly: true` lets the container create, change and delete files on the node itself. A compromised container can then plant files the node executes or trusts (a cron job, a systemd unit, a kubelet or CNI configuration), tamper with other pods\' data, or fill the node\'s disk.',
  remediation:
    'Set `readOnly: true` on the volumeMount (and `recursiveReadOnly: Enabled` when mounts below the path must be read-only too). If the container must write, give it an `emptyDir` or a PersistentVolumeClaim instead of a node path.',
  frameworks: {
    cis: ['5.2.11'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611'],
    pss: ['baseline/hostPathVolumes'],
  },
  equivalents: {
    'kube-linter': 'writable-host-mount',
    kubescape: 'C-0045',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    const volumes = protectableVolumes(pod);
    if (volumes.size === 0) return;
    for (const container of pod.containers) {
      for (const [index, mount] of (getArray(container.body, 'volumeMounts') ?? []).entries()) {
        if (!isRecord(mount)) continue;
        const volume = volumes.get(getString(mount, 'name') ?? '');
        if (volume === undefined || getBoolean(mount, 'readOnly') === true) continue;
        const mountPath = [...container.path, 'volumeMounts', index];
        const at = getString(mount, 'mountPath');
        context.report(
          pod.object,
          hasOwn(mount, 'readOnly') ? [...mountPath, 'readOnly'] : mountPath,
          `${describeContainer(container)} mounts hostPath volume "${volume.name}" (${nodePath(volume, mount)}) writable${at === undefined ? '' : ` at ${at}`}: a compromised process can change files on the node`,
        );
      }
    }
  },
});

/** `the node's /var/lib/app`, `the node's /var/lib/app/<subPath>`. */
function nodePath(volume: HostPathVolume, mount: Readonly<Record<string, unknown>>): string {
  if (volume.hostPath === undefined) return 'a node path it does not name';
  const base = normalizeHostPath(volume.hostPath);
  const subPath = getString(mount, 'subPath') ?? getString(mount, 'subPathExpr');
  if (subPath === undefined || subPath === '') return `the node's ${base}`;
  return `the node's ${base === '/' ? '' : base}/${subPath}`;
}

