import { posix } from 'node:path';

/**
 * Normalises a hostPath the way the node resolves it: `//`, `.`, `..` and a trailing slash are
 * folded away, and `/var/run` is read as `/run`, which it is a symlink to on every current
 * distribution. Relative paths are returned normalised but otherwise untouched.
 */
export function normalizeHostPath(path: string): string {
  let normalized = posix.normalize(path);
  if (normalized.length > 1 && normalized.endsWith('/')) normalized = normalized.slice(0, -1);
  if (normalized === '/var/run' || normalized.startsWith('/var/run/')) normalized = `/run${normalized.slice('/var/run'.length)}`;
  return normalized;
}

/** One well-known container runtime API socket. */
export interface RuntimeSocket {
  /** Runtime, for messages: `Docker`, `containerd`, ... */
  readonly runtime: string;
  /** Canonical path, with `/run` rather than `/var/run`. */
  readonly path: string;
}

/**
 * Root-owned sockets that accept commands to create, exec into or inspect containers on the node.
 * Rootless Docker and Podman sockets are left out: they run no node's Kubernetes pods.
 */
export const RUNTIME_SOCKETS: readonly RuntimeSocket[] = [
  { runtime: 'Docker', path: '/run/docker.sock' },
  { runtime: 'containerd', path: '/run/containerd/containerd.sock' },
  { runtime: 'CRI-O', path: '/run/crio/crio.sock' },
  { runtime: 'containerd (k3s, RKE2)', path: '/run/k3s/containerd/containerd.sock' },
  { runtime: 'containerd (MicroK8s)', path: '/var/snap/microk8s/common/run/containerd.sock' },
  { runtime: 'containerd (managed by Docker)', path: '/run/docker/containerd/containerd.sock' },
  { runtime: 'cri-dockerd', path: '/run/cri-dockerd.sock' },
  { runtime: 'dockershim', path: '/run/dockershim.sock' },
  { runtime: 'Podman', path: '/run/podman/podman.sock' },
];

function segments(path: string): string[] {
  return path.split('/').filter(segment => segment !== '');
}

/** True when host directory `directory` (normalised) is `socket` itself or one of its ancestors. */
function covers(directory: readonly string[], socket: readonly string[]): boolean {
  if (directory.length > socket.length) return false;
  return directory.every((segment, index) => segment === socket[index]);
}

/** A runtime socket a hostPath reaches: the socket file itself (`exact`) or through a directory. */
export interface ExposedSocket {
  readonly socket: RuntimeSocket;
  readonly exact: boolean;
}

/**
 * Runtime sockets reachable through hostPath `path`: the socket itself, or any directory above
 * it. `/var` counts as an ancestor of `/run/...` sockets, because `/var/run` lies inside it.
 * An empty list means the path exposes no known socket (relative paths never do).
 */
export function exposedRuntimeSockets(path: string): ExposedSocket[] {
  const normalized = normalizeHostPath(path);
  if (!normalized.startsWith('/')) return [];
  const directory = segments(normalized);
  const exposed: ExposedSocket[] = [];
  for (const socket of RUNTIME_SOCKETS) {
    const target = segments(socket.path);
    // The same socket seen through the /var/run symlink covers `/var` itself.
    if (covers(directory, target) || (target[0] === 'run' && covers(directory, ['var', ...target]))) {
      exposed.push({ socket, exact: directory.length === target.length });
    }
  }
  return exposed;
}
