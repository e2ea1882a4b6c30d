import type { Path } from '../../load/path.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { getArray, getRecord, getString, hasOwn, isRecord, own, stringList } from '../../snapshot/guards.js';
import { matchesSelector, parseLabelSelector } from '../../snapshot/label-selector.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';

/** Node labels whose domains are single nodes, zones or regions. */
export const SPREAD_TOPOLOGY_KEYS: readonly string[] = [
  'kubernetes.io/hostname',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
];

/** A spreading instruction that does not spread the pod's own replicas, and why. */
export interface IneffectiveSpread {
  readonly path: Path;
  readonly reason: string;
}

export interface SpreadAssessment {
  /** A topology spread constraint or pod anti-affinity term that spreads the pod's own replicas. */
  readonly spreads: boolean;
  /** Constraints and terms that are present but do not spread the replicas, in spec order. */
  readonly ineffective: readonly IneffectiveSpread[];
}

/**
 * Whether the pod spec spreads its own replicas across nodes or zones, by either:
 * - a `topologySpreadConstraints` entry (any topologyKey, hard or soft) whose labelSelector
 *   matches the pod's own labels: the scheduler counts only pods the selector matches, and a
 *   missing selector matches none;
 * - a required or preferred `podAntiAffinity` term on a node, zone or region key whose
 *   labelSelector matches the pod's own labels (a null selector matches no pod), that looks in the
 *   pod's own namespace, and whose `mismatchLabelKeys` do not exclude the pod's own replicas.
 */
export function assessSpread(pod: PodSpecView): SpreadAssessment {
  const ineffective: IneffectiveSpread[] = [];
  let spreads = false;
  for (const [index, constraint] of (getArray(pod.spec, 'topologySpreadConstraints') ?? []).entries()) {
    const path = [...pod.specPath, 'topologySpreadConstraints', index];
    if (!isRecord(constraint)) continue;
    const reason = selectorProblem(constraint, pod);
    if (reason === undefined) spreads = true;
    else ineffective.push({ path, reason: `topologySpreadConstraints[${String(index)}] ${reason}` });
  }
  const antiAffinity = getRecord(getRecord(pod.spec, 'affinity'), 'podAntiAffinity');
  const terms: { term: unknown; path: Path; label: string }[] = [];
  for (const [index, term] of (getArray(antiAffinity, 'requiredDuringSchedulingIgnoredDuringExecution') ?? []).entries()) {
    terms.push({ term, path: [...pod.specPath, 'affinity', 'podAntiAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', index], label: 'required pod anti-affinity term' });
  }
  for (const [index, weighted] of (getArray(antiAffinity, 'preferredDuringSchedulingIgnoredDuringExecution') ?? []).entries()) {
    const term = isRecord(weighted) ? own(weighted, 'podAffinityTerm') : undefined;
    terms.push({ term, path: [...pod.specPath, 'affinity', 'podAntiAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', index, 'podAffinityTerm'], label: 'preferred pod anti-affinity term' });
  }
  for (const { term, path, label } of terms) {
    if (!isRecord(term)) continue;
    const reason = antiAffinityProblem(term, pod);
    if (reason === undefined) spreads = true;
    else ineffective.push({ path, reason: `the ${label} ${reason}` });
  }
  return { spreads, ineffective };
}

function describeLabels(labels: ReadonlyMap<string, string>): string {
  return labels.size === 0 ? 'it has no labels' : [...labels].map(([key, value]) => `${key}=${value}`).join(',');
}

/** Why the entry's labelSelector does not count the pod's own replicas, or undefined when it does. */
function selectorProblem(entry: JsonRecord, pod: PodSpecView): string | undefined {
  const raw = own(entry, 'labelSelector');
  if (raw === undefined || raw === null) return 'has no labelSelector, so it counts no pods';
  const parsed = parseLabelSelector(raw);
  if (!parsed.ok) return `has an invalid labelSelector (${parsed.error})`;
  if (!matchesSelector(parsed.selector, pod.labels)) return `has a labelSelector that does not match the pod's own labels (${describeLabels(pod.labels)})`;
  return undefined;
}

function antiAffinityProblem(term: JsonRecord, pod: PodSpecView): string | undefined {
  const key = getString(term, 'topologyKey');
  if (key === undefined || !SPREAD_TOPOLOGY_KEYS.includes(key)) {
    return key === undefined ? 'has no topologyKey' : `uses topologyKey "${key}", which is neither the node's hostname nor its zone or region`;
  }
  const selector = selectorProblem(term, pod);
  if (selector !== undefined) return selector;
  const excluded = stringList(own(term, 'mismatchLabelKeys')).filter(label => pod.labels.has(label));
  if (excluded.length > 0) return `lists the pod's own label ${excluded.map(label => `"${label}"`).join(', ')} in mismatchLabelKeys, which excludes its own replicas`;
  const namespaces = stringList(own(term, 'namespaces'));
  const hasNamespaceSelector = hasOwn(term, 'namespaceSelector') && own(term, 'namespaceSelector') !== null;
  if (namespaces.length > 0 && !hasNamespaceSelector && !namespaces.includes(pod.namespace)) {
    return `only looks at pods in ${namespaces.length === 1 ? 'namespace' : 'namespaces'} ${namespaces.map(name => `"${name}"`).join(', ')}, not the pod's own "${pod.namespace}"`;
  }
  return undefined;
}
