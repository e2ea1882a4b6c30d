import { isBuiltIn } from '../snapshot/kinds.js';
import type { KubeObject } from '../snapshot/kube-object.js';
import { getRecord, getStringMap } from '../snapshot/guards.js';
import type { ClusterSnapshot } from '../snapshot/snapshot.js';
import type { Suppression } from './finding.js';

export const IGNORE_ANNOTATION = 'kubeward.io/ignore';
export const IGNORE_REASON_ANNOTATION = 'kubeward.io/ignore-reason';

/** A config-file exemption: every listed dimension must match; an absent one matches all. */
export interface Exemption {
  /** Rule ids; undefined exempts every rule. */
  readonly rules?: readonly string[];
  readonly namespaces?: readonly string[];
  readonly kinds?: readonly string[];
  /** Object names; `*` matches any run of characters. */
  readonly names?: readonly string[];
  readonly reason: string;
}

export type Suppressor = (object: KubeObject, ruleId: string) => Suppression | undefined;

/**
 * Decides whether a finding is suppressed: by the object's own `kubeward.io/ignore` annotation
 * (also honoured on a workload's pod template), or by an exemption in the config file.
 */
export function createSuppressor(snapshot: ClusterSnapshot, exemptions: readonly Exemption[]): Suppressor {
  const podAnnotations = new Map<KubeObject, ReadonlyMap<string, string>>();
  for (const pod of snapshot.podSpecs) podAnnotations.set(pod.object, pod.annotations);
  const compiled = exemptions.map(compileExemption);
  // Parsed once per object: an object with findings usually has several.
  const ignores = new Map<KubeObject, readonly AnnotationIgnore[]>();
  return (object, ruleId) => {
    let own = ignores.get(object);
    if (own === undefined) {
      own = [readIgnore(getStringMap(getRecord(object.body, 'metadata'), 'annotations')), readIgnore(podAnnotations.get(object))].filter(
        (ignore): ignore is AnnotationIgnore => ignore !== undefined,
      );
      ignores.set(object, own);
    }
    for (const ignore of own) {
      if (ignore.all || ignore.rules.has(ruleId)) return { reason: ignore.reason, by: 'annotation' };
    }
    if (compiled.length === 0) return undefined;
    // A Namespace belongs to itself, so `namespaces: [kube-system]` also exempts the kube-system object.
    const namespace = snapshot.namespaceOf(object) ?? (isBuiltIn(object, 'Namespace') ? object.name : undefined);
    for (const exemption of compiled) {
      if (exemption.matches(object, namespace, ruleId)) return { reason: exemption.reason, by: 'config' };
    }
    return undefined;
  };
}

interface AnnotationIgnore {
  readonly rules: ReadonlySet<string>;
  readonly all: boolean;
  readonly reason: string;
}

function readIgnore(annotations: ReadonlyMap<string, string> | undefined): AnnotationIgnore | undefined {
  const value = annotations?.get(IGNORE_ANNOTATION);
  if (value === undefined) return undefined;
  const rules = new Set(value.split(',').map(id => id.trim()));
  const reason = annotations?.get(IGNORE_REASON_ANNOTATION)?.trim();
  return {
    rules,
    all: rules.has('*') || rules.has('all'),
    reason: reason === undefined || reason === '' ? `${IGNORE_ANNOTATION} annotation` : reason,
  };
}

function compileExemption(exemption: Exemption): { reason: string; matches(object: KubeObject, namespace: string | undefined, ruleId: string): boolean } {
  const names = exemption.names?.map(globToRegExp);
  return {
    reason: exemption.reason,
    matches(object, namespace, ruleId) {
      if (exemption.rules !== undefined && !exemption.rules.includes(ruleId)) return false;
      if (exemption.kinds !== undefined && !exemption.kinds.includes(object.kind)) return false;
      if (exemption.namespaces !== undefined && (namespace === undefined || !exemption.namespaces.includes(namespace))) return false;
      if (names !== undefined && !names.some(pattern => pattern.test(object.name))) return false;
      return true;
    },
  };
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
  return new RegExp(`^${escaped}$`);
}
