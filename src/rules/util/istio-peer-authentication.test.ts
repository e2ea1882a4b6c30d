import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { EMPTY_CONFIG } from '../../config/config.js';
import { validateRuleOptions } from '../../config/schema.js';
import { scanText } from '../../../test/helpers/scan-text.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import istioMtlsNotStrict from '../network/istio-mtls-not-strict.js';
import type { PeerAuthenticationPolicy } from './istio-peer-authentication.js';
import { compose, isPeerAuthentication, isStrict, possibleOutcomes, possibleWinners, readPeerAuthentication, scopeOf, selects } from './istio-peer-authentication.js';

function policy(namespace: string, spec: Record<string, unknown>, name = 'p', creationTimestamp?: string): PeerAuthenticationPolicy {
  const object = toKubeObject({
    body: {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name, namespace, ...(creationTimestamp === undefined ? {} : { creationTimestamp }) },
      spec,
    },
  });
  assert.ok(typeof object !== 'string');
  const read = readPeerAuthentication(object, namespace);
  assert.ok(read !== undefined);
  return read;
}

describe('readPeerAuthentication', () => {
  it('reads mode, selector and port-level settings, with absent modes as UNSET', () => {
    const read = policy('shop', { selector: { matchLabels: { app: 'web' } }, portLevelMtls: { 8080: { mode: 'DISABLE' }, 9090: {} } });
    assert.equal(read.mode, 'UNSET');
    assert.deepEqual([...read.selector], [['app', 'web']]);
    assert.deepEqual(read.ports, [
      { port: 8080, mode: 'DISABLE' },
      { port: 9090, mode: 'UNSET' },
    ]);
  });

  it('drops policies the CRD schema rejects', () => {
    for (const spec of [{ mtls: { mode: 'strict' } }, { selector: { matchLabels: { app: 1 } } }, { portLevelMtls: { 0: { mode: 'STRICT' } } }, { mtls: 'STRICT' }]) {
      const object = toKubeObject({ body: { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'bad', namespace: 'shop' }, spec } });
      assert.ok(typeof object !== 'string');
      assert.equal(readPeerAuthentication(object, 'shop'), undefined, JSON.stringify(spec));
    }
  });

  it('recognises only the security.istio.io group', () => {
    const lookalike = toKubeObject({ body: { apiVersion: 'security.example.com/v1', kind: 'PeerAuthentication', metadata: { name: 'x' } } });
    assert.ok(typeof lookalike !== 'string');
    assert.equal(isPeerAuthentication(lookalike), false);
  });
});

describe('scopeOf and selects', () => {
  it('classifies like istiod: selector policies in the root namespace are ignored', () => {
    assert.equal(scopeOf(policy('istio-system', {}), 'istio-system'), 'mesh');
    assert.equal(scopeOf(policy('shop', { selector: { matchLabels: {} } }), 'istio-system'), 'namespace');
    assert.equal(scopeOf(policy('shop', { selector: { matchLabels: { app: 'web' } } }), 'istio-system'), 'workload');
    assert.equal(scopeOf(policy('istio-system', { selector: { matchLabels: { app: 'web' } } }), 'istio-system'), undefined);
  });

  it('matches when every matchLabels entry is among the pod labels', () => {
    const selecting = policy('shop', { selector: { matchLabels: { app: 'web', tier: 'front' } } });
    assert.equal(selects(selecting, new Map([['app', 'web'], ['tier', 'front'], ['extra', 'x']])), true);
    assert.equal(selects(selecting, new Map([['app', 'web']])), false);
  });
});

describe('compose', () => {
  const mesh = policy('istio-system', { mtls: { mode: 'STRICT' } }, 'mesh');
  it('starts PERMISSIVE and lets the narrowest set mode win', () => {
    assert.equal(compose(undefined, undefined, undefined).mode, 'PERMISSIVE');
    assert.equal(compose(mesh, undefined, undefined).mode, 'STRICT');
    assert.equal(compose(mesh, policy('shop', { mtls: { mode: 'PERMISSIVE' } }), undefined).mode, 'PERMISSIVE');
  });

  it('inherits through UNSET at every level, ports included', () => {
    const workload = policy('shop', { selector: { matchLabels: { app: 'web' } }, mtls: { mode: 'UNSET' }, portLevelMtls: { 8080: { mode: 'UNSET' }, 9090: { mode: 'PERMISSIVE' } } });
    const resolved = compose(mesh, policy('shop', {}), workload);
    assert.equal(resolved.mode, 'STRICT');
    assert.equal(resolved.decidedBy, mesh);
    assert.deepEqual(resolved.ports, [
      { port: 8080, mode: 'STRICT', inherited: true },
      { port: 9090, mode: 'PERMISSIVE', inherited: false },
    ]);
    assert.equal(isStrict(resolved), false);
  });
});

describe('possibleWinners', () => {
  it('keeps the oldest when timestamps tell, all candidates when they do not', () => {
    const older = policy('shop', {}, 'older', '2025-01-01T00:00:00Z');
    const newer = policy('shop', {}, 'newer', '2026-01-01T00:00:00Z');
    assert.deepEqual(possibleWinners([newer, older]), [older]);
    const undated = policy('shop', {}, 'undated');
    assert.deepEqual(possibleWinners([newer, undated]), [newer, undated]);
    assert.equal(possibleOutcomes([], [newer, undated], []).length, 2);
  });
});

const ROOT_TEXT = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: mesh-root
spec:
  mtls:
    mode: STRICT
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels:
    sidecar.istio.io/inject: "true"
spec:
  containers:
    - name: web
      image: registry.example.com/web:2.4.1
`;

describe('istio-mtls-not-strict meshRootNamespace option', () => {
  it('validates as a non-empty string', () => {
    assert.equal(validateRuleOptions(istioMtlsNotStrict.optionsSchema, { meshRootNamespace: 'mesh-root' }, []), undefined);
    assert.notEqual(validateRuleOptions(istioMtlsNotStrict.optionsSchema, { meshRootNamespace: '' }, []), undefined);
  });

  it('moves the mesh-wide scope to the configured namespace', async () => {
    const rules = [istioMtlsNotStrict];
    const byDefault = await scanText(ROOT_TEXT, { rules });
    assert.equal(byDefault.findings.length, 1, 'with istio-system as root, the policy in mesh-root covers only its own namespace');
    const configured = await scanText(ROOT_TEXT, {
      rules,
      config: { ...EMPTY_CONFIG, rules: new Map([['istio-mtls-not-strict', { enabled: true, options: { meshRootNamespace: 'mesh-root' } }]]) },
    });
    assert.deepEqual(configured.findings, []);
  });
});
