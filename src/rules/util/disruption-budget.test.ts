import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { KubeObject } from '../../snapshot/kube-object.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { budgetSelects, budgetsByNamespace, budgetView, parseBudgetValue } from './disruption-budget.js';

function pdb(apiVersion: string, spec: Record<string, unknown> | undefined, name = 'pdb'): KubeObject {
  const result = toKubeObject({ body: { apiVersion, kind: 'PodDisruptionBudget', metadata: { name, namespace: 'shop' }, ...(spec === undefined ? {} : { spec }) } });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

function view(object: KubeObject) {
  return budgetView(new ClusterSnapshot([object]), object);
}

const APP = new Map([['app', 'web']]);

describe('parseBudgetValue', () => {
  it('accepts non-negative integers and percentages up to 100%', () => {
    assert.deepEqual(parseBudgetValue(0), { kind: 'count', value: 0 });
    assert.deepEqual(parseBudgetValue(3), { kind: 'count', value: 3 });
    assert.deepEqual(parseBudgetValue('0%'), { kind: 'percent', value: 0 });
    assert.deepEqual(parseBudgetValue('100%'), { kind: 'percent', value: 100 });
    assert.equal(parseBudgetValue(undefined), undefined);
    assert.equal(parseBudgetValue(null), undefined);
  });

  it('rejects what the API server rejects', () => {
    for (const value of [-1, 1.5, '1', '101%', '50 %', 'half', true, {}]) assert.equal(parseBudgetValue(value), 'invalid', JSON.stringify(value));
  });
});

describe('budgetView', () => {
  it('reads selector semantics per API version', () => {
    const everything = view(pdb('policy/v1', { maxUnavailable: 1, selector: {} }));
    assert.ok(everything !== undefined);
    assert.equal(budgetSelects(everything, APP), true);
    const legacyEmpty = view(pdb('policy/v1beta1', { maxUnavailable: 1, selector: {} }));
    assert.ok(legacyEmpty !== undefined);
    assert.equal(budgetSelects(legacyEmpty, APP), false);
    const none = view(pdb('policy/v1', { maxUnavailable: 1 }));
    assert.ok(none !== undefined);
    assert.equal(budgetSelects(none, APP), false);
    const matching = view(pdb('policy/v1', { maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } }));
    assert.ok(matching !== undefined);
    assert.equal(budgetSelects(matching, APP), true);
    assert.equal(budgetSelects(matching, new Map([['app', 'api']])), false);
  });

  it('records which field is set, with its path and text', () => {
    const budget = view(pdb('policy/v1', { minAvailable: '50%', selector: {} }));
    assert.ok(budget !== undefined);
    assert.deepEqual(budget.minAvailable, { value: { kind: 'percent', value: 50 }, path: ['spec', 'minAvailable'], text: '"50%"' });
    assert.equal(budget.maxUnavailable, undefined);
    assert.equal(budget.v1, true);
  });

  it('drops budgets the API server would reject, and look-alike kinds', () => {
    assert.equal(view(pdb('policy/v1', { minAvailable: 1, maxUnavailable: 1, selector: {} })), undefined);
    assert.equal(view(pdb('policy/v1', { minAvailable: '1', selector: {} })), undefined);
    assert.equal(view(pdb('policy/v1', { maxUnavailable: 1, selector: { matchLabels: 'app=web' } })), undefined);
    assert.equal(view(pdb('policy.example.io/v1', { maxUnavailable: 0, selector: {} })), undefined);
  });

  it('keeps a budget without any field', () => {
    const budget = view(pdb('policy/v1', undefined));
    assert.ok(budget !== undefined);
    assert.equal(budget.minAvailable, undefined);
    assert.equal(budget.maxUnavailable, undefined);
  });
});

describe('budgetsByNamespace', () => {
  it('groups accepted budgets by namespace in input order, once per snapshot', () => {
    const snapshot = new ClusterSnapshot([pdb('policy/v1', { maxUnavailable: 1 }, 'a'), pdb('policy/v1', { minAvailable: 1, maxUnavailable: 1 }, 'bad'), pdb('policy/v1', { minAvailable: 1 }, 'b')]);
    const index = budgetsByNamespace(snapshot);
    assert.deepEqual(
      (index.get('shop') ?? []).map(budget => budget.object.name),
      ['a', 'b'],
    );
    assert.equal(budgetsByNamespace(snapshot), index);
  });
});
