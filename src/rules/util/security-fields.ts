import type { Path } from '../../load/path.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { asArray, isRecord, own } from '../../snapshot/guards.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';

/**
 * Fields of the security-relevant types of a pod spec, from the core/v1 API of Kubernetes v1.37
 * (`PodSecurityContext`, `SecurityContext` and the types they embed). Alpha fields count: a
 * cluster with the feature gate off drops them too, but the field is spelled right.
 */
export const POD_SECURITY_CONTEXT_FIELDS: readonly string[] = [
  'appArmorProfile',
  'fsGroup',
  'fsGroupChangePolicy',
  'runAsGroup',
  'runAsNonRoot',
  'runAsUser',
  'seLinuxChangePolicy',
  'seLinuxOptions',
  'seccompProfile',
  'supplementalGroups',
  'supplementalGroupsPolicy',
  'sysctls',
  'windowsOptions',
];

export const CONTAINER_SECURITY_CONTEXT_FIELDS: readonly string[] = [
  'allowPrivilegeEscalation',
  'appArmorProfile',
  'capabilities',
  'privileged',
  'procMount',
  'readOnlyRootFilesystem',
  'runAsGroup',
  'runAsNonRoot',
  'runAsUser',
  'seLinuxOptions',
  'seccompProfile',
  'windowsOptions',
];

export const CAPABILITIES_FIELDS: readonly string[] = ['add', 'drop'];
export const SECCOMP_PROFILE_FIELDS: readonly string[] = ['localhostProfile', 'type'];
export const APPARMOR_PROFILE_FIELDS: readonly string[] = ['localhostProfile', 'type'];
export const SELINUX_OPTIONS_FIELDS: readonly string[] = ['level', 'role', 'type', 'user'];
export const WINDOWS_OPTIONS_FIELDS: readonly string[] = ['gmsaCredentialSpec', 'gmsaCredentialSpecName', 'hostProcess', 'runAsUserName'];
export const SYSCTL_FIELDS: readonly string[] = ['name', 'value'];

/** The typed sub-objects of a security context, by field name. */
const NESTED: ReadonlyMap<string, { readonly type: string; readonly fields: readonly string[] }> = new Map([
  ['capabilities', { type: 'capabilities', fields: CAPABILITIES_FIELDS }],
  ['seccompProfile', { type: 'seccompProfile', fields: SECCOMP_PROFILE_FIELDS }],
  ['appArmorProfile', { type: 'appArmorProfile', fields: APPARMOR_PROFILE_FIELDS }],
  ['seLinuxOptions', { type: 'seLinuxOptions', fields: SELINUX_OPTIONS_FIELDS }],
  ['windowsOptions', { type: 'windowsOptions', fields: WINDOWS_OPTIONS_FIELDS }],
]);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), on the strings
 * as given: callers lower-case them when case should not count.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the one before the previous (for transpositions), the previous, the current.
  let before = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

/** How far a misspelling may be from the field it is taken for: 1 for short names, up to 3. */
function tolerance(field: string): number {
  return Math.min(3, Math.max(1, Math.floor(field.length / 4)));
}

const lowerCaseLists = new WeakMap<readonly string[], readonly string[]>();

function lowerCased(fields: readonly string[]): readonly string[] {
  let lower = lowerCaseLists.get(fields);
  if (lower === undefined) {
    lower = fields.map(field => field.toLowerCase());
    lowerCaseLists.set(fields, lower);
  }
  return lower;
}

/** The known field `key` most likely means (ignoring case), or undefined when none is close. */
export function closestField(key: string, fields: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const knownFields = lowerCased(fields);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [index, field] of fields.entries()) {
    const known = knownFields[index] ?? field.toLowerCase();
    const limit = tolerance(field);
    // A truncated name (`val` for `value`) is as clear as a typo.
    const truncated = lower.length >= 3 && known.startsWith(lower);
    // The length difference is a lower bound of the distance: skip the matrix when it is too far.
    if (!truncated && Math.abs(known.length - lower.length) > limit) continue;
    const distance = truncated ? Math.min(1, editDistance(lower, known)) : editDistance(lower, known);
    if (distance <= limit && distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return best;
}

export type SecurityContextOwner = 'pod' | 'container';

export interface UnknownSecurityField {
  /** Path of the unknown key inside the object. */
  readonly path: Path;
  readonly key: string;
  /** Type the key was found in, as people name it: `securityContext`, `capabilities`, `sysctls[2]`. */
  readonly within: string;
  /** Whose security context: the pod's, or a container's (index into `pod.containers`). */
  readonly owner: SecurityContextOwner;
  readonly containerIndex: number | undefined;
  /** A known field at the same place that the key most likely means. */
  readonly suggestion: string | undefined;
  /** Set when the key is a field of the other level's securityContext (pod vs container). */
  readonly belongsTo: SecurityContextOwner | undefined;
  /** Set when the key stands for `securityContext` itself, so the whole block is dropped. */
  readonly wholeSecurityContext: boolean;
}

interface Place {
  readonly owner: SecurityContextOwner;
  readonly containerIndex: number | undefined;
}

function checkRecord(record: JsonRecord, path: Path, within: string, fields: readonly string[], place: Place, found: UnknownSecurityField[]): void {
  for (const key of Object.keys(record)) {
    if (fields.includes(key)) continue;
    found.push({ path: [...path, key], key, within, ...place, suggestion: closestField(key, fields), belongsTo: undefined, wholeSecurityContext: false });
  }
}

function checkSecurityContext(context: JsonRecord, path: Path, place: Place, found: UnknownSecurityField[]): void {
  const fields = place.owner === 'pod' ? POD_SECURITY_CONTEXT_FIELDS : CONTAINER_SECURITY_CONTEXT_FIELDS;
  const other = place.owner === 'pod' ? CONTAINER_SECURITY_CONTEXT_FIELDS : POD_SECURITY_CONTEXT_FIELDS;
  const otherOwner: SecurityContextOwner = place.owner === 'pod' ? 'container' : 'pod';
  for (const [key, value] of Object.entries(context)) {
    const keyPath = [...path, key];
    if (fields.includes(key)) {
      const nested = NESTED.get(key);
      if (nested !== undefined && isRecord(value)) checkRecord(value, keyPath, nested.type, nested.fields, place, found);
      if (key === 'sysctls') {
        for (const [index, item] of (asArray(value) ?? []).entries()) {
          if (isRecord(item)) checkRecord(item, [...keyPath, index], `sysctls[${String(index)}]`, SYSCTL_FIELDS, place, found);
        }
      }
      continue;
    }
    const suggestion = closestField(key, fields);
    if (suggestion === undefined && other.includes(key)) {
      found.push({ path: keyPath, key, within: 'securityContext', ...place, suggestion: undefined, belongsTo: otherOwner, wholeSecurityContext: false });
      continue;
    }
    const elsewhere = suggestion === undefined ? closestField(key, other) : undefined;
    found.push({
      path: keyPath,
      key,
      within: 'securityContext',
      ...place,
      suggestion: suggestion ?? elsewhere,
      belongsTo: elsewhere === undefined ? undefined : otherOwner,
      wholeSecurityContext: false,
    });
  }
}

/** A key of a pod spec or container that is a misspelling of `securityContext` itself. */
function misspeltSecurityContext(record: JsonRecord, path: Path, place: Place, found: UnknownSecurityField[]): void {
  for (const key of Object.keys(record)) {
    if (key === 'securityContext' || Math.abs(key.length - 'securityContext'.length) > 3) continue;
    if (editDistance(key.toLowerCase(), 'securitycontext') > 3) continue;
    found.push({ path: [...path, key], key, within: place.owner === 'pod' ? 'pod spec' : 'container', ...place, suggestion: 'securityContext', belongsTo: undefined, wholeSecurityContext: true });
  }
}

/**
 * Keys the API server would not recognise in the security contexts of `pod` (pod level, then
 * each container in `pod.containers` order), and misspellings of `securityContext` itself.
 */
export function findUnknownSecurityFields(pod: PodSpecView): UnknownSecurityField[] {
  const found: UnknownSecurityField[] = [];
  const podPlace: Place = { owner: 'pod', containerIndex: undefined };
  misspeltSecurityContext(pod.spec, pod.specPath, podPlace, found);
  if (pod.securityContext !== undefined) checkSecurityContext(pod.securityContext, [...pod.specPath, 'securityContext'], podPlace, found);
  pod.containers.forEach((container, index) => {
    const place: Place = { owner: 'container', containerIndex: index };
    misspeltSecurityContext(container.body, container.path, place, found);
    const context = own(container.body, 'securityContext');
    if (isRecord(context)) checkSecurityContext(context, [...container.path, 'securityContext'], place, found);
  });
  return found;
}
