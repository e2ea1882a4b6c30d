import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { toKubeObject } from '../../snapshot/kube-object.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { assessSpread } from './pod-spreading.js';

function deployment(podSpec: Record<string, unknown>): PodSpecView {
  const object = toKubeObject({
    body: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: 3, template: { metadata: { labels: { app: 'web', track: 'stable' } }, spec: { containers: [{ name: 'web', image: 'web:1' }], ...podSpec } } },
    },
  });
  if (typeof object === 'string') throw new Error(object);
  const [view] = new ClusterSnapshot([object]).podSpecs;
  assert.ok(view !== undefined);
  return view;
}

const OWN = { matchLabels: { app: 'web' } };

function required(term: Record<string, unknown>): Record<string, unknown> {
  return { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } };
}

function preferred(term: Record<string, unknown>): Record<string, unknown> {
  return { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term }] } } };
}

function reasons(podSpec: Record<string, unknown>): string[] {
  return assessSpread(deployment(podSpec)).ineffective.map(entry => entry.reason);
}

describe('assessSpread: topologySpreadConstraints', () => {
  it('counts a constraint on any key whose selector matches the pod itself', () => {
    assert.equal(assessSpread(deployment({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'rack', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: OWN }] })).spreads, true);
  });

  it('does not count a constraint that counts other pods or none', () => {
    const missing = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }] };
    assert.equal(assessSpread(deployment(missing)).spreads, false);
    assert.match(reasons(missing)[0] ?? '', /no labelSelector/);
    const other = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'db' } } }] };
    assert.match(reasons(other)[0] ?? '', /does not match the pod's own labels \(app=web,track=stable\)/);
    const invalid = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', labelSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] } }] };
    assert.match(reasons(invalid)[0] ?? '', /invalid labelSelector/);
  });
});

describe('assessSpread: pod anti-affinity', () => {
  it('counts required and preferred terms on node, zone or region keys that select the pod itself', () => {
    assert.equal(assessSpread(deployment(required({ topologyKey: 'kubernetes.io/hostname', labelSelector: OWN }))).spreads, true);
    assert.equal(assessSpread(deployment(preferred({ topologyKey: 'topology.kubernetes.io/zone', labelSelector: OWN }))).spreads, true);
    assert.equal(assessSpread(deployment(required({ topologyKey: 'failure-domain.beta.kubernetes.io/zone', labelSelector: OWN }))).spreads, true);
  });

  it('rejects other topology keys and selectors that miss the pod', () => {
    assert.match(reasons(required({ topologyKey: 'node.kubernetes.io/instance-type', labelSelector: OWN }))[0] ?? '', /neither the node's hostname nor its zone or region/);
    assert.match(reasons(required({ labelSelector: OWN }))[0] ?? '', /has no topologyKey/);
    assert.match(reasons(preferred({ topologyKey: 'kubernetes.io/hostname' }))[0] ?? '', /preferred pod anti-affinity term has no labelSelector/);
  });

  it('honours namespaces, namespaceSelector and mismatchLabelKeys', () => {
    assert.match(reasons(required({ topologyKey: 'kubernetes.io/hostname', labelSelector: OWN, namespaces: ['other'] }))[0] ?? '', /namespace "other", not the pod's own "shop"/);
    assert.equal(assessSpread(deployment(required({ topologyKey: 'kubernetes.io/hostname', labelSelector: OWN, namespaces: ['other', 'shop'] }))).spreads, true);
    assert.equal(assessSpread(deployment(required({ topologyKey: 'kubernetes.io/hostname', labelSelector: OWN, namespaces: ['other'], namespaceSelector: {} }))).spreads, true);
    assert.match(reasons(required({ topologyKey: 'kubernetes.io/hostname', labelSelector: OWN, mismatchLabelKeys: ['track'] }))[0] ?? '', /mismatchLabelKeys/);
    assert.equal(assessSpread(deployment(required({ topologyKey: 'kubernetes.io/hostname', labelSelector: OWN, matchLabelKeys: ['track'] }))).spreads, true);
  });

  it('reports nothing ineffective when nothing is configured', () => {
    assert.deepEqual(assessSpread(deployment({})), { spreads: false, ineffective: [] });
  });
});
