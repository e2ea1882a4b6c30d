import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { KubeObject } from '../../snapshot/kube-object.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { limitRangeDefaults } from './quantity-defaults.js';
import { isEphemeralStorageLimitMissing } from './storage-defaults.js';

function object(body: Record<string, unknown>): KubeObject {
  const result = toKubeObject({ body });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

function missing(container: Record<string, unknown>, limitItems: Record<string, unknown>[] = [], podResources?: Record<string, unknown>): boolean {
  const objects = [
    object({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns' },
      spec: { containers: [{ name: 'c', image: 'c:1', ...container }], ...(podResources === undefined ? {} : { resources: podResources }) },
    }),
  ];
  if (limitItems.length > 0) objects.push(object({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr', namespace: 'ns' }, spec: { limits: limitItems } }));
  const snapshot = new ClusterSnapshot(objects);
  const [view] = snapshot.podSpecs;
  assert.ok(view !== undefined);
  const [first] = view.containers;
  assert.ok(first !== undefined);
  return isEphemeralStorageLimitMissing(first, limitRangeDefaults(snapshot, view.namespace));
}

describe('isEphemeralStorageLimitMissing', () => {
  it('accepts the container\'s own limit', () => {
    assert.equal(missing({ resources: { limits: { 'ephemeral-storage': '2Gi' } } }), false);
    assert.equal(missing({ resources: { limits: { 'ephemeral-storage': 0 } } }), false);
  });

  it('does not take a request for a limit', () => {
    assert.equal(missing({ resources: { requests: { 'ephemeral-storage': '1Gi' } } }), true);
    assert.equal(missing({ resources: { limits: { 'ephemeral-storage': '' } } }), true);
  });

  it('accepts LimitRange default or max for containers, not defaultRequest or Pod items', () => {
    assert.equal(missing({}, [{ type: 'Container', default: { 'ephemeral-storage': '1Gi' } }]), false);
    assert.equal(missing({}, [{ type: 'Container', max: { 'ephemeral-storage': '4Gi' } }]), false);
    assert.equal(missing({}, [{ type: 'Container', defaultRequest: { 'ephemeral-storage': '1Gi' } }]), true);
    assert.equal(missing({}, [{ type: 'Pod', max: { 'ephemeral-storage': '4Gi' } }]), true);
  });

  it('ignores pod-level resources, which cannot carry ephemeral storage', () => {
    assert.equal(missing({}, [], { limits: { 'ephemeral-storage': '4Gi' } }), true);
  });
});
