import { asArray, isRecord, isString, own } from '../../snapshot/guards.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { LabelSelector } from '../../snapshot/label-selector.js';
import { parseLabelSelector } from '../../snapshot/label-selector.js';

/**
 * networking.k8s.io/v1 NetworkPolicy: which pods a policy isolates and in which directions.
 * Shared by the rules and the NetworkPolicy engine so both read a policy the way the API server
 * stores it (after defaulting) and both ignore a policy the API server would reject.
 */
export const NETWORK_POLICY_API_VERSION = 'networking.k8s.io/v1';

/** Directions a policy isolates the pods it selects in. */
export interface PolicyTypes {
  readonly ingress: boolean;
  readonly egress: boolean;
}

export type ParsedPolicyTypes = { readonly ok: true; readonly types: PolicyTypes } | { readonly ok: false; readonly error: string };

/** What one policy does to pod isolation: the pods it selects, the directions it isolates. */
export interface PolicyTarget {
  readonly policy: KubeObject;
  readonly podSelector: LabelSelector;
  readonly types: PolicyTypes;
}

export type ParsedPolicyTarget = { readonly ok: true; readonly target: PolicyTarget } | { readonly ok: false; readonly error: string };

/** Core NetworkPolicy only: Calico and Cilium also name kinds `NetworkPolicy`, with other schemas. */
export function isNetworkPolicy(object: KubeObject): boolean {
  return object.kind === 'NetworkPolicy' && object.apiVersion === NETWORK_POLICY_API_VERSION;
}

/**
 * Effective `policyTypes`, as the API server defaults them: a written non-empty list wins;
 * otherwise `Ingress`, plus `Egress` when the policy has at least one egress rule. An empty list
 * counts as unwritten and so does `egress: []` (the defaulting tests lengths, not presence).
 * Values other than Ingress/Egress, or more than two entries, are rejected by validation.
 */
export function effectivePolicyTypes(spec: JsonRecord): ParsedPolicyTypes {
  const egress = own(spec, 'egress');
  let egressRules = 0;
  if (egress !== undefined && egress !== null) {
    const list = asArray(egress);
    if (list === undefined) return { ok: false, error: 'spec.egress must be a list' };
    egressRules = list.length;
  }
  const written = own(spec, 'policyTypes');
  if (written !== undefined && written !== null) {
    const list = asArray(written);
    if (list === undefined) return { ok: false, error: 'spec.policyTypes must be a list' };
    if (list.length > 2) return { ok: false, error: 'spec.policyTypes may not list more than two types' };
    let ingress = false;
    let isEgress = false;
    for (const [index, value] of list.entries()) {
      if (value === 'Ingress') ingress = true;
      else if (value === 'Egress') isEgress = true;
      else {
        const shown = isString(value) ? `"${value}"` : typeof value;
        return { ok: false, error: `spec.policyTypes[${String(index)}] must be Ingress or Egress, not ${shown}` };
      }
    }
    if (list.length > 0) return { ok: true, types: { ingress, egress: isEgress } };
  }
  return { ok: true, types: { ingress: true, egress: egressRules > 0 } };
}

/**
 * The pods a policy selects (`spec.podSelector`; absent or `{}` selects every pod in the
 * namespace) and the directions it isolates them in. An error means the API server would reject
 * the policy, so it isolates nothing.
 */
export function policyTarget(policy: KubeObject): ParsedPolicyTarget {
  const rawSpec = own(policy.body, 'spec');
  let spec: JsonRecord = {};
  if (rawSpec !== undefined && rawSpec !== null) {
    if (!isRecord(rawSpec)) return { ok: false, error: 'spec must be a mapping' };
    spec = rawSpec;
  }
  const selector = parseLabelSelector(own(spec, 'podSelector'));
  if (!selector.ok) return { ok: false, error: `spec.podSelector: ${selector.error}` };
  const types = effectivePolicyTypes(spec);
  if (!types.ok) return types;
  return { ok: true, target: { policy, podSelector: selector.selector, types: types.types } };
}
