import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { EMPTY_CONFIG, parseConfig } from '../../config/config.js';
import { scanText } from '../../../test/helpers/scan-text.js';
import rule from './default-service-account-used.js';

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: no-token, namespace: shop}
spec:
  automountServiceAccountToken: false
  containers: [{name: app, image: registry.example.com/app:1.0.0}]
---
apiVersion: v1
kind: Pod
metadata: {name: with-token, namespace: shop}
spec:
  containers: [{name: app, image: registry.example.com/app:1.0.0}]
`;

async function reported(options: Record<string, unknown> | undefined): Promise<string[]> {
  const config = { ...EMPTY_CONFIG, rules: new Map([[rule.id, { enabled: true, ...(options === undefined ? {} : { options }) }]]) };
  const result = await scanText(PODS, { rules: [rule], config });
  return result.findings.map(finding => finding.resource.name);
}

describe('default-service-account-used ignoreWithoutToken', () => {
  it('reports token-less pods by default and skips them on request', async () => {
    assert.deepEqual(await reported(undefined), ['no-token', 'with-token']);
    assert.deepEqual(await reported({ ignoreWithoutToken: false }), ['no-token', 'with-token']);
    assert.deepEqual(await reported({ ignoreWithoutToken: true }), ['with-token']);
  });

  it('is validated as a boolean when the config is read', async () => {
    const known = new Map([[rule.id, rule.optionsSchema]]);
    assert.ok('config' in (await parseConfig(`rules:\n  ${rule.id}:\n    options:\n      ignoreWithoutToken: true\n`, 'kubeward.yaml', known)));
    assert.ok('error' in (await parseConfig(`rules:\n  ${rule.id}:\n    options:\n      ignoreWithoutToken: "yes"\n`, 'kubeward.yaml', known)));
  });
});
