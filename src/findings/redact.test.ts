import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadText } from '../../test/helpers/scan-text.js';
import { ClusterSnapshot } from '../snapshot/snapshot.js';
import { collectSecretValues, createRedactor } from './redact.js';

describe('createRedactor', () => {
  it('masks every occurrence, preferring the longest secret that matches', () => {
    const redact = createRedactor(['hunter2-longer', 'hunter2', 'abcdefgh']);
    assert.equal(redact('pw hunter2-longer and hunter2, again hunter2'), 'pw **** and ****, again ****');
    assert.equal(redact('xxabcdefghabcdefgh'), 'xx********');
  });

  it('leaves text without secrets untouched, including short text', () => {
    const redact = createRedactor(['s3cr3t-token']);
    assert.equal(redact('nothing to see'), 'nothing to see');
    assert.equal(redact('abc'), 'abc');
    assert.equal(createRedactor([])('s3cr3t-token'), 's3cr3t-token');
  });
});

describe('createRedactor at every offset', () => {
  it('finds a secret wherever it starts, including right after another one', () => {
    const secret = 'p4ssw0rd!';
    const redact = createRedactor([secret]);
    for (let offset = 0; offset < 12; offset++) {
      const text = `${'x'.repeat(offset)}${secret}${secret}y`;
      assert.equal(redact(text), `${'x'.repeat(offset)}********y`, `offset ${String(offset)}`);
    }
  });
});

describe('collectSecretValues', () => {
  it('collects credentials but not identifiers stored beside them', async () => {
    const { objects } = await loadText(`apiVersion: v1
kind: Secret
metadata: {name: db}
stringData: {username: postgres, password: s3cr3t-passw0rd, host: db.internal}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
      env:
        - {name: DB_PASSWORD, value: another-s3cr3t}
        - {name: DB_USER, value: appuser-long}
        - {name: TOKEN_URL, value: https://auth.example.com/token}
`);
    assert.deepEqual([...collectSecretValues(new ClusterSnapshot(objects))].sort(), ['another-s3cr3t', 's3cr3t-passw0rd']);
  });
});
