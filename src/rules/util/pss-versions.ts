/**
 * Pod Security Standards policy versions and the PodSecurity admission labels, read exactly as
 * the admission plugin reads them (k8s.io/pod-security-admission `api/helpers.go`).
 */

/**
 * Newest Pod Security Standards policy version whose checks differ from the version before it:
 * v1.35 relaxed baseline `procMount` for pods in a user namespace. v1.36 and v1.37 changed no
 * check (the `ulimits` and `cgroupOptions` checks in development target later versions).
 */
export const LATEST_PSS_VERSION = 'v1.35';
/** When LATEST_PSS_VERSION was last checked against the Kubernetes releases (v1.37 current). */
export const LATEST_PSS_VERSION_AS_OF = '2026-11-24';

export const PSA_LABEL_PREFIX = 'pod-security.kubernetes.io/';
export const ENFORCE_LABEL = `${PSA_LABEL_PREFIX}enforce`;
export const ENFORCE_VERSION_LABEL = `${PSA_LABEL_PREFIX}enforce-version`;
export const AUDIT_LABEL = `${PSA_LABEL_PREFIX}audit`;
export const WARN_LABEL = `${PSA_LABEL_PREFIX}warn`;

export type PssLevel = 'privileged' | 'baseline' | 'restricted';

/** `ParseLevel`: exact, case-sensitive match. */
export function parsePssLevel(value: string): PssLevel | undefined {
  return value === 'privileged' || value === 'baseline' || value === 'restricted' ? value : undefined;
}

/** A parsed `*-version` label: `latest`, or `v1.<minor>`. */
export type PssVersion = { readonly latest: true } | { readonly latest: false; readonly minor: number };

/** The admission plugin's own pattern: `v1.0` to `v1.N`, no leading zeros, no patch number. */
const VERSION = /^v1\.([0-9]|[1-9][0-9]*)$/;

/** `ParseVersion`; undefined where the plugin reports an invalid label. */
export function parsePssVersion(value: string): PssVersion | undefined {
  if (value === 'latest') return { latest: true };
  const match = VERSION.exec(value);
  if (match === null) return undefined;
  const minor = Number(match[1]);
  return Number.isSafeInteger(minor) ? { latest: false, minor } : undefined;
}

/** `Version.Older`: latest is newer than every numbered version, including future ones. */
export function isOlderVersion(version: PssVersion, than: PssVersion): boolean {
  if (version.latest) return false;
  if (than.latest) return true;
  return version.minor < than.minor;
}

export function formatPssVersion(version: PssVersion): string {
  return version.latest ? 'latest' : `v1.${String(version.minor)}`;
}

export interface PolicyChange {
  /** The policy version (v1.<minor>) that introduced the change. */
  readonly minor: number;
  /** The lowest level the change applies to (baseline changes also apply to restricted). */
  readonly level: 'baseline' | 'restricted';
  readonly effect: 'tightened' | 'relaxed';
  /** Short description, as it reads in a message. */
  readonly summary: string;
}

/**
 * Changes to the checks after v1.0, from the `MinimumVersion` of each versioned check in
 * pod-security-admission. Sysctl allow-list additions (relaxations) are left out.
 */
export const PSS_POLICY_CHANGES: readonly PolicyChange[] = [
  { minor: 8, level: 'restricted', effect: 'tightened', summary: 'allowPrivilegeEscalation must be false (v1.8)' },
  { minor: 19, level: 'restricted', effect: 'tightened', summary: 'a RuntimeDefault or Localhost seccomp profile is required (v1.19)' },
  { minor: 22, level: 'restricted', effect: 'tightened', summary: 'containers must drop ALL capabilities and add only NET_BIND_SERVICE (v1.22)' },
  { minor: 23, level: 'restricted', effect: 'tightened', summary: 'runAsUser: 0 is forbidden (v1.23)' },
  { minor: 25, level: 'restricted', effect: 'relaxed', summary: 'Windows pods are exempt from the Linux-only restricted checks (v1.25)' },
  { minor: 34, level: 'baseline', effect: 'tightened', summary: 'probes and lifecycle hooks may not name another host (v1.34)' },
  { minor: 35, level: 'baseline', effect: 'relaxed', summary: 'procMount: Unmasked is allowed in a user namespace (v1.35)' },
];

/**
 * The changes a namespace pinned to `pinned` does not get, up to `target`, for the level it
 * enforces (undefined: the level is the cluster default, so every change may matter).
 */
export function changesMissed(pinned: number, target: PssVersion, level: 'baseline' | 'restricted' | undefined): PolicyChange[] {
  return PSS_POLICY_CHANGES.filter(change => {
    if (change.minor <= pinned) return false;
    if (!target.latest && change.minor > target.minor) return false;
    return level !== 'baseline' || change.level === 'baseline';
  });
}
