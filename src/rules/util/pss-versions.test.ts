import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { EMPTY_CONFIG } from '../../config/config.js';
import type { KubewardConfig } from '../../config/config.js';
import { validateRuleOptions } from '../../config/schema.js';
import { scanText } from '../../../test/helpers/scan-text.js';
import namespacePssNotEnforced from '../namespace/namespace-pss-not-enforced.js';
import namespacePssVersionPinned from '../namespace/namespace-pss-version-pinned.js';
import { LATEST_PSS_VERSION, PSS_POLICY_CHANGES, changesMissed, formatPssVersion, isOlderVersion, parsePssLevel, parsePssVersion } from './pss-versions.js';

function version(value: string): NonNullable<ReturnType<typeof parsePssVersion>> {
  const parsed = parsePssVersion(value);
  assert.ok(parsed !== undefined, value);
  return parsed;
}

describe('parsePssLevel', () => {
  it('accepts the three levels exactly, as ParseLevel does', () => {
    assert.equal(parsePssLevel('restricted'), 'restricted');
    assert.equal(parsePssLevel('baseline'), 'baseline');
    assert.equal(parsePssLevel('privileged'), 'privileged');
    for (const value of ['Restricted', ' baseline', '', 'strict', 'latest']) assert.equal(parsePssLevel(value), undefined, value);
  });
});

describe('parsePssVersion', () => {
  it('accepts latest and v1.<minor> without leading zeros', () => {
    assert.deepEqual(parsePssVersion('latest'), { latest: true });
    assert.deepEqual(parsePssVersion('v1.0'), { latest: false, minor: 0 });
    assert.deepEqual(parsePssVersion('v1.35'), { latest: false, minor: 35 });
    assert.deepEqual(parsePssVersion('v1.120'), { latest: false, minor: 120 });
  });

  it('rejects what the admission plugin rejects', () => {
    for (const value of ['1.30', 'v1.30.2', 'v1.030', 'v2.0', 'Latest', 'v1.', 'v1.x', '', ' v1.30']) assert.equal(parsePssVersion(value), undefined, value);
  });

  it('round-trips through formatPssVersion', () => {
    assert.equal(formatPssVersion(version('v1.22')), 'v1.22');
    assert.equal(formatPssVersion(version('latest')), 'latest');
    assert.equal(formatPssVersion(version(LATEST_PSS_VERSION)), LATEST_PSS_VERSION);
  });
});

describe('isOlderVersion', () => {
  it('orders by minor, with latest newer than any number', () => {
    assert.equal(isOlderVersion(version('v1.22'), version('v1.35')), true);
    assert.equal(isOlderVersion(version('v1.35'), version('v1.35')), false);
    assert.equal(isOlderVersion(version('v1.40'), version('v1.35')), false);
    assert.equal(isOlderVersion(version('v1.99'), version('latest')), true);
    assert.equal(isOlderVersion(version('latest'), version('v1.35')), false);
  });
});

describe('changesMissed', () => {
  it('lists the changes after the pinned version up to the target, for the level enforced', () => {
    const restricted = changesMissed(22, version('v1.35'), 'restricted').map(change => change.minor);
    assert.deepEqual(restricted, [23, 25, 34, 35]);
    const baseline = changesMissed(22, version('v1.35'), 'baseline').map(change => change.minor);
    assert.deepEqual(baseline, [34, 35]);
    assert.deepEqual(changesMissed(22, version('v1.30'), undefined).map(change => change.minor), [23, 25]);
    assert.deepEqual(changesMissed(35, version('latest'), 'restricted'), []);
  });

  it('keeps the change list sorted and the latest version at its last entry', () => {
    const minors = PSS_POLICY_CHANGES.map(change => change.minor);
    assert.deepEqual(minors, [...minors].sort((a, b) => a - b));
    assert.equal(`v1.${String(minors.at(-1))}`, LATEST_PSS_VERSION);
  });
});

function config(rule: string, options: Record<string, unknown>, extra: Partial<KubewardConfig> = {}): KubewardConfig {
  return { ...EMPTY_CONFIG, rules: new Map([[rule, { enabled: true, options }]]), ...extra };
}

const PINNED = `apiVersion: v1
kind: Namespace
metadata:
  name: payments
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: v1.30
`;

describe('namespace-pss-version-pinned options', () => {
  it('accepts minimumVersion values the admission plugin would accept, and nothing else', () => {
    const schema = namespacePssVersionPinned.optionsSchema;
    assert.equal(validateRuleOptions(schema, { minimumVersion: 'v1.25' }, []), undefined);
    assert.equal(validateRuleOptions(schema, { minimumVersion: 'latest' }, []), undefined);
    assert.notEqual(validateRuleOptions(schema, { minimumVersion: '1.25' }, []), undefined);
    assert.notEqual(validateRuleOptions(schema, { minimumVersion: 'v1.25.1' }, []), undefined);
    assert.notEqual(validateRuleOptions(schema, { minimum: 'v1.25' }, []), undefined);
  });

  it('reports against the configured minimum instead of the default', async () => {
    const rules = [namespacePssVersionPinned];
    const byDefault = await scanText(PINNED, { rules });
    assert.equal(byDefault.findings.length, 1);
    const relaxed = await scanText(PINNED, { rules, config: config('namespace-pss-version-pinned', { minimumVersion: 'v1.28' }) });
    assert.deepEqual(relaxed.findings, []);
    const strict = await scanText(PINNED.replace('v1.30', 'v1.35'), { rules, config: config('namespace-pss-version-pinned', { minimumVersion: 'latest' }) });
    assert.equal(strict.findings.length, 1);
    assert.match(strict.findings[0]?.message ?? '', /older than latest/);
  });
});

describe('namespace rules and exemptions', () => {
  it('are exempted by kind and name, since a Namespace has no namespace of its own', async () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-system\n';
    const result = await scanText(text, {
      rules: [namespacePssNotEnforced],
      config: { ...EMPTY_CONFIG, exemptions: [{ rules: ['namespace-pss-not-enforced'], kinds: ['Namespace'], names: ['kube-*'], reason: 'system namespaces run privileged node agents' }] },
    });
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]?.suppressed?.by, 'config');
  });
});
