/**
 * Upstream Kubernetes minor releases and the security fixes kubeward knows about, for the
 * `kubernetes-version-eol` rule. Maintained by hand: see docs/maintaining-version-data.md for
 * where each value comes from and how to refresh the table. Every entry names its source.
 */

/** The binaries a Kubernetes CVE can live in, as the official advisories name them. */
export type KubernetesComponent = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kube-proxy' | 'kubelet';

export interface MinorRelease {
  /** `1.N`. */
  readonly minor: string;
  /** Date of the `1.N.0` release (YYYY-MM-DD). */
  readonly released: string;
  /**
   * End of life (YYYY-MM-DD): the actual date from kubernetes/website `data/releases/eol.yaml`
   * once the branch is closed, else the scheduled date from kubernetes.io/releases/1.N.
   */
  readonly endOfLife: string;
  /** Last patch release of a closed branch, `1.N.P` (eol.yaml `finalPatchRelease`), when known. */
  readonly finalPatch?: string;
}

export interface CveFix {
  readonly id: string;
  readonly title: string;
  /** The advisory's qualitative CVSS rating. */
  readonly severity: 'low' | 'medium' | 'high' | 'critical';
  /** Components the advisory lists as affected. */
  readonly components: readonly KubernetesComponent[];
  /** `windows`: only Windows nodes are affected (the advisory says so); `any`: every platform. */
  readonly platform: 'windows' | 'any';
  /**
   * First fixed patch release of each minor branch that got the fix, `1.N.P` with P > 0. A minor
   * that is absent here was either not affected, already fixed at `.0`, or never patched (it was
   * out of support): the rule then says nothing about this CVE for it.
   */
  readonly fixedIn: readonly string[];
}

export interface KubernetesReleaseData {
  /** Date (YYYY-MM-DD) the table was last checked against its sources; end of life is judged on it. */
  readonly asOf: string;
  /** Ascending by minor, oldest first. */
  readonly minors: readonly MinorRelease[];
  /** Ascending by CVE year, then number. */
  readonly cves: readonly CveFix[];
}

export const KUBERNETES_RELEASES: KubernetesReleaseData = {
  asOf: '2026-11-24',
  minors: [
    // Release dates: kubernetes/website data/releases/schedule.yaml (`releaseDate`, `1.N.0` targetDate)
    // and the kubernetes.io/blog release announcements; end of life: data/releases/eol.yaml.
    { minor: '1.24', released: '2022-05-03', endOfLife: '2023-07-28', finalPatch: '1.24.17' },
    { minor: '1.25', released: '2022-08-23', endOfLife: '2023-10-28', finalPatch: '1.25.16' },
    { minor: '1.26', released: '2022-12-09', endOfLife: '2024-02-28', finalPatch: '1.26.15' },
    { minor: '1.27', released: '2023-04-11', endOfLife: '2024-07-16', finalPatch: '1.27.16' },
    { minor: '1.28', released: '2023-08-15', endOfLife: '2024-10-22', finalPatch: '1.28.15' },
    { minor: '1.29', released: '2023-12-13', endOfLife: '2025-02-28', finalPatch: '1.29.14' },
    { minor: '1.30', released: '2024-04-17', endOfLife: '2025-07-15', finalPatch: '1.30.14' },
    { minor: '1.31', released: '2024-08-13', endOfLife: '2025-11-11', finalPatch: '1.31.14' },
    // From here on, end of life is the date scheduled on kubernetes.io/releases/1.N; the actual
    // dates of 1.32-1.34 (closed by asOf) were not yet in the copy of eol.yaml that was checked.
    // 1.32 released 2024-12-11 (blog "Kubernetes v1.32: Penelope").
    { minor: '1.32', released: '2024-12-11', endOfLife: '2026-02-28' },
    // 1.33 released 2025-04-23; EOL per kubernetes.io/releases/1.33.
    { minor: '1.33', released: '2025-04-23', endOfLife: '2026-06-28' },
    // 1.34 released 2025-08-27; EOL per kubernetes.io/releases/1.34.
    { minor: '1.34', released: '2025-08-27', endOfLife: '2026-10-27' },
    // 1.35 released 2025-12-17 (blog "Kubernetes v1.35: Timbernetes"); EOL per kubernetes.io/releases/1.35.
    { minor: '1.35', released: '2025-12-17', endOfLife: '2027-02-28' },
    // kubernetes.io/releases/1.36: 1.36.0 released 2026-04-22.
    { minor: '1.36', released: '2026-04-22', endOfLife: '2027-06-28' },
    // kubernetes.io/releases/1.37: 1.37.0 released 2026-08-26.
    { minor: '1.37', released: '2026-08-26', endOfLife: '2027-10-28' },
  ],
  cves: [
    {
      // kubernetes/kubernetes#118690 (Low, 3.4): Localhost seccomp profile with an empty path ran unconfined.
      id: 'CVE-2023-2431',
      title: 'Bypass of seccomp profile enforcement',
      severity: 'low',
      components: ['kubelet'],
      platform: 'any',
      fixedIn: ['1.24.14', '1.25.10', '1.26.5', '1.27.2'],
    },
    {
      // kubernetes/kubernetes#118640; fixed versions as Trivy reports them (rancher/charts#3335).
      id: 'CVE-2023-2727',
      title: 'Bypassing policies imposed by the ImagePolicyWebhook admission plugin',
      severity: 'medium',
      components: ['kube-apiserver'],
      platform: 'any',
      fixedIn: ['1.24.15', '1.25.11', '1.26.6', '1.27.3'],
    },
    {
      // kubernetes/kubernetes#118640; GHSA-cgcv-5272-97pr (golang/vulndb#1892).
      id: 'CVE-2023-2728',
      title: 'Bypassing the mountable secrets policy imposed by the ServiceAccount admission plugin',
      severity: 'medium',
      components: ['kube-apiserver'],
      platform: 'any',
      fixedIn: ['1.24.15', '1.25.11', '1.26.6', '1.27.3'],
    },
    {
      // kubernetes/kubernetes#119339 (High, 8.8): Windows nodes only.
      id: 'CVE-2023-3676',
      title: 'Insufficient input sanitization on Windows nodes leads to privilege escalation',
      severity: 'high',
      components: ['kubelet'],
      platform: 'windows',
      fixedIn: ['1.24.17', '1.25.13', '1.26.8', '1.27.5', '1.28.1'],
    },
    {
      // kubernetes/kubernetes#119595 (High, 8.8): Windows nodes only.
      id: 'CVE-2023-3955',
      title: 'Insufficient input sanitization on Windows nodes leads to privilege escalation',
      severity: 'high',
      components: ['kubelet'],
      platform: 'windows',
      fixedIn: ['1.24.17', '1.25.13', '1.26.8', '1.27.5', '1.28.1'],
    },
    {
      // kubernetes/kubernetes#121879 (High, 7.2): in-tree storage plugins on Windows nodes.
      id: 'CVE-2023-5528',
      title: 'Insufficient input sanitization in in-tree storage plugin leads to privilege escalation on Windows nodes',
      severity: 'high',
      components: ['kubelet'],
      platform: 'windows',
      fixedIn: ['1.25.16', '1.26.11', '1.27.8', '1.28.4'],
    },
    {
      // kubernetes/kubernetes#124336 (Low, 2.7); GHSA-pxhw-596r-rwq5.
      id: 'CVE-2024-3177',
      title: 'Bypassing the mountable secrets policy imposed by the ServiceAccount admission plugin (envFrom)',
      severity: 'low',
      components: ['kube-apiserver'],
      platform: 'any',
      fixedIn: ['1.27.13', '1.28.9', '1.29.4'],
    },
    {
      // kubernetes/kubernetes#126161 (Medium, 6.1): Windows nodes only.
      id: 'CVE-2024-5321',
      title: 'Incorrect permissions on Windows containers logs',
      severity: 'medium',
      components: ['kubelet'],
      platform: 'windows',
      fixedIn: ['1.27.16', '1.28.12', '1.29.7', '1.30.3'],
    },
    {
      // kubernetes/kubernetes#129654 (Medium, 5.9): Windows nodes only. Advisory lists v1.32.0 as affected.
      id: 'CVE-2024-9042',
      title: 'Command injection affecting Windows nodes via the nodes/*/logs/query API',
      severity: 'medium',
      components: ['kubelet'],
      platform: 'windows',
      fixedIn: ['1.29.13', '1.30.9', '1.31.5', '1.32.1'],
    },
    {
      // kubernetes/kubernetes#128885 (High, 8.1); the advisory lists no affected 1.31 release.
      id: 'CVE-2024-10220',
      title: 'Arbitrary command execution through gitRepo volume',
      severity: 'high',
      components: ['kubelet'],
      platform: 'any',
      fixedIn: ['1.28.12', '1.29.7', '1.30.3'],
    },
    {
      // kubernetes/kubernetes#130016; fixed versions from GHSA / Trivy (MEDIUM).
      id: 'CVE-2025-0426',
      title: 'Node denial of service via the kubelet checkpoint API',
      severity: 'medium',
      components: ['kubelet'],
      platform: 'any',
      fixedIn: ['1.29.14', '1.30.10', '1.31.6', '1.32.2'],
    },
    {
      // kubernetes/kubernetes#132151 (Low, 2.7): only clusters using DynamicResourceAllocation.
      id: 'CVE-2025-4563',
      title: 'Nodes can bypass dynamic resource allocation authorization checks',
      severity: 'low',
      components: ['kube-apiserver'],
      platform: 'any',
      fixedIn: ['1.32.6', '1.33.2'],
    },
    {
      // kubernetes/kubernetes#133471; fixed versions from GHSA / Trivy (MEDIUM).
      id: 'CVE-2025-5187',
      title: 'Nodes can delete themselves by adding an OwnerReference',
      severity: 'medium',
      components: ['kube-apiserver'],
      platform: 'any',
      fixedIn: ['1.31.12', '1.32.8', '1.33.4'],
    },
    {
      // kubernetes/kubernetes#135525; fixed versions from GHSA / Trivy (MEDIUM).
      id: 'CVE-2025-13281',
      title: 'Portworx half-blind SSRF in kube-controller-manager',
      severity: 'medium',
      components: ['kube-controller-manager'],
      platform: 'any',
      fixedIn: ['1.32.10', '1.33.6', '1.34.2'],
    },
  ],
};
