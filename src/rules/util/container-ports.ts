import type { Path } from '../../load/path.js';
import { getArray, getBoolean, getNumber, getString, isRecord } from '../../snapshot/guards.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import { dottedSysctlName } from './safe-sysctls.js';

/** One `ports[]` entry of a container, with the API server's default protocol applied. */
export interface ContainerPort {
  readonly container: ContainerView;
  /** Path of the `ports[]` entry. */
  readonly path: Path;
  /** `containerPort` when it is a valid port number (1-65535), else undefined. */
  readonly containerPort: number | undefined;
  /** `hostPort` when it is a valid port number; 0 and absent both mean "no host port". */
  readonly hostPort: number | undefined;
  /** `TCP` unless the entry says `UDP` or `SCTP` (the API server's default is TCP). */
  readonly protocol: string;
  readonly hostIP: string | undefined;
}

/** A port number the API server accepts: an integer from 1 to 65535. */
export function isPortNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** The container's `ports[]` entries that are mappings, in order. */
export function containerPorts(container: ContainerView): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const [index, entry] of (getArray(container.body, 'ports') ?? []).entries()) {
    if (!isRecord(entry)) continue;
    const containerPort = getNumber(entry, 'containerPort');
    const hostPort = getNumber(entry, 'hostPort');
    const protocol = getString(entry, 'protocol');
    ports.push({
      container,
      path: [...container.path, 'ports', index],
      containerPort: isPortNumber(containerPort) ? containerPort : undefined,
      hostPort: isPortNumber(hostPort) ? hostPort : undefined,
      protocol: protocol === undefined || protocol === '' ? 'TCP' : protocol,
      hostIP: getString(entry, 'hostIP'),
    });
  }
  return ports;
}

/** True when the pod runs in the node's network namespace. */
export function usesHostNetwork(pod: PodSpecView): boolean {
  return getBoolean(pod.spec, 'hostNetwork') === true;
}

const UNPRIVILEGED_PORT_START = 'net.ipv4.ip_unprivileged_port_start';

/** Linux's default for `net.ipv4.ip_unprivileged_port_start`: ports below it need privilege. */
export const DEFAULT_UNPRIVILEGED_PORT_START = 1024;

export interface UnprivilegedPortStart {
  readonly value: number;
  /** Path of the sysctl's `value`. */
  readonly path: Path;
}

/**
 * The pod's own `net.ipv4.ip_unprivileged_port_start` sysctl (a namespaced sysctl in the
 * Kubernetes safe set), written with dots or with slashes as the kubelet accepts. Undefined when
 * the pod does not set a valid one, and for hostNetwork pods, where the kubelet refuses network
 * sysctls because they would change the node's own settings. The last entry wins, as when the
 * runtime writes them in order.
 */
export function unprivilegedPortStart(pod: PodSpecView): UnprivilegedPortStart | undefined {
  if (usesHostNetwork(pod)) return undefined;
  const sysctlsPath = [...pod.specPath, 'securityContext', 'sysctls'];
  let found: UnprivilegedPortStart | undefined;
  for (const [index, entry] of (getArray(pod.securityContext, 'sysctls') ?? []).entries()) {
    if (!isRecord(entry)) continue;
    const raw = getString(entry, 'name');
    const name = raw === undefined ? undefined : dottedSysctlName(raw);
    const value = getString(entry, 'value')?.trim();
    if (name !== UNPRIVILEGED_PORT_START || value === undefined || !/^\d{1,5}$/.test(value)) continue;
    const parsed = Number(value);
    if (parsed > 65535) continue;
    found = { value: parsed, path: [...sysctlsPath, index, 'value'] };
  }
  return found;
}
