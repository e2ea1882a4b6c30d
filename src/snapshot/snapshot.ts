import { getRecord, getString, getStringMap } from './guards.js';
import { isBuiltInKind, isCheckedCustomKind, isClusterScopedKind } from './kinds.js';
import type { KubeObject } from './kube-object.js';
import type { LabelSelector } from './label-selector.js';
import { matchesSelector } from './label-selector.js';
import type { PodSpecView, ShapeProblem, WorkloadKind } from './pod-spec.js';
import { extractPodSpec } from './pod-spec.js';

export interface SnapshotOptions {
  /** Namespace of namespaced objects that do not name one (kubectl's default is `default`). */
  readonly defaultNamespace?: string;
  /** Custom workload kinds with a pod template somewhere other than `spec.template`. */
  readonly workloads?: readonly WorkloadKind[];
}

const EMPTY: readonly KubeObject[] = Object.freeze([]);
const EMPTY_PODS: readonly PodSpecView[] = Object.freeze([]);

/**
 * Every object of one scan, indexed once. Immutable: engines and rules are pure functions of it,
 * so the same objects from files, a live cluster or an admission request give the same findings.
 */
export class ClusterSnapshot {
  readonly objects: readonly KubeObject[];
  readonly defaultNamespace: string;
  readonly podSpecs: readonly PodSpecView[];
  readonly shapeProblems: readonly ShapeProblem[];
  /**
   * Kinds no rule checks: neither built in, nor read by a rule, nor carrying a pod template, nor
   * defined by a CustomResourceDefinition in the input.
   */
  readonly unknownKinds: ReadonlyMap<string, number>;

  readonly #byKind = new Map<string, KubeObject[]>();
  readonly #customScopes = new Map<string, 'Namespaced' | 'Cluster'>();
  /** Built on first use: most scans never ask for most of them. */
  #lookups: Lookups | undefined;
  #podsByNamespace: Map<string, PodSpecView[]> | undefined;
  #podsByObject: Map<KubeObject, PodSpecView> | undefined;

  constructor(objects: readonly KubeObject[], options: SnapshotOptions = {}) {
    this.objects = Object.freeze([...objects]);
    this.defaultNamespace = options.defaultNamespace ?? 'default';
    for (const crd of objects) {
      if (crd.kind !== 'CustomResourceDefinition') continue;
      const spec = getRecord(crd.body, 'spec');
      const kind = getString(getRecord(spec, 'names'), 'kind');
      const scope = getString(spec, 'scope');
      if (kind !== undefined) this.#customScopes.set(kind, scope === 'Cluster' ? 'Cluster' : 'Namespaced');
    }
    const unknownKinds = new Map<string, number>();
    const podSpecs: PodSpecView[] = [];
    const problems: ShapeProblem[] = [];
    for (const object of this.objects) {
      push(this.#byKind, object.kind, object);
      const podSpec = extractPodSpec(object, this.namespaceOf(object) ?? this.defaultNamespace, problems, options.workloads);
      if (podSpec !== undefined) podSpecs.push(podSpec);
      // Custom resources with a pod template get every pod check, so they are not unknown either.
      else if (!isBuiltInKind(object.kind) && !isCheckedCustomKind(object.kind) && !this.#customScopes.has(object.kind)) {
        unknownKinds.set(object.kind, (unknownKinds.get(object.kind) ?? 0) + 1);
      }
    }
    this.podSpecs = Object.freeze(podSpecs);
    this.shapeProblems = Object.freeze(problems);
    this.unknownKinds = unknownKinds;
  }

  /** Effective namespace, or undefined for cluster-scoped kinds. */
  namespaceOf(object: KubeObject): string | undefined {
    const customScope = this.#customScopes.get(object.kind);
    const clusterScoped = customScope === undefined ? isClusterScopedKind(object.kind) : customScope === 'Cluster';
    if (clusterScoped) return undefined;
    return object.namespace ?? this.defaultNamespace;
  }

  ofKind(kind: string): readonly KubeObject[] {
    return this.#byKind.get(kind) ?? EMPTY;
  }

  inNamespace(namespace: string): readonly KubeObject[] {
    return this.#index().byNamespace.get(namespace) ?? EMPTY;
  }

  ofKindInNamespace(kind: string, namespace: string): readonly KubeObject[] {
    return this.#index().byKindAndNamespace.get(kind)?.get(namespace) ?? EMPTY;
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#index().byName.get(kind)?.get(namespace ?? '')?.get(name);
  }

  /** Objects carrying the label `key=value` on their own metadata. */
  withLabel(key: string, value: string): readonly KubeObject[] {
    return this.#index().byLabel.get(key)?.get(value) ?? EMPTY;
  }

  /** Namespaces the input declares or places objects in, sorted. */
  namespaces(): readonly string[] {
    const names = new Set(this.#index().byNamespace.keys());
    for (const namespace of this.ofKind('Namespace')) if (namespace.name !== '') names.add(namespace.name);
    return [...names].sort();
  }

  #index(): Lookups {
    if (this.#lookups !== undefined) return this.#lookups;
    const lookups: Lookups = { byNamespace: new Map(), byKindAndNamespace: new Map(), byName: new Map(), byLabel: new Map() };
    for (const object of this.objects) {
      const namespace = this.namespaceOf(object);
      if (namespace !== undefined) {
        push(lookups.byNamespace, namespace, object);
        push(inner(lookups.byKindAndNamespace, object.kind), namespace, object);
      }
      inner(inner(lookups.byName, object.kind), namespace ?? '').set(object.name, object);
      for (const [key, value] of getStringMap(getRecord(object.body, 'metadata'), 'labels')) push(inner(lookups.byLabel, key), value, object);
    }
    this.#lookups = lookups;
    return lookups;
  }

  /** Pod specs whose pods run in `namespace`. */
  podSpecsInNamespace(namespace: string): readonly PodSpecView[] {
    if (this.#podsByNamespace === undefined) {
      const byNamespace = new Map<string, PodSpecView[]>();
      for (const pod of this.podSpecs) push(byNamespace, pod.namespace, pod);
      this.#podsByNamespace = byNamespace;
    }
    return this.#podsByNamespace.get(namespace) ?? EMPTY_PODS;
  }

  /** Pod specs in `namespace` whose pod labels match `selector`. */
  podSpecsMatching(namespace: string, selector: LabelSelector): readonly PodSpecView[] {
    return this.podSpecsInNamespace(namespace).filter(pod => matchesSelector(selector, pod.labels));
  }

  /** The pod spec of a pod-bearing object, if it has one. */
  podSpecOf(object: KubeObject): PodSpecView | undefined {
    if (this.#podsByObject === undefined) {
      this.#podsByObject = new Map();
      for (const pod of this.podSpecs) this.#podsByObject.set(pod.object, pod);
    }
    return this.#podsByObject.get(object);
  }
}

interface Lookups {
  readonly byNamespace: Map<string, KubeObject[]>;
  readonly byKindAndNamespace: Map<string, Map<string, KubeObject[]>>;
  /** kind → namespace ('' for cluster-scoped) → name. */
  readonly byName: Map<string, Map<string, Map<string, KubeObject>>>;
  /** label key → value → objects. */
  readonly byLabel: Map<string, Map<string, KubeObject[]>>;
}

function inner<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let found = map.get(key);
  if (found === undefined) {
    found = new Map<K, V>();
    map.set(key, found);
  }
  return found;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
