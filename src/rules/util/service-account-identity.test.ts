import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadText } from '../../../test/helpers/scan-text.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { automountDecision, podServiceAccount, projectedTokenVolumes } from './service-account-identity.js';

async function snapshotOf(text: string): Promise<ClusterSnapshot> {
  const { objects, errors } = await loadText(text);
  assert.deepEqual(errors, []);
  return new ClusterSnapshot(objects);
}

function podNamed(snapshot: ClusterSnapshot, name: string): PodSpecView {
  const pod = snapshot.podSpecs.find(candidate => candidate.object.name === name);
  if (pod === undefined) assert.fail(`no pod ${name}`);
  return pod;
}

const PODS = `
apiVersion: v1
kind: Pod
metadata: {name: unset, namespace: ns}
spec: {containers: [{name: c, image: i:1}]}
---
apiVersion: v1
kind: Pod
metadata: {name: empty, namespace: ns}
spec: {serviceAccountName: "", containers: [{name: c, image: i:1}]}
---
apiVersion: v1
kind: Pod
metadata: {name: deprecated, namespace: ns}
spec: {serviceAccountName: "", serviceAccount: builder, containers: [{name: c, image: i:1}]}
---
apiVersion: v1
kind: Pod
metadata: {name: both, namespace: ns}
spec: {serviceAccountName: web, serviceAccount: builder, containers: [{name: c, image: i:1}]}
`;

describe('podServiceAccount', () => {
  it('resolves the account as the API server does', async () => {
    const snapshot = await snapshotOf(PODS);
    assert.deepEqual(podServiceAccount(podNamed(snapshot, 'unset')), { name: 'default', from: 'unset', path: ['spec'] });
    assert.deepEqual(podServiceAccount(podNamed(snapshot, 'empty')), { name: 'default', from: 'unset', path: ['spec'] });
    assert.deepEqual(podServiceAccount(podNamed(snapshot, 'deprecated')), { name: 'builder', from: 'serviceAccount', path: ['spec', 'serviceAccount'] });
    assert.deepEqual(podServiceAccount(podNamed(snapshot, 'both')), { name: 'web', from: 'serviceAccountName', path: ['spec', 'serviceAccountName'] });
  });
});

describe('automountDecision', () => {
  it('lets the pod field win, then the account, then defaults to true', async () => {
    const snapshot = await snapshotOf(`
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: quiet}
automountServiceAccountToken: false
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: silent}
---
apiVersion: v1
kind: Pod
metadata: {name: inherits-false, namespace: quiet}
spec: {containers: [{name: c, image: i:1}]}
---
apiVersion: v1
kind: Pod
metadata: {name: overrides-true, namespace: quiet}
spec: {automountServiceAccountToken: true, containers: [{name: c, image: i:1}]}
---
apiVersion: v1
kind: Pod
metadata: {name: account-unset, namespace: silent}
spec: {containers: [{name: c, image: i:1}]}
---
apiVersion: v1
kind: Pod
metadata: {name: account-missing, namespace: elsewhere}
spec: {automountServiceAccountToken: false, containers: [{name: c, image: i:1}]}
---
apiVersion: v1
kind: Pod
metadata: {name: nothing, namespace: elsewhere}
spec: {containers: [{name: c, image: i:1}]}
`);
    const decide = (name: string): unknown => automountDecision(snapshot, podNamed(snapshot, name), 'default');
    assert.deepEqual(decide('inherits-false'), { mounted: false, decidedBy: 'serviceAccount', accountFound: true });
    assert.deepEqual(decide('overrides-true'), { mounted: true, decidedBy: 'pod', accountFound: true });
    assert.deepEqual(decide('account-unset'), { mounted: true, decidedBy: 'default', accountFound: true });
    assert.deepEqual(decide('account-missing'), { mounted: false, decidedBy: 'pod', accountFound: false });
    assert.deepEqual(decide('nothing'), { mounted: true, decidedBy: 'default', accountFound: false });
  });
});

describe('projectedTokenVolumes', () => {
  it('finds projected volumes with a serviceAccountToken source only', async () => {
    const snapshot = await snapshotOf(`
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: i:1}]
  volumes:
    - name: config
      configMap: {name: app}
    - name: bundle
      projected:
        sources:
          - configMap: {name: ca}
    - name: vault-token
      projected:
        sources:
          - configMap: {name: ca}
          - serviceAccountToken: {path: token, audience: vault, expirationSeconds: 600}
`);
    assert.deepEqual(projectedTokenVolumes(podNamed(snapshot, 'p')), ['vault-token']);
  });
});
