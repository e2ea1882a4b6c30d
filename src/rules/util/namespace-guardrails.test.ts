import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { KubeObject } from '../../snapshot/kube-object.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { anchorOf, describeNamespace, podNamespaces } from './namespace-guardrails.js';

function object(body: Record<string, unknown>): KubeObject {
  const result = toKubeObject({ body });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

function pod(name: string, namespace?: string): KubeObject {
  return object({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(namespace === undefined ? {} : { namespace }) }, spec: { containers: [{ name, image: `${name}:1` }] } });
}

function namespace(name: string, apiVersion = 'v1'): KubeObject {
  return object({ apiVersion, kind: 'Namespace', metadata: { name } });
}

describe('podNamespaces', () => {
  it('lists namespaces that run pods, sorted, with their pod-bearing objects in input order', () => {
    const snapshot = new ClusterSnapshot([
      pod('b1', 'beta'),
      pod('a1', 'alpha'),
      pod('b2', 'beta'),
      namespace('alpha'),
      namespace('empty'),
      object({ apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 't', namespace: 'templates' }, template: { spec: { containers: [{ name: 't', image: 't:1' }] } } }),
    ]);
    const found = podNamespaces(snapshot);
    assert.deepEqual(
      found.map(entry => [entry.name, entry.declared?.name, entry.podBearers.map(bearer => bearer.name)]),
      [
        ['alpha', 'alpha', ['a1']],
        ['beta', undefined, ['b1', 'b2']],
      ],
    );
  });

  it('ignores look-alike Namespace kinds', () => {
    const snapshot = new ClusterSnapshot([pod('p', 'team'), namespace('team', 'tenancy.example.io/v1')]);
    assert.equal(podNamespaces(snapshot)[0]?.declared, undefined);
  });
});

describe('anchorOf and describeNamespace', () => {
  it('anchors at the Namespace when declared, else at the first pod-bearing object', () => {
    const snapshot = new ClusterSnapshot([pod('first', 'beta'), pod('second', 'beta'), namespace('alpha'), pod('a', 'alpha')]);
    const [alpha, beta] = podNamespaces(snapshot);
    assert.ok(alpha !== undefined && beta !== undefined);
    assert.deepEqual([anchorOf(alpha).object.kind, anchorOf(alpha).path], ['Namespace', ['metadata', 'name']]);
    assert.deepEqual([anchorOf(beta).object.name, anchorOf(beta).path], ['first', ['metadata', 'namespace']]);
    assert.equal(describeNamespace(alpha, snapshot), 'namespace "alpha", which runs pods (Pod "a"),');
    assert.equal(describeNamespace(beta, snapshot), 'namespace "beta", which is not itself in the input but where Pod "first" and 1 other pod-bearing object run pods,');
  });

  it('explains the default namespace', () => {
    const snapshot = new ClusterSnapshot([pod('loose')]);
    const [entry] = podNamespaces(snapshot);
    assert.ok(entry !== undefined);
    assert.equal(entry.name, 'default');
    assert.match(describeNamespace(entry, snapshot), /where objects without metadata\.namespace land/);
  });
});
