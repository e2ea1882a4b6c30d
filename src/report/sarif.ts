import type { Finding } from '../findings/finding.js';
import { ruleMetadata } from '../rules/metadata.js';
import type { Severity } from '../rules/types.js';
import { TOOL_NAME, TOOL_URI } from '../version.js';
import type { Formatter } from './types.js';

/** GitHub reads `security-severity` (0-10) to rank alerts: 9+ critical, 7+ high, 4+ medium. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};
const FINGERPRINT_KEY = 'kubeward/v1';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: stable rule ids with metadata, a physical
 * location per result (the Helm template when there is one), partial fingerprints so alerts
 * survive line moves, suppressions and baseline state.
 */
export const formatSarif: Formatter = (result, options) => {
  const rules = result.rules.map(ruleMetadata);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: TOOL_URI,
            rules: rules.map(rule => ({
              id: rule.id,
              name: pascalCase(rule.id),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: { text: rule.remediation, markdown: `${rule.remediation}\n\n[Rule documentation](${rule.docs})` },
              helpUri: rule.docs,
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: {
                tags: ['security', 'kubernetes', rule.category, ...(rule.frameworks.cis ?? []).map(id => `CIS-${id}`)].slice(0, 10),
                precision: 'very-high',
                'security-severity': SECURITY_SEVERITY[rule.severity],
              },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory kubeward was run from.' } } },
        results: result.findings.map(finding => toResult(finding, ruleIndex.get(finding.ruleId) ?? -1, result.baselineApplied)),
        invocations: [
          {
            executionSuccessful: result.errors.length === 0,
            toolExecutionNotifications: result.errors.map(error => ({
              level: 'error',
              message: { text: error.message },
              locations: [{ physicalLocation: physical(error.file, error.line, error.column) }],
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
};

function toResult(finding: Finding, ruleIndex: number, baselineApplied: boolean): object {
  const { kind, namespace, name } = finding.resource;
  const resource = [kind, namespace, name].filter(part => part !== undefined && part !== '').join('/');
  const source = finding.source;
  const locations =
    source === undefined
      ? []
      : [
          {
            physicalLocation:
              source.template === undefined ? physical(source.file, source.line, source.column) : physical(source.template, 0, undefined),
            logicalLocations: [{ fullyQualifiedName: resource, kind: 'resource' }],
          },
        ];
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text: `${finding.message} (${resource})` },
    locations,
    ...(source?.template === undefined ? {} : { relatedLocations: [{ id: 0, physicalLocation: physical(source.file, source.line, source.column) }] }),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.suppressed === undefined
      ? {}
      : { suppressions: [{ kind: finding.suppressed.by === 'annotation' ? 'inSource' : 'external', justification: finding.suppressed.reason }] }),
    ...(baselineApplied ? { baselineState: finding.baseline === true ? 'unchanged' : 'new' } : {}),
    properties: { severity: finding.severity, resource: finding.resource, path: finding.path },
  };
}

function physical(file: string, line: number, column: number | undefined): object {
  const uri = file === '<stdin>' ? 'stdin' : encodeURI(file.replaceAll('\\', '/'));
  return {
    artifactLocation: { uri, ...(uri.startsWith('/') ? {} : { uriBaseId: '%SRCROOT%' }) },
    ...(line > 0 ? { region: { startLine: line, ...(column === undefined ? {} : { startColumn: column }) } } : {}),
  };
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
