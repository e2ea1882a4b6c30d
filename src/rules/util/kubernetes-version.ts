import type { CveFix, KubernetesComponent, KubernetesReleaseData, MinorRelease } from './kubernetes-releases.js';

/**
 * A Kubernetes release version as components and tools print it: `v1.29.3`, `v1.30.0-rc.1`,
 * `v1.28.9+k3s1`, `v1.29.15-eks-473151a`, or just a minor (`1.28`) where only that is known.
 */
export interface KubernetesVersion {
  /** The text as written. */
  readonly text: string;
  /** `N` of `1.N`. */
  readonly minor: number;
  /** Undefined when only the minor is known. */
  readonly patch: number | undefined;
  /** Semver pre-release (`rc.1`, `eks-473151a`, `gke.1043002`), without the `-`. */
  readonly preRelease: string | undefined;
  /** Semver build metadata (`k3s1`, `f67aeb3`), without the `+`. */
  readonly build: string | undefined;
  /**
   * A distribution's own build (EKS, GKE, OpenShift, Tanzu, AKS hotfix...). Vendors backport
   * security fixes without changing the upstream patch number, so the patch level says nothing
   * about which CVEs are fixed. Upstream pre-releases and the k3s, RKE2 and k0s packagings, which
   * ship upstream patch releases unchanged, are not vendor builds.
   */
  readonly vendorBuild: boolean;
}

const VERSION = /^(v?)1\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;
const UPSTREAM_PRE_RELEASE = /^(alpha|beta|rc)\.\d+$/;
const REPACKAGED_UPSTREAM = /^(k3s\d+|rke2r\d+|k0s(\.\d+)?)$/;

export interface ParseOptions {
  /** Accept `1.29.3` without the `v` every Kubernetes binary prints. Default false. */
  readonly optionalV?: boolean;
  /** Accept `1.29`: a minor without a patch. Default false. */
  readonly minorOnly?: boolean;
}

/** Parses a Kubernetes 1.x version, or returns undefined for anything else (`latest`, `v0.29.7`, `2.1.0`). */
export function parseKubernetesVersion(text: string, options: ParseOptions = {}): KubernetesVersion | undefined {
  const match = VERSION.exec(text);
  if (match === null) return undefined;
  const [, v, minorText, patchText, preRelease, build] = match;
  if (v === '' && options.optionalV !== true) return undefined;
  if (patchText === undefined && options.minorOnly !== true) return undefined;
  if (patchText === undefined && (preRelease !== undefined || build !== undefined)) return undefined;
  const upstream = (preRelease === undefined || UPSTREAM_PRE_RELEASE.test(preRelease)) && (build === undefined || REPACKAGED_UPSTREAM.test(build));
  return {
    text,
    minor: Number(minorText),
    patch: patchText === undefined ? undefined : Number(patchText),
    preRelease,
    build,
    vendorBuild: !upstream,
  };
}

/** `1.N` and `1.N.P` strings of the release table, as numbers. */
export function parseMinor(minor: string): number | undefined {
  const match = /^1\.(0|[1-9]\d*)$/.exec(minor);
  return match === null ? undefined : Number(match[1]);
}

export function parsePatchRelease(release: string): { minor: number; patch: number } | undefined {
  const match = /^1\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(release);
  return match === null ? undefined : { minor: Number(match[1]), patch: Number(match[2]) };
}

/** What a version is the version of, which decides the CVEs that apply to it. */
export interface VersionContext {
  readonly components: readonly KubernetesComponent[];
  /** True on a Windows node, false on Linux, undefined when the input does not say. */
  readonly windows: boolean | undefined;
}

export interface MissingFix {
  readonly cve: CveFix;
  /** `1.N.P`: the first release of the version's own minor with the fix. */
  readonly fixedIn: string;
}

export type Assessment =
  /** The minor is past end of life on the judgement date. */
  | {
      readonly kind: 'end-of-life';
      readonly minor: string;
      readonly endOfLife: string;
      /** True when the minor predates the table: it reached end of life before `endOfLife`, the oldest tracked minor's date. */
      readonly beforeTable: boolean;
      readonly missingFixes: readonly MissingFix[];
    }
  /** Supported minor, but a patch release older than published fixes. */
  | { readonly kind: 'missing-fixes'; readonly missingFixes: readonly MissingFix[] }
  /** Supported and carrying every fix the table knows. */
  | { readonly kind: 'supported' }
  /** A minor the table does not know (newer than it, or not yet released on the judgement date): not judged. */
  | { readonly kind: 'unknown' };

/**
 * Judges `version` against `data` on `date` (YYYY-MM-DD). Pure: the rule passes the bundled table
 * and its `asOf` date, tests pass their own.
 */
export function assessKubernetesVersion(version: KubernetesVersion, context: VersionContext, data: KubernetesReleaseData, date: string): Assessment {
  const minorText = `1.${String(version.minor)}`;
  const release = data.minors.find(entry => entry.minor === minorText);
  const oldest = data.minors[0];
  if (release === undefined) {
    if (oldest !== undefined && version.minor < (parseMinor(oldest.minor) ?? 0) && oldest.endOfLife <= date) {
      return { kind: 'end-of-life', minor: minorText, endOfLife: oldest.endOfLife, beforeTable: true, missingFixes: [] };
    }
    return { kind: 'unknown' };
  }
  if (release.released > date) return { kind: 'unknown' };
  const missingFixes = missingFixesOf(version, context, data);
  if (isEndOfLife(release, date)) return { kind: 'end-of-life', minor: minorText, endOfLife: release.endOfLife, beforeTable: false, missingFixes };
  return missingFixes.length > 0 ? { kind: 'missing-fixes', missingFixes } : { kind: 'supported' };
}

function isEndOfLife(release: MinorRelease, date: string): boolean {
  return release.endOfLife <= date;
}

/**
 * Fixes published for the version's own minor that its patch release predates. Nothing is
 * claimed for vendor builds (their patch level hides backports), for minor-only versions, for
 * components the CVE does not affect, or for Windows-only CVEs unless the node is known to be
 * Windows.
 */
function missingFixesOf(version: KubernetesVersion, context: VersionContext, data: KubernetesReleaseData): MissingFix[] {
  if (version.vendorBuild || version.patch === undefined) return [];
  const missing: MissingFix[] = [];
  for (const cve of data.cves) {
    if (!cve.components.some(component => context.components.includes(component))) continue;
    if (cve.platform === 'windows' && context.windows !== true) continue;
    for (const fixedIn of cve.fixedIn) {
      const fix = parsePatchRelease(fixedIn);
      if (fix?.minor !== version.minor) continue;
      if (version.patch < fix.patch || (version.patch === fix.patch && version.preRelease !== undefined)) missing.push({ cve, fixedIn });
    }
  }
  return missing;
}

/** Components whose release images carry the Kubernetes version as their tag (`registry.k8s.io/kube-proxy:v1.29.3`). */
const COMPONENT_IMAGES: ReadonlyMap<string, readonly KubernetesComponent[]> = new Map<string, readonly KubernetesComponent[]>([
  ['kube-apiserver', ['kube-apiserver']],
  ['kube-controller-manager', ['kube-controller-manager']],
  ['kube-scheduler', ['kube-scheduler']],
  ['kube-proxy', ['kube-proxy']],
  // The all-in-one binary of clusters before 1.19, still used by some distributions (RKE1).
  ['hyperkube', ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy', 'kubelet']],
]);

const ARCH_SUFFIX = /-(amd64|arm|arm64|ppc64le|s390x)$/;

/**
 * The component an image runs, from the last path segment of its repository: `kube-apiserver`,
 * also under a mirror (`harbor.example.com/k8s/kube-apiserver`) or with the per-architecture
 * suffix of old releases (`kube-apiserver-amd64`). Undefined for every other image.
 */
export function componentImage(name: string): { readonly name: string; readonly components: readonly KubernetesComponent[] } | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1).replace(ARCH_SUFFIX, '');
  const components = COMPONENT_IMAGES.get(base);
  return components === undefined ? undefined : { name: base, components };
}
