import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadText } from '../../test/helpers/scan-text.js';
import { defineRule } from '../rules/types.js';
import { ClusterSnapshot } from '../snapshot/snapshot.js';
import { runRules } from './run-rules.js';

const rule = defineRule({
  id: 'two-severities',
  title: 'Test rule',
  severity: 'high',
  category: 'workload',
  description: 'A rule that reports one finding at its own severity and one at a lower one.',
  remediation: 'Nothing to do: this rule only exists in a test.',
  frameworks: {},
  equivalents: {},
  fixable: false,
  target: 'object',
  kinds: ['ConfigMap'],
  check(object, context) {
    context.report(object, ['data', 'a'], 'default severity');
    context.report(object, ['data', 'b'], 'lower severity', { severity: 'low' });
    context.report(object, ['data', 'b'], 'exact position', { at: { line: 99, column: 7 } });
  },
});

describe('runRules', () => {
  it('uses a per-finding severity unless the config sets one for the rule, and honours exact positions', async () => {
    const { objects } = await loadText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "1"\n  b: "2"\n');
    const snapshot = new ClusterSnapshot(objects);
    const plain = runRules(snapshot, [rule]);
    assert.deepEqual(
      plain.findings.map(finding => [finding.message, finding.severity, finding.source?.line, finding.source?.column]),
      [
        ['default severity', 'high', 5, 3],
        ['lower severity', 'low', 6, 3],
        ['exact position', 'high', 99, 7],
      ],
    );
    const configured = runRules(snapshot, [rule], new Map([['two-severities', { severity: 'medium' as const }]]));
    assert.deepEqual(
      configured.findings.map(finding => finding.severity),
      ['medium', 'medium', 'medium'],
    );
  });
});
