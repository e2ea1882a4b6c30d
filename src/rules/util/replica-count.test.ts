import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { runRules } from '../../scan/run-rules.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import singleReplica from '../workload/single-replica.js';
import { autoscalerIndex, declaredReplicas, replicaRange } from './replica-count.js';

function object(body: Record<string, unknown>): KubeObject {
  const result = toKubeObject({ body });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

function deployment(name: string, spec: Record<string, unknown> = {}, apiVersion = 'apps/v1', namespace = 'shop'): KubeObject {
  return object({
    apiVersion,
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { ...spec, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `${name}:1` }] } } },
  });
}

function hpa(name: string, target: Record<string, unknown>, bounds: Record<string, unknown>, namespace = 'shop'): KubeObject {
  return object({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace }, spec: { scaleTargetRef: target, ...bounds } });
}

describe('declaredReplicas', () => {
  it('defaults absent and null counts to 1 for the built-in replicated kinds', () => {
    assert.deepEqual(declaredReplicas(deployment('a')), { count: 1, written: false, path: ['spec', 'replicas'] });
    assert.deepEqual(declaredReplicas(deployment('a', { replicas: null })), { count: 1, written: false, path: ['spec', 'replicas'] });
    assert.equal(declaredReplicas(deployment('a', { replicas: 3 }))?.count, 3);
    assert.equal(declaredReplicas(deployment('a', { replicas: 0 }))?.count, 0);
  });

  it('rejects what the API server rejects', () => {
    assert.equal(declaredReplicas(deployment('a', { replicas: '3' })), undefined);
    assert.equal(declaredReplicas(deployment('a', { replicas: -1 })), undefined);
    assert.equal(declaredReplicas(deployment('a', { replicas: 1.5 })), undefined);
  });

  it('assumes nothing for custom kinds', () => {
    const rollout = (spec: Record<string, unknown>) => object({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'r' }, spec });
    assert.equal(declaredReplicas(rollout({})), undefined);
    assert.equal(declaredReplicas(rollout({ replicas: 4 }))?.count, 4);
  });
});

describe('autoscaler targeting', () => {
  it('matches kind, name, namespace and API group', () => {
    const web = deployment('web', { replicas: 1 });
    const snapshot = new ClusterSnapshot([
      web,
      hpa('right', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, { minReplicas: 2, maxReplicas: 5 }),
      hpa('no-group', { kind: 'Deployment', name: 'web' }, { minReplicas: 3, maxReplicas: 5 }),
      hpa('other-name', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, { maxReplicas: 5 }),
      hpa('other-namespace', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, { maxReplicas: 5 }, 'other'),
      hpa('custom-group', { apiVersion: 'apps.example.io/v1', kind: 'Deployment', name: 'web' }, { maxReplicas: 5 }),
    ]);
    assert.deepEqual(
      autoscalerIndex(snapshot)
        .targeting(web)
        .map(view => view.object.name),
      ['right'],
    );
  });

  it('treats apps and extensions as the same group for Deployments', () => {
    const legacy = deployment('web', {}, 'extensions/v1beta1');
    const snapshot = new ClusterSnapshot([legacy, hpa('web', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, { maxReplicas: 4 })]);
    assert.equal(autoscalerIndex(snapshot).targeting(legacy).length, 1);
  });

  it('builds the index once per snapshot', () => {
    const snapshot = new ClusterSnapshot([deployment('web')]);
    assert.equal(autoscalerIndex(snapshot), autoscalerIndex(snapshot));
  });
});

describe('replicaRange', () => {
  it('uses the declared count without an autoscaler', () => {
    const web = deployment('web', { replicas: 3 });
    assert.deepEqual(replicaRange(web, autoscalerIndex(new ClusterSnapshot([web])))?.max, 3);
  });

  it('lets an autoscaler set the range, with minReplicas defaulting to 1', () => {
    const web = deployment('web', { replicas: 4 });
    const snapshot = new ClusterSnapshot([web, hpa('web', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, { maxReplicas: 6 })]);
    const range = replicaRange(web, autoscalerIndex(snapshot));
    assert.ok(range !== undefined);
    assert.equal(range.min, 1);
    assert.equal(range.max, 6);
  });

  it('ignores autoscalers of a workload scaled to zero, and unusable autoscalers', () => {
    const off = deployment('off', { replicas: 0 });
    const web = deployment('web', { replicas: 2 });
    const snapshot = new ClusterSnapshot([
      off,
      web,
      hpa('off', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'off' }, { minReplicas: 2, maxReplicas: 6 }),
      hpa('broken', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, { minReplicas: 2 }),
    ]);
    assert.deepEqual([replicaRange(off, autoscalerIndex(snapshot))?.min, replicaRange(off, autoscalerIndex(snapshot))?.max], [0, 0]);
    assert.equal(replicaRange(web, autoscalerIndex(snapshot))?.max, 2);
  });

  it('is unknown for a malformed count', () => {
    const web = deployment('web', { replicas: 'two' });
    assert.equal(replicaRange(web, autoscalerIndex(new ClusterSnapshot([web]))), undefined);
  });
});

describe('single-replica minimumReplicas option', () => {
  function findings(objects: KubeObject[], options?: Record<string, unknown>): string[] {
    const settings = new Map(options === undefined ? [] : [['single-replica', { options }]]);
    return runRules(new ClusterSnapshot(objects), [singleReplica], settings).findings.map(finding => finding.resource.name);
  }

  it('defaults to 2 and follows the configured minimum', () => {
    const objects = [deployment('one', { replicas: 1 }), deployment('two', { replicas: 2 }), deployment('three', { replicas: 3 })];
    assert.deepEqual(findings(objects), ['one']);
    assert.deepEqual(findings(objects, { minimumReplicas: 3 }), ['one', 'two']);
    assert.deepEqual(findings(objects, { minimumReplicas: 1 }), []);
  });

  it('compares the autoscaler floor with the minimum', () => {
    const objects = [deployment('web', { replicas: 1 }), hpa('web', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, { minReplicas: 2, maxReplicas: 8 })];
    assert.deepEqual(findings(objects), []);
    assert.deepEqual(findings(objects, { minimumReplicas: 3 }), ['web']);
  });
});
