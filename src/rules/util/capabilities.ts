import type { Path } from '../../load/path.js';
import { asArray, asRecord, isString, own } from '../../snapshot/guards.js';
import type { ContainerView } from '../../snapshot/pod-spec.js';

/** Capabilities the Pod Security Standards baseline profile lets a container add, spelled as PSA compares them. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** `cap_sys_admin` → `SYS_ADMIN`: the name people mean, for messages and comparisons. */
export function normalizeCapability(raw: string): string {
  const upper = raw.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice('CAP_'.length) : upper;
}

export interface CapabilityEntry {
  /** Exactly as written in the manifest. */
  readonly raw: string;
  readonly name: string;
  readonly path: Path;
}

export interface CapabilityList {
  /** Path of the `add` or `drop` field. */
  readonly path: Path;
  /** False when the field is absent (or null): the container changes nothing on that side. */
  readonly present: boolean;
  /** String entries with their paths; other entries are invalid API input and ignored. */
  readonly entries: readonly CapabilityEntry[];
}

/** The `securityContext.capabilities.add` or `.drop` list of a container. */
export function capabilityList(container: ContainerView, field: 'add' | 'drop'): CapabilityList {
  const path = [...container.path, 'securityContext', 'capabilities', field];
  const capabilities = container.securityContext === undefined ? undefined : asRecord(own(container.securityContext, 'capabilities'));
  const value = capabilities === undefined ? undefined : own(capabilities, field);
  const list = asArray(value);
  const entries: CapabilityEntry[] = [];
  for (const [index, entry] of (list ?? []).entries()) {
    if (isString(entry)) entries.push({ raw: entry, name: normalizeCapability(entry), path: [...path, index] });
  }
  return { path, present: value !== undefined && value !== null, entries };
}
