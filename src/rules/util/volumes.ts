import type { Path } from '../../load/path.js';
import { getArray, getBoolean, getRecord, getString, isRecord } from '../../snapshot/guards.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';

export interface HostPathVolume {
  /** Volume name, or `#<index>` when it has none. */
  readonly name: string;
  /** `hostPath.path`, or undefined when it is missing or not a string. */
  readonly hostPath: string | undefined;
  /** Path of the volume's `hostPath` mapping. */
  readonly path: Path;
}

/** The pod's `hostPath` volumes, in order. */
export function hostPathVolumes(pod: PodSpecView): HostPathVolume[] {
  const volumes: HostPathVolume[] = [];
  for (const [index, volume] of (getArray(pod.spec, 'volumes') ?? []).entries()) {
    if (!isRecord(volume)) continue;
    const source = getRecord(volume, 'hostPath');
    if (source === undefined) continue;
    volumes.push({
      name: getString(volume, 'name') ?? `#${String(index)}`,
      hostPath: getString(source, 'path'),
      path: [...pod.specPath, 'volumes', index, 'hostPath'],
    });
  }
  return volumes;
}

export interface VolumeMount {
  readonly container: ContainerView;
  readonly readOnly: boolean;
}

/** Every `volumeMounts` entry of any container (regular, init, ephemeral) that mounts `volumeName`. */
export function mountsOf(pod: PodSpecView, volumeName: string): VolumeMount[] {
  const mounts: VolumeMount[] = [];
  for (const container of pod.containers) {
    for (const mount of getArray(container.body, 'volumeMounts') ?? []) {
      if (!isRecord(mount) || getString(mount, 'name') !== volumeName) continue;
      mounts.push({ container, readOnly: getBoolean(mount, 'readOnly') === true });
    }
  }
  return mounts;
}
