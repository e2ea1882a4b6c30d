import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { loadConfig, parseConfig } from './config.js';

const KNOWN = new Set(['privileged-container', 'cpu-limits-missing', 'image-tag-mutable']);

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
        '  image-tag-mutable: critical',
        '  privileged-container: {enabled: true, severity: low, options: {x: 1}}',
        'exemptions:',
        '  - rules: [privileged-container]',
        '    namespaces: [kube-system]',
        '    reason: node agents',
      ].join('\n'),
      'kubeward.yaml',
      KNOWN,
    );
    assert.ok('config' in result);
    assert.equal(result.config.failOn, 'high');
    assert.deepEqual(Object.fromEntries(result.config.rules), {
      'cpu-limits-missing': { enabled: false },
      'image-tag-mutable': { enabled: true, severity: 'critical' },
      'privileged-container': { enabled: true, severity: 'low', options: { x: 1 } },
    });
    assert.deepEqual(result.config.exemptions, [{ rules: ['privileged-container'], namespaces: ['kube-system'], reason: 'node agents' }]);
  });

  it('names the file line of every mistake', async () => {
    assert.equal(await errorOf('failOn: high\nrules:\n  privileged-containr: off\n'), '3: invalid config: unknown rule "privileged-containr" (see `kubeward rules`)');
    assert.equal(await errorOf('rules:\n  image-tag-mutable: severe\n'), '2: invalid config: rules.image-tag-mutable: must be true/false, a severity, or a mapping with enabled, severity and options');
    assert.equal(await errorOf('failOn: urgent\n'), '1: invalid config: failOn: must be one of critical, high, medium, low, info');
    assert.equal(await errorOf('exemptions:\n  - rules: [x]\n'), '2: invalid config: exemptions.0: must have required property \'reason\'');
    assert.equal(await errorOf('exemptions:\n  - reason: r\n    rules: [nope]\n'), '3: invalid config: unknown rule "nope" in exemption');
    assert.equal(await errorOf('colour: true\n'), '1: invalid config: config: unknown key "colour"');
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
