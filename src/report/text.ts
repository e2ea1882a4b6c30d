import { createColors } from 'picocolors';

import type { Finding } from '../findings/finding.js';
import { isActive } from '../findings/finding.js';
import type { Severity } from '../rules/types.js';
import { SEVERITIES } from '../rules/types.js';
import { DOCS_BASE_URI } from '../version.js';
import { postureScores, practiceOf } from './posture.js';
import { countBaseline, countBySeverity, countSuppressed } from './summary.js';
import type { Formatter } from './types.js';

/**
 * For people: findings grouped by the security practice they implement, each with its posture
 * score, then by file and resource with the line of each offending field; what to do about each
 * rule; a summary; and input errors last, so they stay visible.
 */
export const formatText: Formatter = (result, options) => {
  const c = createColors(options.color);
  const paint: Record<Severity, (text: string) => string> = {
    critical: text => c.bold(c.red(text)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
  };
  const lines: string[] = [];
  const active = result.findings.filter(isActive);
  const scores = postureScores(result.rules, result.examined, result.findings);

  for (const score of scores) {
    const inPractice = active.filter(finding => practiceOf(finding.category) === score.practice);
    if (inPractice.length === 0) continue;
    lines.push(c.bold(`${score.title}  ${formatScore(score.score, c)}`));
    lines.push('');
    for (const [file, byResource] of groupByFileAndResource(inPractice)) {
      lines.push(`  ${c.underline(file)}`);
      for (const [resource, findings] of byResource) {
        const template = findings[0]?.source?.template;
        lines.push(`    ${c.bold(resource)}${template === undefined ? '' : c.dim(`  (from ${template})`)}`);
        for (const finding of findings) {
          const where = finding.source === undefined ? '' : `:${String(finding.source.line)}`;
          const label = paint[finding.severity](finding.severity.toUpperCase().padEnd(8));
          lines.push(`      ${label} ${c.dim(where.padEnd(6))} ${finding.message} ${c.dim(`[${finding.ruleId}]`)}`);
        }
      }
    }
    lines.push('');
  }

  const fired = [...new Map(active.map(finding => [finding.ruleId, finding])).values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1));
  if (fired.length > 0) {
    lines.push(c.bold('How to fix'));
    for (const finding of fired) {
      lines.push(`  ${c.bold(finding.ruleId)}: ${finding.remediation}`);
      lines.push(`    ${c.dim(DOCS_BASE_URI + finding.ruleId + '.md')}`);
    }
    lines.push('');
  }

  lines.push(c.bold('Summary'));
  const counts = countBySeverity(result.findings);
  for (const severity of SEVERITIES) {
    const count = counts[severity];
    const text = `  ${severity.padEnd(9)}${String(count).padStart(6)}`;
    lines.push(count > 0 ? paint[severity](text) : c.dim(text));
  }
  if (scores.length > 0) {
    lines.push('');
    lines.push(c.bold('Posture by practice') + c.dim('  (100 = every weighted check passes; see docs/posture.md)'));
    const width = Math.max(...scores.map(score => score.title.length));
    for (const score of scores) {
      lines.push(`  ${score.title.padEnd(width)}  ${formatScore(score.score, c)}  ${c.dim(`${String(score.failed)} of ${String(score.checks)} checks failing, ${String(score.findings)} findings`)}`);
    }
    lines.push('');
  }
  const affected = new Set(active.map(finding => resourceLabel(finding))).size;
  const extras = [
    `${String(active.length)} findings in ${String(affected)} of ${String(result.stats.objects)} resources`,
    `${String(result.stats.files)} ${result.stats.files === 1 ? 'file' : 'files'}`,
  ];
  const suppressed = countSuppressed(result.findings);
  if (suppressed > 0) extras.push(`${String(suppressed)} suppressed`);
  const baseline = countBaseline(result.findings);
  if (baseline > 0) extras.push(`${String(baseline)} already in baseline`);
  if (result.stats.ignoredDocuments > 0) extras.push(`${String(result.stats.ignoredDocuments)} non-Kubernetes YAML documents skipped`);
  const unknown = Object.entries(result.stats.unknownKinds);
  if (unknown.length > 0) extras.push(`unknown kinds not checked: ${unknown.map(([kind, n]) => `${kind} (${String(n)})`).join(', ')}`);
  lines.push(`  ${extras.join(' · ')}`);

  if (result.errors.length > 0) {
    lines.push('');
    lines.push(c.bold(c.red(`Errors (${String(result.errors.length)}): these inputs were not fully scanned`)));
    for (const error of result.errors) {
      const where = error.line > 0 ? `${error.file}:${String(error.line)}${error.column === undefined ? '' : `:${String(error.column)}`}` : error.file;
      lines.push(`  ${c.red(where)}  ${error.message}`);
    }
  }
  return lines.join('\n') + '\n';
};

function formatScore(score: number | undefined, c: ReturnType<typeof createColors>): string {
  if (score === undefined) return c.dim('  n/a');
  const text = `${String(score).padStart(3)}/100`;
  return score >= 90 ? c.green(text) : score >= 70 ? c.yellow(text) : c.red(text);
}

function groupByFileAndResource(findings: readonly Finding[]): Map<string, Map<string, Finding[]>> {
  const groups = new Map<string, Map<string, Finding[]>>();
  for (const finding of findings) {
    const file = finding.source?.file ?? '(cluster)';
    let byResource = groups.get(file);
    if (byResource === undefined) {
      byResource = new Map<string, Finding[]>();
      groups.set(file, byResource);
    }
    const key = resourceLabel(finding);
    const list = byResource.get(key);
    if (list === undefined) byResource.set(key, [finding]);
    else list.push(finding);
  }
  return groups;
}

function resourceLabel(finding: Finding): string {
  const { kind, namespace, name } = finding.resource;
  const shown = name === '' ? '<unnamed>' : name;
  return namespace === undefined ? `${kind} ${shown}` : `${kind} ${namespace}/${shown}`;
}
