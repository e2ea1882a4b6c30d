import { exposedRuntimeSockets, normalizeHostPath } from './host-path.js';

/** A node path whose contents let a pod read credentials or take over the node. */
export interface SensitivePath {
  /** Absolute path; a `*` segment stands for any one directory name (a user's home). */
  readonly path: string;
  /** What the node keeps there, for messages: "the node's /etc (<holds>)". */
  readonly holds: string;
}

/**
 * Sensitive node paths, most important first within each tree (the order messages list them in).
 * The union of KubeLinter's sensitive-host-mounts, Trivy KSV-0121 and kubeaudit's mounts
 * defaults, plus the kubelet's, etcd's and the container runtimes' state, pod logs, and the
 * places nodes keep cloud credentials (kubescape C-0020 and the cloud agents' data directories).
 */
export const SENSITIVE_HOST_PATHS: readonly SensitivePath[] = [
  { path: '/', holds: "the node's whole filesystem, with its credentials and every pod's data" },
  { path: '/etc', holds: 'node configuration, password hashes and Kubernetes credentials' },
  { path: '/etc/kubernetes', holds: 'kubeconfigs and certificates of the kubelet and the control plane' },
  { path: '/etc/kubernetes/manifests', holds: 'static pod manifests the kubelet runs exactly as written' },
  { path: '/etc/kubernetes/azure.json', holds: "AKS's Azure service principal credentials" },
  { path: '/root', holds: "root's home, with SSH keys and cloud and kubectl credentials" },
  { path: '/root/.aws', holds: "root's AWS credentials" },
  { path: '/root/.azure', holds: "root's Azure CLI credentials" },
  { path: '/root/.config/gcloud', holds: "root's Google Cloud credentials" },
  { path: '/root/.kube', holds: "root's kubeconfig" },
  { path: '/root/.ssh', holds: "root's SSH keys and authorized_keys" },
  { path: '/root/.docker', holds: "root's registry credentials" },
  { path: '/home', holds: "users' homes, with their SSH keys and credentials" },
  { path: '/home/*/.aws', holds: "a user's AWS credentials" },
  { path: '/home/*/.azure', holds: "a user's Azure CLI credentials" },
  { path: '/home/*/.config/gcloud', holds: "a user's Google Cloud credentials" },
  { path: '/home/*/.kube', holds: "a user's kubeconfig" },
  { path: '/home/*/.ssh', holds: "a user's SSH keys and authorized_keys" },
  { path: '/home/*/.docker', holds: "a user's registry credentials" },
  { path: '/proc', holds: "every node process's command line, environment and memory, and kernel settings" },
  { path: '/sys', holds: "the node's kernel, device and cgroup controls" },
  { path: '/dev', holds: "the node's devices, including its raw disks" },
  { path: '/boot', holds: "the node's kernel and boot loader" },
  { path: '/bin', holds: 'programs the node runs as root' },
  { path: '/sbin', holds: 'programs the node runs as root' },
  { path: '/usr', holds: 'programs and libraries the node runs as root' },
  { path: '/lib', holds: 'libraries and kernel modules the node loads as root' },
  { path: '/lib64', holds: 'libraries the node loads as root' },
  { path: '/var/lib/kubelet', holds: "the kubelet's credentials and every pod's volumes, Secrets and service account tokens" },
  { path: '/var/lib/etcd', holds: "the cluster's etcd database, with every Secret" },
  { path: '/var/log', holds: 'the logs of every pod and of the node' },
  { path: '/var/lib/docker', holds: "the container runtime's images and every container's filesystem" },
  { path: '/var/lib/containerd', holds: "the container runtime's images and every container's filesystem" },
  { path: '/var/lib/containers', holds: "the container runtime's images and every container's filesystem" },
  { path: '/var/lib/cloud', holds: 'cloud-init instance data, whose user data often carries node bootstrap credentials' },
  { path: '/var/lib/waagent', holds: "the Azure agent's provisioning data, including the node's custom data" },
];

/** A path whose contents are public or harmless to read, but dangerous to change. */
export interface ReadSafePath {
  readonly path: string;
  /** Consequence of a writable mount, completing "a compromised container can ...". */
  readonly ifWritten: string;
}

/**
 * Files node agents commonly mount read-only for good reasons (time zone, CA bundles, kernel
 * modules). Reading them discloses nothing secret, so they are reported only when mounted
 * writable.
 */
export const READ_SAFE_HOST_PATHS: readonly ReadSafePath[] = [
  { path: '/etc/localtime', ifWritten: "change the node's time zone data" },
  { path: '/etc/timezone', ifWritten: "change the node's time zone" },
  { path: '/usr/share/zoneinfo', ifWritten: "change the node's time zone data" },
  { path: '/etc/ssl/certs', ifWritten: 'add a CA certificate the node then trusts for TLS, such as image pulls' },
  { path: '/etc/pki/tls/certs', ifWritten: 'add a CA certificate the node then trusts for TLS, such as image pulls' },
  { path: '/etc/pki/ca-trust', ifWritten: 'add a CA certificate the node then trusts for TLS, such as image pulls' },
  { path: '/etc/ca-certificates', ifWritten: 'add a CA certificate the node then trusts for TLS, such as image pulls' },
  { path: '/usr/share/ca-certificates', ifWritten: 'add a CA certificate the node then trusts for TLS, such as image pulls' },
  { path: '/usr/local/share/ca-certificates', ifWritten: 'add a CA certificate the node then trusts for TLS, such as image pulls' },
  { path: '/lib/modules', ifWritten: 'plant a kernel module the node loads as root' },
  { path: '/usr/lib/modules', ifWritten: 'plant a kernel module the node loads as root' },
];

export type HostPathExposure =
  /**
   * The path is a sensitive path or lies below one; `entry` is the most specific, `matched` its
   * spelling for this path (`/home/alice/.aws` for the `/home/<user>/.aws` entry), `exact` whether the path is it.
   */
  | { readonly kind: 'within'; readonly normalized: string; readonly entry: SensitivePath; readonly matched: string; readonly exact: boolean }
  /** The path is a directory above sensitive paths (such as `/var`), which it exposes. */
  | { readonly kind: 'contains'; readonly normalized: string; readonly entries: readonly SensitivePath[] }
  /** The path is (below) a read-safe path: sensitive only when a container can write to it. */
  | { readonly kind: 'readSafe'; readonly normalized: string; readonly entry: ReadSafePath };

function segments(path: string): string[] {
  return path.split('/').filter(segment => segment !== '');
}

/** True when `prefix` (a pattern, `*` matching one segment) is `path` itself or an ancestor of it. */
function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((segment, index) => segment === '*' || segment === path[index]);
}

const SENSITIVE = SENSITIVE_HOST_PATHS.map(entry => ({ entry, segments: segments(entry.path) }));
const READ_SAFE = READ_SAFE_HOST_PATHS.map(entry => ({ entry, segments: segments(entry.path) }));

/**
 * How a hostPath exposes sensitive node paths: itself or through a parent directory (`within`),
 * by containing them (`contains`), or as a read-safe path (`readSafe`). Undefined when it exposes
 * none, for relative paths, and for exactly a container runtime socket, which
 * `container-runtime-socket` reports.
 */
export function classifyHostPath(path: string): HostPathExposure | undefined {
  const normalized = normalizeHostPath(path);
  if (!normalized.startsWith('/')) return undefined;
  if (exposedRuntimeSockets(normalized).some(socket => socket.exact)) return undefined;
  const target = segments(normalized);
  let within: { entry: SensitivePath; depth: number } | undefined;
  for (const candidate of SENSITIVE) {
    // `/` is sensitive as itself (the whole filesystem); a path below it is judged on its own.
    if (candidate.segments.length === 0 && target.length > 0) continue;
    if (isPrefix(candidate.segments, target) && (within === undefined || candidate.segments.length > within.depth)) {
      within = { entry: candidate.entry, depth: candidate.segments.length };
    }
  }
  const readSafe = READ_SAFE.find(candidate => isPrefix(candidate.segments, target));
  if (readSafe !== undefined && (within === undefined || readSafe.segments.length > within.depth)) {
    return { kind: 'readSafe', normalized, entry: readSafe.entry };
  }
  if (within !== undefined) {
    const matched = `/${target.slice(0, within.depth).join('/')}`;
    return { kind: 'within', normalized, entry: within.entry, matched, exact: within.depth === target.length };
  }
  const contained = SENSITIVE.filter(candidate => candidate.segments.length > target.length && isPrefix(target, candidate.segments));
  if (contained.length === 0) return undefined;
  return { kind: 'contains', normalized, entries: contained.map(candidate => candidate.entry) };
}
