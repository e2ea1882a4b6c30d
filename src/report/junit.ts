import type { Finding } from '../findings/finding.js';
import type { KubeObject } from '../snapshot/kube-object.js';
import { TOOL_NAME } from '../version.js';
import type { Formatter } from './types.js';
import { escapeXml } from './xml.js';

/**
 * JUnit XML for CI dashboards: a test suite per rule and a test case per resource the rule
 * examined, so passing resources count too. Suppressed and baselined findings are skipped
 * cases; input errors form a suite of their own.
 */
export const formatJunit: Formatter = result => {
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  let totalSkipped = 0;

  for (const rule of result.rules) {
    const findings = result.findings.filter(finding => finding.ruleId === rule.id);
    const byResource = new Map<string, Finding[]>();
    for (const finding of findings) {
      const key = resourceKey(finding.resource);
      byResource.set(key, [...(byResource.get(key) ?? []), finding]);
    }
    const cases: string[] = [];
    const seen = new Set<string>();
    let failures = 0;
    let skipped = 0;
    for (const object of result.examined.get(rule.id) ?? []) {
      const key = objectKey(object);
      if (seen.has(key)) continue;
      seen.add(key);
      const own = byResource.get(key) ?? [];
      const active = own.filter(finding => finding.suppressed === undefined && finding.baseline !== true);
      const location = object.source === undefined ? '' : ` file="${escapeXml(object.source.file)}" line="${String(object.line)}"`;
      const open = `    <testcase classname="${escapeXml(key)}" name="${escapeXml(`${rule.id}: ${key}`)}"${location}>`;
      if (active.length > 0) {
        failures++;
        const first = active[0];
        const body = active
          .map(finding => `${finding.source === undefined ? '' : `${finding.source.file}:${String(finding.source.line)}: `}${finding.message}`)
          .join('\n');
        cases.push(
          `${open}\n      <failure message="${escapeXml(first?.message ?? rule.title)}" type="${rule.severity}">${escapeXml(`${body}\n\nHow to fix: ${rule.remediation}`)}</failure>\n    </testcase>`,
        );
      } else if (own.length > 0) {
        skipped++;
        const first = own[0];
        const why = first?.suppressed !== undefined ? `suppressed: ${first.suppressed.reason}` : 'already in the baseline';
        cases.push(`${open}\n      <skipped message="${escapeXml(why)}"/>\n    </testcase>`);
      } else {
        cases.push(`${open.slice(0, -1)}/>`);
      }
    }
    totalTests += cases.length;
    totalFailures += failures;
    totalSkipped += skipped;
    suites.push(
      `  <testsuite name="${escapeXml(rule.id)}" tests="${String(cases.length)}" failures="${String(failures)}" errors="0" skipped="${String(skipped)}">\n${cases.join('\n')}${cases.length > 0 ? '\n' : ''}  </testsuite>`,
    );
  }

  if (result.errors.length > 0) {
    const cases = result.errors.map(error => {
      const where = error.line > 0 ? `${error.file}:${String(error.line)}` : error.file;
      return `    <testcase classname="input" name="${escapeXml(where)}">\n      <error message="${escapeXml(error.message)}" type="input-error"/>\n    </testcase>`;
    });
    suites.push(`  <testsuite name="kubeward.input" tests="${String(cases.length)}" failures="0" errors="${String(cases.length)}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const errors = result.errors.length;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${TOOL_NAME}" tests="${String(totalTests + errors)}" failures="${String(totalFailures)}" errors="${String(errors)}" skipped="${String(totalSkipped)}">\n` +
    suites.join('\n') +
    (suites.length > 0 ? '\n' : '') +
    '</testsuites>\n'
  );
};

function resourceKey(resource: { kind: string; namespace?: string; name: string }): string {
  return [resource.kind, resource.namespace, resource.name === '' ? '<unnamed>' : resource.name].filter(part => part !== undefined).join('/');
}

function objectKey(object: KubeObject): string {
  return resourceKey({ kind: object.kind, ...(object.namespace === undefined ? {} : { namespace: object.namespace }), name: object.name });
}
