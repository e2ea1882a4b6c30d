import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { loadConfig, parseConfig } from './config.js';

const LIMIT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { minimum: { type: 'integer', minimum: 0 } },
};
const KNOWN = new Map<string, Readonly<Record<string, unknown>> | undefined>([
  ['privileged-container', undefined],
  ['cpu-limits-missing', undefined],
  ['image-tag-mutable', LIMIT_SCHEMA],
]);

async function errorOf(text: string): Promise<string> {
  const result = await parseConfig(text, 'kubeward.yaml', KNOWN);
  assert.ok('error' in result, 'expected an error');
  return `${String(result.error.line)}: ${result.error.message}`;
}

describe('config', () => {
  it('reads rule switches (YAML 1.1 off/no work), severity overrides, options and exemptions', async () => {
    const result = await parseConfig(
      [
        'failOn: high',
        'rules:',
        '  cpu-limits-missing: off',
        '  privileged-container: {enabled: true, severity: low}',
        '  image-tag-mutable: {options: {minimum: 3}}',
        'exemptions:',
        '  - rules: [privileged-container]',
        '    namespaces: [kube-system]',
        '    reason: node agents',
        'workloads:',
        '  - {kind: CloneSet, group: apps.kruise.io, template: spec.template}',
      ].join('\n'),
      'kubeward.yaml',
      KNOWN,
    );
    assert.ok('config' in result);
    assert.equal(result.config.failOn, 'high');
    assert.deepEqual(Object.fromEntries(result.config.rules), {
      'cpu-limits-missing': { enabled: false },
      'image-tag-mutable': { enabled: true, options: { minimum: 3 } },
      'privileged-container': { enabled: true, severity: 'low' },
    });
    assert.deepEqual(result.config.exemptions, [{ rules: ['privileged-container'], namespaces: ['kube-system'], reason: 'node agents' }]);
    assert.deepEqual(result.config.workloads, [{ kind: 'CloneSet', group: 'apps.kruise.io', template: ['spec', 'template'] }]);
  });

  it('names the file line of every mistake', async () => {
    assert.equal(await errorOf('failOn: high\nrules:\n  privileged-containr: off\n'), '3: invalid config: unknown rule "privileged-containr" (see `kubeward rules`)');
    assert.equal(await errorOf('rules:\n  image-tag-mutable: severe\n'), '2: invalid config: rules.image-tag-mutable: must be true/false, a severity, or a mapping with enabled, severity and options');
    assert.equal(await errorOf('failOn: urgent\n'), '1: invalid config: failOn: must be one of critical, high, medium, low, info');
    assert.equal(await errorOf('exemptions:\n  - rules: [x]\n'), '2: invalid config: exemptions.0: must have required property \'reason\'');
    assert.equal(await errorOf('exemptions:\n  - reason: r\n    rules: [nope]\n'), '3: invalid config: unknown rule "nope" in exemption');
    assert.equal(await errorOf('colour: true\n'), '1: invalid config: config: unknown key "colour"');
    assert.equal(await errorOf('rules:\n  privileged-container: {options: {x: 1}}\n'), '2: invalid config: rule "privileged-container" takes no options');
    assert.equal(await errorOf('rules:\n  image-tag-mutable:\n    options:\n      minimum: -1\n'), '4: invalid config: rules.image-tag-mutable.options.minimum: must be >= 0');
    assert.equal(await errorOf('rules:\n  image-tag-mutable:\n    options: {maximum: 1}\n'), '3: invalid config: rules.image-tag-mutable.options: unknown key "maximum"');
    assert.equal(await errorOf('rules: [\n'), '2: invalid YAML in config: deficient indentation');
  });

  describe('discovery', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kubeward-config-'));
    after(() => {
      rmSync(directory, { recursive: true, force: true });
    });

    it('uses ./kubeward.yaml when present and nothing otherwise', async () => {
      const none = await loadConfig(undefined, directory, KNOWN);
      assert.ok('config' in none && none.config.file === undefined);
      writeFileSync(join(directory, 'kubeward.yaml'), 'failOn: low\n');
      const found = await loadConfig(undefined, directory, KNOWN);
      assert.ok('config' in found && found.config.failOn === 'low' && found.config.file === 'kubeward.yaml');
    });

    it('fails clearly when --config names a missing file', async () => {
      const missing = await loadConfig('nope.yaml', directory, KNOWN);
      assert.ok('error' in missing);
      assert.equal(missing.error.message, 'cannot read config: no such file or directory');
    });
  });
});
