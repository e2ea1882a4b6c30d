import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { KubeObject } from '../../snapshot/kube-object.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { describeLongRunningContainer, hasControllerOwner, isLongRunning, longRunningContainers } from './workload-lifecycle.js';

function object(body: Record<string, unknown>): KubeObject {
  const result = toKubeObject({ body });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

const CONTAINERS = { containers: [{ name: 'app', image: 'app:1' }] };

function podOf(body: Record<string, unknown>): PodSpecView {
  const [view] = new ClusterSnapshot([object(body)]).podSpecs;
  assert.ok(view !== undefined);
  return view;
}

function workload(apiVersion: string, kind: string, podSpec: Record<string, unknown> = CONTAINERS): PodSpecView {
  return podOf({ apiVersion, kind, metadata: { name: 'w' }, spec: { template: { spec: podSpec } } });
}

describe('isLongRunning', () => {
  it('accepts the built-in long-running controllers', () => {
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']) assert.equal(isLongRunning(workload('apps/v1', kind)), true, kind);
    assert.equal(isLongRunning(workload('v1', 'ReplicationController')), true);
  });

  it('rejects Jobs, CronJobs and PodTemplates', () => {
    assert.equal(isLongRunning(workload('batch/v1', 'Job', { ...CONTAINERS, restartPolicy: 'Never' })), false);
    const cronJob = podOf({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { ...CONTAINERS, restartPolicy: 'OnFailure' } } } } },
    });
    assert.equal(isLongRunning(cronJob), false);
    assert.equal(isLongRunning(podOf({ apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 't' }, template: { spec: CONTAINERS } })), false);
  });

  it('reads a Pod\'s restartPolicy, defaulting to Always', () => {
    const pod = (spec: Record<string, unknown>) => podOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
    assert.equal(isLongRunning(pod(CONTAINERS)), true);
    assert.equal(isLongRunning(pod({ ...CONTAINERS, restartPolicy: '' })), true);
    assert.equal(isLongRunning(pod({ ...CONTAINERS, restartPolicy: 'Always' })), true);
    assert.equal(isLongRunning(pod({ ...CONTAINERS, restartPolicy: 'OnFailure' })), false);
    assert.equal(isLongRunning(pod({ ...CONTAINERS, restartPolicy: 'Never' })), false);
  });

  it('treats custom workloads and look-alike kinds by their restartPolicy', () => {
    assert.equal(isLongRunning(workload('argoproj.io/v1alpha1', 'Rollout')), true);
    assert.equal(isLongRunning(workload('ml.example.io/v1', 'TrainingRun', { ...CONTAINERS, restartPolicy: 'Never' })), false);
    // A Job in another API group is not the batch Job.
    assert.equal(isLongRunning(workload('batch.example.io/v1', 'Job')), true);
  });
});

describe('longRunningContainers', () => {
  it('keeps regular containers and native sidecars, not init or ephemeral containers', () => {
    const view = podOf({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        initContainers: [
          { name: 'migrate', image: 'm:1' },
          { name: 'proxy', image: 'p:1', restartPolicy: 'Always' },
          { name: 'odd', image: 'o:1', restartPolicy: 'OnFailure' },
        ],
        containers: [{ name: 'app', image: 'a:1' }],
        ephemeralContainers: [{ name: 'debug', image: 'd:1' }],
      },
    });
    const kept = longRunningContainers(view);
    assert.deepEqual(
      kept.map(container => container.name),
      ['app', 'proxy'],
    );
    assert.deepEqual(kept.map(describeLongRunningContainer), ['container "app"', 'sidecar container "proxy"']);
  });
});

describe('hasControllerOwner', () => {
  it('needs an owner reference with controller: true', () => {
    const withOwners = (ownerReferences: unknown) => object({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ownerReferences } });
    assert.equal(hasControllerOwner(withOwners([{ kind: 'ReplicaSet', name: 'rs', controller: true }])), true);
    assert.equal(hasControllerOwner(withOwners([{ kind: 'ConfigMap', name: 'cm' }])), false);
    assert.equal(hasControllerOwner(withOwners([{ kind: 'ReplicaSet', name: 'rs', controller: 'true' }])), false);
    assert.equal(hasControllerOwner(withOwners('not-a-list')), false);
    assert.equal(hasControllerOwner(object({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } })), false);
  });
});
