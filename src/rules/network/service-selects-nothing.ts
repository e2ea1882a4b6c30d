import { getRecord, getString, isString } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';

interface SelectingService {
  readonly service: KubeObject;
  readonly namespace: string;
  /** `spec.selector` as label pairs, in written order. */
  readonly selector: readonly (readonly [string, string])[];
}

/**
 * Core Services whose selector the endpoints controller uses: not ExternalName, with a non-empty
 * `spec.selector` of string values (a Service without one has hand-managed endpoints; the API
 * server rejects non-string values).
 */
function selectingServices(snapshot: ClusterSnapshot): readonly SelectingService[] {
  let found = selectingCache.get(snapshot);
  if (found === undefined) {
    found = collectSelectingServices(snapshot);
    selectingCache.set(snapshot, found);
  }
  return found;
}

/** `check` and `examines` both need the list; the snapshot is immutable, so it is built once. */
const selectingCache = new WeakMap<ClusterSnapshot, readonly SelectingService[]>();

function collectSelectingServices(snapshot: ClusterSnapshot): SelectingService[] {
  const found: SelectingService[] = [];
  for (const service of snapshot.ofKind('Service')) {
    if (!isBuiltIn(service, 'Service')) continue;
    const spec = getRecord(service.body, 'spec');
    if (getString(spec, 'type') === 'ExternalName') continue;
    const entries = Object.entries(getRecord(spec, 'selector') ?? {});
    if (entries.length === 0) continue;
    const selector: (readonly [string, string])[] = [];
    for (const [key, value] of entries) {
      if (!isString(value)) break;
      selector.push([key, value]);
    }
    if (selector.length !== entries.length) continue;
    found.push({ service, namespace: snapshot.namespaceOf(service) ?? snapshot.defaultNamespace, selector });
  }
  return found;
}

/** Pod specs of one namespace by `key=value` label, built once per namespace asked about. */
class PodLabelIndex {
  readonly #snapshot: ClusterSnapshot;
  readonly #byNamespace = new Map<string, Map<string, PodSpecView[]>>();

  constructor(snapshot: ClusterSnapshot) {
    this.#snapshot = snapshot;
  }

  withLabel(namespace: string, key: string, value: string): readonly PodSpecView[] {
    return this.#labels(namespace).get(`${key}\u0000${value}`) ?? [];
  }

  #labels(namespace: string): Map<string, PodSpecView[]> {
    let labels = this.#byNamespace.get(namespace);
    if (labels === undefined) {
      labels = new Map();
      for (const pod of this.#snapshot.podSpecsInNamespace(namespace)) {
        for (const [key, value] of pod.labels) {
          const entry = `${key}\u0000${value}`;
          const list = labels.get(entry);
          if (list === undefined) labels.set(entry, [pod]);
          else list.push(pod);
        }
      }
      this.#byNamespace.set(namespace, labels);
    }
    return labels;
  }
}

function matchesAll(pod: PodSpecView, selector: SelectingService['selector']): boolean {
  return selector.every(([key, value]) => pod.labels.get(key) === value);
}

/** The pod spec that carries the most of the selector's labels (at least one), and what it lacks. */
function closest(index: PodLabelIndex, entry: SelectingService): { pod: PodSpecView; missing: string[] } | undefined {
  const counts = new Map<PodSpecView, number>();
  for (const [key, value] of entry.selector) {
    for (const pod of index.withLabel(entry.namespace, key, value)) counts.set(pod, (counts.get(pod) ?? 0) + 1);
  }
  let best: PodSpecView | undefined;
  let bestCount = 0;
  for (const [pod, count] of counts) {
    if (count > bestCount) {
      best = pod;
      bestCount = count;
    }
  }
  if (best === undefined) return undefined;
  const pod = best;
  const missing = entry.selector.filter(([key, value]) => pod.labels.get(key) !== value).map(([key, value]) => `${key}=${value}`);
  return { pod, missing };
}

export default defineRule({
  id: 'service-selects-nothing',
  title: 'Service selector matches no pod',
  severity: 'low',
  category: 'network',
  description:
    'A Service whose selector matches no pod template in its namespace has no endpoints: clients get connection errors, usually because a label was renamed on one side only. The dangling selector is also a trap: any pod later created in the namespace with those labels, by whoever may create pods there, starts receiving the Service\'s traffic.',
  remediation:
    'Make `spec.selector` match the labels of the pod template it is meant for (`spec.template.metadata.labels` of the Deployment or StatefulSet), or delete the Service if the workload is gone.',
  frameworks: {},
  equivalents: {
    'kube-score': 'service-targets-pod',
    'kube-linter': 'dangling-service',
    kubescape: 'C-0293',
  },
  fixable: false,
  target: 'snapshot',
  examines(snapshot) {
    return selectingServices(snapshot).map(entry => entry.service);
  },
  check(context) {
    const { snapshot } = context;
    const index = new PodLabelIndex(snapshot);
    for (const entry of selectingServices(snapshot)) {
      const pods = snapshot.podSpecsInNamespace(entry.namespace);
      // Without any pod template in the namespace the input is partial (Services scanned apart
      // from their workloads): nothing can be concluded.
      if (pods.length === 0) continue;
      let candidates: readonly PodSpecView[] | undefined;
      for (const [key, value] of entry.selector) {
        const withLabel = index.withLabel(entry.namespace, key, value);
        if (candidates === undefined || withLabel.length < candidates.length) candidates = withLabel;
      }
      if ((candidates ?? []).some(pod => matchesAll(pod, entry.selector))) continue;
      const selector = entry.selector.map(([key, value]) => `${key}=${value}`).join(',');
      const near = closest(index, entry);
      const hint = near === undefined ? '' : ` (closest: ${near.pod.object.kind} "${near.pod.object.name}" lacks ${near.missing.join(',')})`;
      const labels = entry.selector.length === 1 ? 'this label' : 'all of these labels';
      context.report(
        entry.service,
        ['spec', 'selector'],
        `Service "${entry.service.name}" selects ${selector}, but ${pods.length === 1 ? 'the one pod template' : `none of the ${String(pods.length)} pod templates`} of namespace "${entry.namespace}" in the input ${pods.length === 1 ? 'does not carry' : 'carries'} ${labels}${hint}: the Service has no endpoints, and any pod later created there with these labels receives its traffic`,
      );
    }
  },
});
