import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { KubeObject } from '../../snapshot/kube-object.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import type { ComputeResource, ResourceBound } from './quantity-defaults.js';
import { isQuantitySet, isResourceMissing, limitRangeDefaults, resourceBearingContainers } from './quantity-defaults.js';

function object(body: Record<string, unknown>): KubeObject {
  const result = toKubeObject({ body });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

function limitRange(namespace: string, item: Record<string, unknown>): KubeObject {
  return object({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace }, spec: { limits: [item] } });
}

function pod(namespace: string, spec: Record<string, unknown>): KubeObject {
  return object({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace }, spec });
}

/** `bound/resource` pairs still missing for the first container of the only pod in `objects`. */
function missing(objects: KubeObject[]): string[] {
  const snapshot = new ClusterSnapshot(objects);
  const [view] = snapshot.podSpecs;
  assert.ok(view !== undefined);
  const [container] = view.containers;
  assert.ok(container !== undefined);
  const defaults = limitRangeDefaults(snapshot, view.namespace);
  const result: string[] = [];
  for (const bound of ['requests', 'limits'] satisfies ResourceBound[]) {
    for (const resource of ['cpu', 'memory'] satisfies ComputeResource[]) {
      if (isResourceMissing(view, container, defaults, bound, resource)) result.push(`${bound}/${resource}`);
    }
  }
  return result;
}

const ALL = ['requests/cpu', 'requests/memory', 'limits/cpu', 'limits/memory'];

describe('isQuantitySet', () => {
  it('accepts strings and numbers, zero included', () => {
    assert.equal(isQuantitySet({ cpu: '500m' }, 'cpu'), true);
    assert.equal(isQuantitySet({ cpu: 0 }, 'cpu'), true);
    assert.equal(isQuantitySet({ cpu: 1.5 }, 'cpu'), true);
    assert.equal(isQuantitySet({ cpu: '0' }, 'cpu'), true);
  });

  it('rejects absent, null, empty and non-quantity values', () => {
    assert.equal(isQuantitySet(undefined, 'cpu'), false);
    assert.equal(isQuantitySet({}, 'cpu'), false);
    assert.equal(isQuantitySet({ cpu: null }, 'cpu'), false);
    assert.equal(isQuantitySet({ cpu: '' }, 'cpu'), false);
    assert.equal(isQuantitySet({ cpu: ' ' }, 'cpu'), false);
    assert.equal(isQuantitySet({ cpu: true }, 'cpu'), false);
    assert.equal(isQuantitySet({ cpu: { value: 1 } }, 'cpu'), false);
  });
});

describe('isResourceMissing', () => {
  it('reports everything for a container without resources', () => {
    assert.deepEqual(missing([pod('shop', { containers: [{ name: 'web', image: 'web:1' }] })]), ALL);
  });

  it('takes a limit as the request, as the API server defaults it', () => {
    const spec = { containers: [{ name: 'web', image: 'web:1', resources: { limits: { cpu: '1', memory: '256Mi' } } }] };
    assert.deepEqual(missing([pod('shop', spec)]), []);
  });

  it('does not take a request as the limit', () => {
    const spec = { containers: [{ name: 'web', image: 'web:1', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] };
    assert.deepEqual(missing([pod('shop', spec)]), ['limits/cpu', 'limits/memory']);
  });

  it('counts pod-level resources', () => {
    const spec = { resources: { limits: { memory: '1Gi' }, requests: { cpu: '500m' } }, containers: [{ name: 'web', image: 'web:1' }] };
    assert.deepEqual(missing([pod('shop', spec)]), ['limits/cpu']);
  });

  it('applies LimitRange defaults of the pod namespace only', () => {
    const spec = { containers: [{ name: 'web', image: 'web:1' }] };
    const range = limitRange('shop', { type: 'Container', default: { memory: '512Mi' }, defaultRequest: { cpu: '100m' } });
    assert.deepEqual(missing([range, pod('shop', spec)]), ['limits/cpu']);
    assert.deepEqual(missing([range, pod('billing', spec)]), ALL);
  });

  it('follows LimitRange item defaulting: max fills default, min fills defaultRequest', () => {
    const spec = { containers: [{ name: 'web', image: 'web:1' }] };
    assert.deepEqual(missing([limitRange('shop', { type: 'Container', max: { cpu: '2' } }), pod('shop', spec)]), ['requests/memory', 'limits/memory']);
    assert.deepEqual(missing([limitRange('shop', { type: 'Container', min: { memory: '64Mi' } }), pod('shop', spec)]), ['requests/cpu', 'limits/cpu', 'limits/memory']);
  });

  it('ignores LimitRange items of other types', () => {
    const spec = { containers: [{ name: 'web', image: 'web:1' }] };
    const range = limitRange('shop', { type: 'Pod', max: { cpu: '4', memory: '4Gi' } });
    assert.deepEqual(missing([range, pod('shop', spec)]), ALL);
  });
});

describe('resourceBearingContainers', () => {
  it('keeps regular and init containers and drops ephemeral ones', () => {
    const snapshot = new ClusterSnapshot([
      pod('shop', {
        initContainers: [{ name: 'migrate', image: 'm:1' }],
        containers: [{ name: 'web', image: 'web:1' }],
        ephemeralContainers: [{ name: 'debugger', image: 'busybox:1.36' }],
      }),
    ]);
    const [view] = snapshot.podSpecs;
    assert.ok(view !== undefined);
    assert.deepEqual(
      resourceBearingContainers(view).map(container => container.name),
      ['web', 'migrate'],
    );
  });
});
