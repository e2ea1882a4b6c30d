import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { JsonRecord } from '../../snapshot/guards.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import { formatSelector } from '../../snapshot/label-selector.js';
import { effectivePolicyTypes, isNetworkPolicy, policyTarget } from './policy-types.js';

function types(spec: JsonRecord): { ingress: boolean; egress: boolean } | string {
  const result = effectivePolicyTypes(spec);
  return result.ok ? { ...result.types } : result.error;
}

function rejection(spec: JsonRecord): string {
  const result = effectivePolicyTypes(spec);
  if (result.ok) assert.fail('expected the policy types to be rejected');
  return result.error;
}

function policy(body: JsonRecord): KubeObject {
  const object = toKubeObject({ body: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'ns' }, ...body } });
  if (typeof object === 'string') assert.fail(object);
  return object;
}

describe('effectivePolicyTypes', () => {
  it('uses a written list as is', () => {
    assert.deepEqual(types({ policyTypes: ['Ingress'] }), { ingress: true, egress: false });
    assert.deepEqual(types({ policyTypes: ['Egress'] }), { ingress: false, egress: true });
    assert.deepEqual(types({ policyTypes: ['Egress', 'Ingress'] }), { ingress: true, egress: true });
    assert.deepEqual(types({ policyTypes: ['Ingress'], egress: [{}] }), { ingress: true, egress: false }, 'egress rules are ignored');
  });

  it('defaults to Ingress, plus Egress only for a non-empty egress list', () => {
    assert.deepEqual(types({}), { ingress: true, egress: false });
    assert.deepEqual(types({ egress: [{}] }), { ingress: true, egress: true });
    assert.deepEqual(types({ egress: [] }), { ingress: true, egress: false });
    assert.deepEqual(types({ egress: null, ingress: [{}] }), { ingress: true, egress: false });
  });

  it('treats an empty or null policyTypes as unwritten', () => {
    assert.deepEqual(types({ policyTypes: [] }), { ingress: true, egress: false });
    assert.deepEqual(types({ policyTypes: [], egress: [{}] }), { ingress: true, egress: true });
    assert.deepEqual(types({ policyTypes: null }), { ingress: true, egress: false });
  });

  it('rejects what API validation rejects', () => {
    assert.match(rejection({ policyTypes: ['Ingress', 'Outbound'] }), /policyTypes\[1\] must be Ingress or Egress, not "Outbound"/);
    assert.match(rejection({ policyTypes: ['ingress'] }), /must be Ingress or Egress/);
    assert.match(rejection({ policyTypes: [1] }), /not number/);
    assert.match(rejection({ policyTypes: ['Ingress', 'Egress', 'Ingress'] }), /more than two/);
    assert.match(rejection({ policyTypes: 'Ingress' }), /policyTypes must be a list/);
    assert.match(rejection({ egress: {} }), /egress must be a list/);
  });
});

describe('policyTarget', () => {
  it('reads podSelector and types; an absent podSelector or spec selects every pod', () => {
    const full = policyTarget(policy({ spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'] } }));
    assert.ok(full.ok);
    assert.equal(formatSelector(full.target.podSelector), 'app=web');
    assert.deepEqual(full.target.types, { ingress: false, egress: true });
    for (const body of [{ spec: { policyTypes: ['Ingress'] } }, {}, { spec: null }]) {
      const result = policyTarget(policy(body));
      assert.ok(result.ok);
      assert.equal(formatSelector(result.target.podSelector), '<all>');
      assert.deepEqual(result.target.types, { ingress: true, egress: false });
    }
  });

  it('reports why the API server would reject the policy', () => {
    const selector = policyTarget(policy({ spec: { podSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] } } }));
    if (selector.ok) assert.fail('expected the selector to be rejected');
    assert.match(selector.error, /^spec\.podSelector: matchExpressions\[0\]/);
    const spec = policyTarget(policy({ spec: 'deny' }));
    assert.equal(spec.ok, false);
  });

  it('recognises only networking.k8s.io/v1 NetworkPolicy', () => {
    assert.equal(isNetworkPolicy(policy({})), true);
    assert.equal(isNetworkPolicy(policy({ apiVersion: 'projectcalico.org/v3' })), false);
    assert.equal(isNetworkPolicy(policy({ kind: 'CiliumNetworkPolicy', apiVersion: 'cilium.io/v2' })), false);
  });
});
