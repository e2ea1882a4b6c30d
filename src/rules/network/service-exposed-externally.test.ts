import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { EMPTY_CONFIG, parseConfig } from '../../config/config.js';
import { scanText } from '../../../test/helpers/scan-text.js';
import rule from './service-exposed-externally.js';

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: internal
  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
spec: {type: LoadBalancer, ports: [{port: 443}]}
---
apiVersion: v1
kind: Service
metadata: {name: ranged}
spec: {type: LoadBalancer, loadBalancerSourceRanges: [203.0.113.0/24], ports: [{port: 443}]}
---
apiVersion: v1
kind: Service
metadata: {name: open}
spec: {type: LoadBalancer, ports: [{port: 443}]}
---
apiVersion: v1
kind: Service
metadata: {name: node-port}
spec: {type: NodePort, ports: [{port: 80}]}
`;

async function reported(options: Record<string, unknown> | undefined): Promise<string[]> {
  const config = { ...EMPTY_CONFIG, rules: new Map([[rule.id, { enabled: true, ...(options === undefined ? {} : { options }) }]]) };
  const result = await scanText(SERVICES, { rules: [rule], config });
  return result.findings.map(finding => finding.resource.name);
}

describe('service-exposed-externally ignoreRestrictedLoadBalancers', () => {
  it('reports internal and source-restricted load balancers by default, and skips them on request', async () => {
    assert.deepEqual(await reported(undefined), ['internal', 'ranged', 'open', 'node-port']);
    assert.deepEqual(await reported({ ignoreRestrictedLoadBalancers: true }), ['open', 'node-port']);
  });

  it('is validated as a boolean when the config is read', async () => {
    const known = new Map([[rule.id, rule.optionsSchema]]);
    assert.ok('config' in (await parseConfig(`rules:\n  ${rule.id}:\n    options:\n      ignoreRestrictedLoadBalancers: true\n`, 'kubeward.yaml', known)));
    assert.ok('error' in (await parseConfig(`rules:\n  ${rule.id}:\n    options:\n      ignoreInternal: true\n`, 'kubeward.yaml', known)));
  });
});
