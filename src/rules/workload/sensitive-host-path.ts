import type { PodSpecView } from '../../snapshot/pod-spec.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import type { HostPathExposure, SensitivePath } from '../util/sensitive-host-paths.js';
import { classifyHostPath } from '../util/sensitive-host-paths.js';
import type { VolumeMount } from '../util/volumes.js';
import { hostPathVolumes, mountsOf } from '../util/volumes.js';

/** `container "a" (writable) and init container "b" (read-only)`; a container mounting twice counts as writable if either mount is. */
function describeMounts(mounts: readonly VolumeMount[]): string {
  const byContainer = new Map<string, boolean>();
  for (const mount of mounts) {
    const name = describeContainer(mount.container);
    byContainer.set(name, (byContainer.get(name) ?? false) || !mount.readOnly);
  }
  const items = [...byContainer].map(([name, writable]) => `${name} (${writable ? 'writable' : 'read-only'})`);
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function describeEntry(entry: SensitivePath): string {
  return `${entry.path.replaceAll('*', '<user>')} (${entry.holds})`;
}

/** `/var/lib/kubelet (...), /var/lib/etcd (...) and 6 other sensitive paths`. */
function describeContained(entries: readonly SensitivePath[]): string {
  const shown = entries.slice(0, 2).map(describeEntry);
  const more = entries.length - shown.length;
  if (more === 0) return shown.join(' and ');
  return `${shown.join(', ')} and ${String(more)} other sensitive ${more === 1 ? 'path' : 'paths'}`;
}

/** What the volume exposes, or undefined when it is a read-safe path nobody can write to. */
function exposure(found: HostPathExposure, hostPath: string, writable: boolean): string | undefined {
  const spelled = found.normalized === hostPath ? found.normalized : `${found.normalized} (written "${hostPath}")`;
  switch (found.kind) {
    case 'within':
      return found.exact
        ? `the node's ${spelled}, which holds ${found.entry.holds}`
        : `the node's ${spelled}, inside ${found.matched} (${found.entry.holds})`;
    case 'contains':
      return `the node's ${spelled}, which contains ${describeContained(found.entries)}`;
    case 'readSafe':
      return writable ? `the node's ${spelled} writable, so a compromised container can ${found.entry.ifWritten}` : undefined;
  }
}

function mountSummary(pod: PodSpecView, volumeName: string): { text: string; writable: boolean } {
  const mounts = mountsOf(pod, volumeName);
  if (mounts.length === 0) return { text: 'no container mounts it yet, but any container added later (even an ephemeral debug container) can', writable: false };
  return { text: `mounted by ${describeMounts(mounts)}`, writable: mounts.some(mount => !mount.readOnly) };
}

export default defineRule({
  id: 'sensitive-host-path',
  title: 'Pod mounts a sensitive path of the node',
  severity: 'high',
  category: 'workload',
  description:
    'Some node paths hold what keeps pods apart and the cluster safe: the kubelet\'s credentials and every pod\'s Secrets (/var/lib/kubelet), etcd\'s data, cluster certificates (/etc/kubernetes), cloud credentials, other pods\' logs, the node\'s processes (/proc), devices and programs. Reading them leaks credentials; writing them gives root on the node. A directory above them, such as /var, exposes them too.',
  remediation:
    'Remove the hostPath volume, or narrow it to the one file or directory the workload needs outside these trees, mounted with `readOnly: true`. Read the data through the Kubernetes API, a Secret or ConfigMap, or a CSI driver instead; run unavoidable node agents in a dedicated, restricted namespace.',
  frameworks: {
    cis: ['5.2.11'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1611', 'T1552.001'],
    pss: ['baseline/hostPathVolumes'],
  },
  equivalents: {
    'kube-linter': 'sensitive-host-mounts',
    trivy: 'KSV-0121',
    kubescape: 'C-0020',
    kubeaudit: 'mounts',
    kubesec: 'ProcMount',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    // Linux paths: a Windows node has no /etc or /proc.
    if (pod.isWindows) return;
    for (const volume of hostPathVolumes(pod)) {
      if (volume.hostPath === undefined) continue;
      const found = classifyHostPath(volume.hostPath);
      if (found === undefined) continue;
      const mounts = mountSummary(pod, volume.name);
      const what = exposure(found, volume.hostPath, mounts.writable);
      if (what === undefined) continue;
      context.report(pod.object, [...volume.path, 'path'], `hostPath volume "${volume.name}" exposes ${what}; ${mounts.text}`);
    }
  },
});
