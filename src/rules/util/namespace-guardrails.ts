import type { Path } from '../../load/path.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';

/** A namespace that runs pods, and where a finding about it belongs. */
export interface PodNamespace {
  readonly name: string;
  /** The built-in Namespace object, when the input declares it. */
  readonly declared: KubeObject | undefined;
  /** Pod-bearing objects in the namespace, in input order (never empty). */
  readonly podBearers: readonly KubeObject[];
}

/**
 * Namespaces that hold pod specs (Pods, workloads, Jobs, CronJobs, custom workloads; a
 * PodTemplate object runs nothing by itself), sorted by name.
 */
export function podNamespaces(snapshot: ClusterSnapshot): PodNamespace[] {
  const bearers = new Map<string, KubeObject[]>();
  for (const pod of snapshot.podSpecs) {
    if (isBuiltIn(pod.object, 'PodTemplate')) continue;
    const list = bearers.get(pod.namespace);
    if (list === undefined) bearers.set(pod.namespace, [pod.object]);
    else list.push(pod.object);
  }
  const declared = new Map<string, KubeObject>();
  for (const namespace of snapshot.ofKind('Namespace')) {
    if (isBuiltIn(namespace, 'Namespace') && namespace.name !== '' && !declared.has(namespace.name)) declared.set(namespace.name, namespace);
  }
  return [...bearers.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, podBearers]) => ({ name, declared: declared.get(name), podBearers }));
}

/** Where to report: the Namespace's name, or else the `metadata.namespace` of its first pod-bearing object. */
export function anchorOf(namespace: PodNamespace): { readonly object: KubeObject; readonly path: Path } {
  if (namespace.declared !== undefined) return { object: namespace.declared, path: ['metadata', 'name'] };
  const [first] = namespace.podBearers;
  if (first === undefined) throw new Error(`namespace ${namespace.name} has no pod-bearing object`);
  return { object: first, path: ['metadata', 'namespace'] };
}

/** `Deployment "web"`, `Deployment "web" and 2 other pod-bearing objects`. */
export function describePodBearers(namespace: PodNamespace): string {
  const [first] = namespace.podBearers;
  const name = first === undefined ? 'no object' : `${first.kind} "${first.name}"`;
  const others = namespace.podBearers.length - 1;
  if (others <= 0) return name;
  return `${name} and ${String(others)} other pod-bearing ${others === 1 ? 'object' : 'objects'}`;
}

/**
 * The subject of a namespace finding, ready to be followed by a verb: `namespace "shop", which
 * runs pods (Deployment "web"),` when the input declares it; otherwise it says that the namespace
 * is not in the input and which object places pods there.
 */
export function describeNamespace(namespace: PodNamespace, snapshot: ClusterSnapshot): string {
  if (namespace.declared !== undefined) return `namespace "${namespace.name}", which runs pods (${describePodBearers(namespace)}),`;
  const implicit = namespace.name === snapshot.defaultNamespace ? ' (where objects without metadata.namespace land)' : '';
  const verb = namespace.podBearers.length > 1 ? 'run' : 'runs';
  return `namespace "${namespace.name}"${implicit}, which is not itself in the input but where ${describePodBearers(namespace)} ${verb} pods,`;
}
