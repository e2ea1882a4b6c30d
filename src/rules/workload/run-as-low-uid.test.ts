import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { EMPTY_CONFIG, parseConfig } from '../../config/config.js';
import { scanText } from '../../../test/helpers/scan-text.js';
import rule from './run-as-low-uid.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    runAsUser: 2000
    runAsGroup: 20000
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
`;

const KNOWN = new Map([[rule.id, rule.optionsSchema]]);

async function lines(minimumId: number | undefined): Promise<number[]> {
  const options = minimumId === undefined ? undefined : { minimumId };
  const config = { ...EMPTY_CONFIG, rules: new Map([[rule.id, { enabled: true, ...(options === undefined ? {} : { options }) }]]) };
  const result = await scanText(POD, { rules: [rule], config });
  return result.findings.map(finding => finding.source?.line ?? 0);
}

describe('run-as-low-uid minimumId', () => {
  it('reports IDs below 10000 by default', async () => {
    assert.deepEqual(await lines(undefined), [7]);
  });

  it('moves the threshold', async () => {
    assert.deepEqual(await lines(2000), []);
    assert.deepEqual(await lines(2001), [7]);
    assert.deepEqual(await lines(20001), [7, 8]);
  });

  it('is validated as an integer of at least 1 when the config is read', async () => {
    assert.ok('config' in (await parseConfig(`rules:\n  run-as-low-uid:\n    options:\n      minimumId: 65536\n`, 'kubeward.yaml', KNOWN)));
    for (const bad of ['0', '1.5', '"10000"']) {
      const result = await parseConfig(`rules:\n  run-as-low-uid:\n    options:\n      minimumId: ${bad}\n`, 'kubeward.yaml', KNOWN);
      assert.ok('error' in result, `minimumId: ${bad} must be rejected`);
    }
    const unknown = await parseConfig(`rules:\n  run-as-low-uid:\n    options:\n      minimumUid: 5000\n`, 'kubeward.yaml', KNOWN);
    assert.ok('error' in unknown);
  });
});
