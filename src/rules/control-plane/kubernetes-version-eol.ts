import type { Path } from '../../load/path.js';
import { getRecord, getString, isString, own } from '../../snapshot/guards.js';
import { apiGroupOf, isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import { valueAt } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { parseImageReference } from '../util/image-reference.js';
import type { KubernetesComponent } from '../util/kubernetes-releases.js';
import { KUBERNETES_RELEASES } from '../util/kubernetes-releases.js';
import type { Assessment, KubernetesVersion, MissingFix, VersionContext } from '../util/kubernetes-version.js';
import { assessKubernetesVersion, componentImage, parseKubernetesVersion } from '../util/kubernetes-version.js';
import { SEVERITY_RANK } from '../../findings/finding.js';
import type { Severity } from '../types.js';

const ALL_COMPONENTS: readonly KubernetesComponent[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy', 'kubelet'];
const CONTROL_PLANE: readonly KubernetesComponent[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

/** A field of the input that states which Kubernetes release something runs. */
interface VersionSource {
  readonly object: KubeObject;
  readonly path: Path;
  /** `kubelet v1.28.4 on Node "worker-3"`: how the message names what runs the version. */
  readonly subject: string;
  readonly version: KubernetesVersion;
  readonly context: VersionContext;
}

const sourcesCache = new WeakMap<ClusterSnapshot, readonly VersionSource[]>();
/** The object that carried the `version` option's finding, for `examines` (which runs after `check`). */
const optionCarrier = new WeakMap<ClusterSnapshot, KubeObject>();

function versionSources(snapshot: ClusterSnapshot): readonly VersionSource[] {
  const cached = sourcesCache.get(snapshot);
  if (cached !== undefined) return cached;
  const sources = [...nodeSources(snapshot), ...imageSources(snapshot), ...kubeadmSources(snapshot), ...clusterApiSources(snapshot), ...rancherSources(snapshot)];
  sourcesCache.set(snapshot, sources);
  return sources;
}

/**
 * `status.nodeInfo.kubeletVersion`, which the kubelet reports about itself. The sibling
 * `kubeProxyVersion` is ignored: the kubelet fills it with its own version (it cannot know
 * kube-proxy's, kubernetes/kubernetes#117756) and stopped setting it in 1.33, so it would only
 * report the same kubelet twice.
 */
function nodeSources(snapshot: ClusterSnapshot): VersionSource[] {
  const sources: VersionSource[] = [];
  for (const node of snapshot.ofKind('Node')) {
    if (!isBuiltIn(node, 'Node')) continue;
    const nodeInfo = getRecord(getRecord(node.body, 'status'), 'nodeInfo');
    const text = getString(nodeInfo, 'kubeletVersion');
    const version = text === undefined ? undefined : parseKubernetesVersion(text);
    if (version === undefined) continue;
    const os = getString(nodeInfo, 'operatingSystem') ?? getString(getRecord(getRecord(node.body, 'metadata'), 'labels'), 'kubernetes.io/os');
    sources.push({
      object: node,
      path: ['status', 'nodeInfo', 'kubeletVersion'],
      subject: `kubelet ${version.text} on Node "${node.name}"`,
      version,
      context: { components: ['kubelet'], windows: os === undefined ? undefined : os === 'windows' },
    });
  }
  return sources;
}

/**
 * Containers running a release image of a Kubernetes component, tagged with its version: kubeadm's
 * static pods (`registry.k8s.io/kube-apiserver:v1.29.3`) and the kube-proxy DaemonSet. A command
 * line never states the version (`--version` prints it and exits, or overrides what the binary
 * reports), and other images tagged `v1.x` (CoreDNS, cluster-autoscaler, kubectl, cloud
 * controller managers) follow release lines of their own.
 */
function imageSources(snapshot: ClusterSnapshot): VersionSource[] {
  const sources: VersionSource[] = [];
  for (const pod of snapshot.podSpecs) {
    for (const container of pod.containers) {
      const image = getString(container.body, 'image');
      if (image === undefined || !(image.includes('kube-') || image.includes('hyperkube'))) continue;
      const reference = parseImageReference(image.trim());
      const component = componentImage(reference.name);
      const version = reference.tag === undefined ? undefined : parseKubernetesVersion(reference.tag);
      if (component === undefined || version === undefined) continue;
      sources.push({
        object: pod.object,
        path: [...container.path, 'image'],
        subject: `${component.name} ${version.text} in ${describeContainer(container)}`,
        version,
        context: { components: component.components, windows: pod.isWindows ? true : undefined },
      });
    }
  }
  return sources;
}

/**
 * kubeadm's `ClusterConfiguration` (a config file, or its copy in the `kubeadm-config`
 * ConfigMap of kube-system): `kubernetesVersion` sets the control plane and kube-proxy images.
 * kubeadm also takes the labels `stable-1.N` and `latest-1.N`, which name the minor only; bare
 * `stable` or `latest` says nothing checkable.
 */
function kubeadmSources(snapshot: ClusterSnapshot): VersionSource[] {
  const sources: VersionSource[] = [];
  const components: readonly KubernetesComponent[] = [...CONTROL_PLANE, 'kube-proxy'];
  for (const config of snapshot.ofKind('ClusterConfiguration')) {
    if (apiGroupOf(config.apiVersion) !== 'kubeadm.k8s.io') continue;
    const text = getString(config.body, 'kubernetesVersion');
    const version = text === undefined ? undefined : parseKubeadmVersion(text);
    if (version === undefined) continue;
    sources.push({ object: config, path: ['kubernetesVersion'], subject: `kubeadm kubernetesVersion ${version.text}`, version, context: { components, windows: undefined } });
  }
  for (const configMap of snapshot.ofKind('ConfigMap')) {
    if (!isBuiltIn(configMap, 'ConfigMap') || configMap.name !== 'kubeadm-config' || snapshot.namespaceOf(configMap) !== 'kube-system') continue;
    const embedded = getString(getRecord(configMap.body, 'data'), 'ClusterConfiguration');
    const text = embedded === undefined ? undefined : /^kubernetesVersion:[ \t]*(["']?)([^"'\s#]+)\1[ \t]*(?:#.*)?$/m.exec(embedded)?.[2];
    const version = text === undefined ? undefined : parseKubeadmVersion(text);
    if (version === undefined) continue;
    sources.push({
      object: configMap,
      path: ['data', 'ClusterConfiguration'],
      subject: `kubeadm-config kubernetesVersion ${version.text}`,
      version,
      context: { components, windows: undefined },
    });
  }
  return sources;
}

function parseKubeadmVersion(text: string): KubernetesVersion | undefined {
  const label = /^(?:stable|latest)-(1\.\d+)$/.exec(text);
  if (label?.[1] !== undefined) {
    const minor = parseKubernetesVersion(label[1], { optionalV: true, minorOnly: true });
    return minor === undefined ? undefined : { ...minor, text };
  }
  return parseKubernetesVersion(text, { optionalV: true });
}

/** Cluster API objects whose `version` field sets the Kubernetes release of the machines they create. */
const CLUSTER_API_FIELDS: readonly { kind: string; group: string; path: Path; components: readonly KubernetesComponent[] }[] = [
  { kind: 'Cluster', group: 'cluster.x-k8s.io', path: ['spec', 'topology', 'version'], components: ALL_COMPONENTS },
  { kind: 'KubeadmControlPlane', group: 'controlplane.cluster.x-k8s.io', path: ['spec', 'version'], components: [...CONTROL_PLANE, 'kube-proxy', 'kubelet'] },
  { kind: 'MachineDeployment', group: 'cluster.x-k8s.io', path: ['spec', 'template', 'spec', 'version'], components: ['kubelet', 'kube-proxy'] },
  { kind: 'MachineSet', group: 'cluster.x-k8s.io', path: ['spec', 'template', 'spec', 'version'], components: ['kubelet', 'kube-proxy'] },
  { kind: 'MachinePool', group: 'cluster.x-k8s.io', path: ['spec', 'template', 'spec', 'version'], components: ['kubelet', 'kube-proxy'] },
  { kind: 'Machine', group: 'cluster.x-k8s.io', path: ['spec', 'version'], components: ['kubelet'] },
];

function clusterApiSources(snapshot: ClusterSnapshot): VersionSource[] {
  const sources: VersionSource[] = [];
  for (const field of CLUSTER_API_FIELDS) {
    for (const object of snapshot.ofKind(field.kind)) {
      if (apiGroupOf(object.apiVersion) !== field.group) continue;
      const text = valueAt(object.body, field.path);
      const version = isString(text) ? parseKubernetesVersion(text) : undefined;
      if (version === undefined) continue;
      sources.push({
        object,
        path: field.path,
        subject: `${object.kind} "${object.name}" version ${version.text}`,
        version,
        context: { components: field.components, windows: undefined },
      });
    }
  }
  return sources;
}

/** Rancher's `provisioning.cattle.io` Cluster (RKE2/K3s clusters it manages): `spec.kubernetesVersion`. */
function rancherSources(snapshot: ClusterSnapshot): VersionSource[] {
  const sources: VersionSource[] = [];
  for (const cluster of snapshot.ofKind('Cluster')) {
    if (apiGroupOf(cluster.apiVersion) !== 'provisioning.cattle.io') continue;
    const text = getString(getRecord(cluster.body, 'spec'), 'kubernetesVersion');
    const version = text === undefined ? undefined : parseKubernetesVersion(text);
    if (version === undefined) continue;
    sources.push({
      object: cluster,
      path: ['spec', 'kubernetesVersion'],
      subject: `Rancher Cluster "${cluster.name}" kubernetesVersion ${version.text}`,
      version,
      context: { components: ALL_COMPONENTS, windows: undefined },
    });
  }
  return sources;
}

function cveList(fixes: readonly MissingFix[], withRelease: boolean): string {
  const items = fixes.map(fix => `${fix.cve.id} (${fix.cve.severity}${withRelease ? `, fixed in v${fix.fixedIn}` : ''})`);
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The newest of the fix releases: the least the version must be upgraded to. */
function targetRelease(fixes: readonly MissingFix[]): string {
  let best = '';
  let bestPatch = -1;
  for (const fix of fixes) {
    const patch = Number(fix.fixedIn.split('.')[2]);
    if (patch > bestPatch) {
      best = fix.fixedIn;
      bestPatch = patch;
    }
  }
  return best;
}

function describe(subject: string, version: KubernetesVersion, assessment: Assessment): string | undefined {
  switch (assessment.kind) {
    case 'end-of-life': {
      const when = assessment.beforeTable
        ? `reached end of life before ${assessment.endOfLife} (when ${KUBERNETES_RELEASES.minors[0]?.minor ?? 'the oldest tracked minor'} did)`
        : `reached end of life on ${assessment.endOfLife}`;
      const vendor = version.vendorBuild ? '; as a vendor build it gets fixes only while the vendor\'s own extended support lasts' : '';
      const cves = assessment.missingFixes.length > 0 ? `, and this build also lacks the ${assessment.minor} fixes for ${cveList(assessment.missingFixes, false)}` : '';
      return `${subject}: Kubernetes ${assessment.minor} ${when}, so it gets no more security fixes${vendor}${cves}`;
    }
    case 'missing-fixes': {
      const count = assessment.missingFixes.length === 1 ? 'the fix' : 'the fixes';
      return `${subject} predates ${count} for ${cveList(assessment.missingFixes, true)}, known vulnerabilities that stay open until it is upgraded to v${targetRelease(assessment.missingFixes)} or later`;
    }
    case 'supported':
    case 'unknown':
      return undefined;
  }
}

/**
 * An end-of-life minor is the rule's own severity (high); a supported minor that only lacks
 * patches is as severe as the worst vulnerability it leaves open.
 */
function severityOf(assessment: Assessment): Severity | undefined {
  if (assessment.kind !== 'missing-fixes') return undefined;
  let worst: Severity = 'low';
  for (const fix of assessment.missingFixes) if (SEVERITY_RANK[fix.cve.severity] > SEVERITY_RANK[worst]) worst = fix.cve.severity;
  return worst;
}

export default defineRule({
  id: 'kubernetes-version-eol',
  title: 'Kubernetes version is end-of-life or lacks CVE fixes',
  severity: 'high',
  category: 'control-plane',
  description:
    'A Kubernetes minor release gets security fixes for about 14 months; after its end of life, newly found vulnerabilities in the API server, kubelet and other components stay open for good. A patch release older than a published fix leaves a known, documented hole that attackers can look up.',
  remediation:
    'Upgrade the cluster to a supported minor release (one minor at a time, control plane first, then the nodes), and keep it on the latest patch release of that minor. Managed clusters: move to a version the provider still supports.',
  frameworks: {
    nsa: ['Upgrading and application security practices'],
    mitre: ['T1190', 'T1068'],
  },
  equivalents: {},
  fixable: false,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      version: {
        description: 'Kubernetes version of the cluster the manifests are deployed to (v1.N.P, 1.N.P or 1.N), checked when the input itself reveals no version.',
        type: 'string',
        pattern: '^v?1\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?$',
      },
    },
  },
  target: 'snapshot',
  examines(snapshot) {
    const objects = new Set(versionSources(snapshot).map(source => source.object));
    const carrier = optionCarrier.get(snapshot);
    if (carrier !== undefined) objects.add(carrier);
    return [...objects];
  },
  check(context) {
    const { snapshot } = context;
    const sources = versionSources(snapshot);
    const data = KUBERNETES_RELEASES;
    for (const source of sources) {
      const assessment = assessKubernetesVersion(source.version, source.context, data, data.asOf);
      const message = describe(source.subject, source.version, assessment);
      const severity = severityOf(assessment);
      if (message !== undefined) context.report(source.object, source.path, message, severity === undefined ? {} : { severity });
    }
    if (sources.length > 0) return;
    // No object states a version: judge the one the user declared, on the first object of the input.
    const declared = own(context.options, 'version');
    const first = snapshot.objects[0];
    const version = isString(declared) ? parseKubernetesVersion(declared, { optionalV: true, minorOnly: true }) : undefined;
    if (version === undefined || first === undefined) return;
    optionCarrier.set(snapshot, first);
    const assessment = assessKubernetesVersion(version, { components: ALL_COMPONENTS, windows: undefined }, data, data.asOf);
    const message = describe(`cluster version ${version.text} (the rule's \`version\` option)`, version, assessment);
    const severity = severityOf(assessment);
    if (message !== undefined) context.report(first, [], message, severity === undefined ? {} : { severity });
  },
});

