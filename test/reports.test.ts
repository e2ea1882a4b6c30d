import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

import { ALL_RULES, RULES } from '../src/rules/index.js';
import { defineRule } from '../src/rules/types.js';
import { getArray, isRecord } from '../src/snapshot/guards.js';
import { formatJson } from '../src/report/json.js';
import { formatJunit } from '../src/report/junit.js';
import { formatMarkdown } from '../src/report/markdown.js';
import { formatSarif } from '../src/report/sarif.js';
import { formatText } from '../src/report/text.js';
import type { Formatter } from '../src/report/types.js';
import type { ScanResult } from '../src/scan/scan.js';
import { scanText } from './helpers/scan-text.js';

const OPTIONS = { color: false, toolVersion: '9.9.9' };
const FORMATTERS: Record<string, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif, junit: formatJunit, markdown: formatMarkdown };

const INPUT = `---
# Source: shop/templates/web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      hostPID: true
      containers:
        - name: web
          image: registry.example.com/web:1.0.0
          securityContext:
            privileged: true
---
apiVersion: v1
kind: Pod
metadata:
  name: "pipe|name"
  namespace: shop
  annotations:
    kubeward.io/ignore: host-pid
    kubeward.io/ignore-reason: "reviewed <2024> & approved"
spec:
  hostPID: true
  containers:
    - name: c
      image: registry.example.com/c:1.0.0
---
apiVersion: v1
kind: Pod
metadata: {name: clean, namespace: shop}
spec:
  containers: [{name: c, image: registry.example.com/c:1.0.0}]
---
kind: [broken
`;

const rules = [RULES['privileged-container'], RULES['host-pid']];

async function sample(): Promise<ScanResult> {
  const first = await scanText(INPUT, { rules, file: 'deploy/all.yaml' });
  const hostPid = first.findings.find(finding => finding.ruleId === 'host-pid' && finding.resource.name === 'web');
  assert.ok(hostPid !== undefined);
  return scanText(INPUT, { rules, file: 'deploy/all.yaml', baseline: new Map([[hostPid.fingerprint, 1]]) });
}

describe('reports', () => {
  it('json follows the documented schema', async () => {
    const report = JSON.parse(formatJson(await sample(), OPTIONS)) as Record<string, unknown>;
    assert.deepEqual(report.tool, { name: 'kubeward', version: '9.9.9' });
    assert.deepEqual(report.summary, { critical: 1, high: 0, medium: 0, low: 0, info: 0, resources: 3, suppressed: 1, baseline: 1, errors: 1 });
    const findings = report.findings as Record<string, unknown>[];
    assert.deepEqual(
      findings.map(finding => [finding.ruleId, (finding.resource as { name: string }).name, (finding.source as { line: number }).line, finding.suppressed, finding.baseline]),
      [
        ['host-pid', 'web', 13, undefined, true],
        ['privileged-container', 'web', 18, undefined, undefined],
        ['host-pid', 'pipe|name', 29, { reason: 'reviewed <2024> & approved', by: 'annotation' }, undefined],
      ],
    );
    const first = findings[1] ?? {};
    for (const key of ['ruleId', 'severity', 'category', 'title', 'message', 'remediation', 'resource', 'source', 'frameworks', 'equivalents', 'fingerprint']) {
      assert.ok(key in first, key);
    }
    assert.deepEqual(first.resource, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' });
    assert.deepEqual(first.source, { file: 'deploy/all.yaml', line: 18, column: 13, template: 'shop/templates/web.yaml' });
    assert.deepEqual(report.errors, [{ source: { file: 'deploy/all.yaml', line: 40, column: 1 }, message: 'invalid YAML: deficient indentation' }]);
    assert.deepEqual(report.posture, [{ practice: 'workload', title: 'Workload hardening', score: 63, checks: 5, failed: 2, findings: 1 }]);
  });

  it('sarif carries rule metadata, locations, fingerprints, suppressions and baseline state as GitHub expects', async () => {
    const sarif = JSON.parse(formatSarif(await sample(), OPTIONS)) as {
      version: string;
      $schema: string;
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string; properties: Record<string, unknown>; helpUri: string; shortDescription: { text: string } }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
          relatedLocations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
          partialFingerprints: Record<string, string>;
          suppressions?: { kind: string; justification: string }[];
          baselineState?: string;
        }[];
        invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const [run] = sarif.runs;
    assert.ok(run !== undefined);
    const driverRules = run.tool.driver.rules;
    assert.deepEqual(driverRules.map(rule => rule.id), ['privileged-container', 'host-pid']);
    assert.equal(driverRules[0]?.properties['security-severity'], '9.5');
    assert.equal(driverRules[1]?.properties['security-severity'], '8.0');
    for (const result of run.results) {
      assert.equal(driverRules[result.ruleIndex]?.id, result.ruleId);
      assert.match(result.partialFingerprints['kubeward/v1'] ?? '', /^[0-9a-f]{32}$/);
    }
    const [baselined, privileged, suppressed] = run.results;
    assert.ok(baselined !== undefined && privileged !== undefined && suppressed !== undefined);
    assert.equal(baselined.baselineState, 'unchanged');
    assert.equal(privileged.baselineState, 'new');
    assert.equal(privileged.level, 'error');
    assert.equal(privileged.locations[0]?.physicalLocation.artifactLocation.uri, 'shop/templates/web.yaml');
    assert.equal(privileged.relatedLocations[0]?.physicalLocation.region?.startLine, 18);
    assert.deepEqual(suppressed.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'deploy/all.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 29, startColumn: 3 },
    });
    assert.deepEqual(suppressed.suppressions, [{ kind: 'inSource', justification: 'reviewed <2024> & approved' }]);
    const [invocation] = run.invocations;
    assert.ok(invocation !== undefined);
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications.length, 1);
  });

  it('junit is well-formed XML with a suite per rule and a case per examined resource', async () => {
    const xml = formatJunit(await sample(), OPTIONS);
    // Throws with the line and column of the first well-formedness error.
    new SyntaxValidator({ invalidCharSequence: { comment: true, tagValue: true, attrLt: true } }).validate(xml);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
      testsuites: { tests: string; failures: string; errors: string; skipped: string; testsuite: { name: string; tests: string; failures: string; skipped: string; testcase: { classname: string; failure?: unknown; skipped?: { message: string }; error?: unknown }[] }[] };
    };
    const suites = parsed.testsuites.testsuite;
    assert.deepEqual(suites.map(suite => [suite.name, suite.tests, suite.failures, suite.skipped]), [
      ['privileged-container', '3', '1', '0'],
      ['host-pid', '3', '0', '2'],
      ['kubeward.input', '1', '0', '0'],
    ]);
    const hostPid = suites[1]?.testcase ?? [];
    assert.deepEqual(hostPid.map(testcase => testcase.skipped?.message ?? 'pass'), ['already in the baseline', 'suppressed: reviewed <2024> & approved', 'pass']);
    assert.equal(parsed.testsuites.failures, '1');
    assert.equal(parsed.testsuites.errors, '1');
  });

  it('markdown escapes table cells and summarises', async () => {
    const markdown = formatMarkdown(await sample(), OPTIONS);
    assert.match(markdown, /^## kubeward scan/);
    assert.match(markdown, /1 findings in 3 resources from 1 files, 1 suppressed, 1 already in the baseline, \*\*1 input errors\*\*\./);
    assert.match(markdown, /\| critical \| 1 \|/);
    assert.match(markdown, /\| Workload hardening \| 63\/100 \| 2 of 5 \|/);
    assert.match(markdown, /\| critical \| \[privileged-container\]\([^)]+\) \| Deployment\/shop\/web \| `shop\/templates\/web\.yaml` \(`deploy\/all\.yaml:18`\) \|/);
    const rows = markdown.split('\n').filter(line => line.startsWith('| critical | ['));
    assert.equal(rows.length, 1);
  });

  it('text groups findings by practice (with its score), file and resource, with the summary and errors last', async () => {
    const text = formatText(await sample(), OPTIONS);
    assert.ok(!text.includes('\u001b['));
    const lines = text.split('\n');
    // privileged-container (weight 10) fails 1 of 3 pods; host-pid (weight 5) fails 1 of 2 (one suppressed): 1 - 15/40.
    assert.equal(lines[0], 'Workload hardening   63/100');
    assert.equal(lines[2], '  deploy/all.yaml');
    assert.equal(lines[3], '    Deployment shop/web  (from shop/templates/web.yaml)');
    assert.match(lines[4] ?? '', /^ {6}CRITICAL :18 {4}container "web" runs privileged.*\[privileged-container\]$/);
    assert.match(text, /Posture by practice[^\n]*\n {2}Workload hardening +63\/100 {2}2 of 5 checks failing, 1 findings/);
    assert.ok(!text.includes('pipe|name'), 'suppressed findings are counted, not listed');
    assert.match(text, /1 findings in 1 of 3 resources · 1 file · 1 suppressed · 1 already in baseline/);
    assert.match(text, /Errors \(1\)[^\n]*\n {2}deploy\/all\.yaml:40:1 {2}invalid YAML/);
    assert.ok(formatText(await sample(), { ...OPTIONS, color: true }).includes('\u001b['));
  });

  it('is deterministic', async () => {
    for (const [name, format] of Object.entries(FORMATTERS)) {
      assert.equal(format(await sample(), OPTIONS), format(await sample(), OPTIONS), name);
    }
  });
});

describe('secret values', () => {
  const SECRET_TEXT = `apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
type: Opaque
data:
  password: ${Buffer.from('Tr0ub4dor&3-horse-battery').toString('base64')}
stringData:
  token: ghp_abcdefghijklmnopqrstuvwxyz0123456789
---
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: shop}
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
      env: [{name: API_TOKEN, value: "sk_live_51HxYzVeryRealLookingKey"}]
      securityContext: {privileged: true}
---
apiVersion: v1
kind: Secret
metadata: {name: broken}
stringData:
  key: -----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
   bad: [
`;

  // A careless rule that quotes env values: the redaction pass must still mask them.
  const leaky = defineRule({
    ...RULES['privileged-container'],
    id: 'leaky-rule',
    target: 'pod',
    check(pod, context) {
      for (const container of pod.containers) {
        for (const variable of getArray(container.body, 'env') ?? []) {
          if (isRecord(variable)) context.report(pod.object, container.path, `env ${String(variable.name)}=${String(variable.value)}; also saw Tr0ub4dor&3-horse-battery`);
        }
      }
    },
  });

  it('never appear in any format, even when a message or a parse error would contain them', async () => {
    const result = await scanText(SECRET_TEXT, { file: 'secrets.yaml', rules: [...ALL_RULES, leaky] });
    assert.ok(result.findings.some(finding => finding.ruleId === 'leaky-rule' && finding.message === 'env API_TOKEN=****; also saw ****'));
    assert.ok(result.findings.length > 0 && result.errors.length > 0);
    for (const [name, format] of Object.entries(FORMATTERS)) {
      const output = format(result, OPTIONS);
      for (const secret of ['Tr0ub4dor&3-horse-battery', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'sk_live_51HxYzVeryRealLookingKey', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC']) {
        assert.ok(!output.includes(secret), `${name} output shows ${secret}`);
        assert.ok(!output.includes(escapeForXml(secret)), `${name} output shows ${secret}`);
      }
    }
  });
});

function escapeForXml(text: string): string {
  return text.replaceAll('&', '&amp;');
}
