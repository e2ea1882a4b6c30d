import type { Finding } from '../findings/finding.js';
import { isActive } from '../findings/finding.js';
import { SEVERITIES } from '../rules/types.js';
import { DOCS_BASE_URI, TOOL_NAME } from '../version.js';
import { postureScores } from './posture.js';
import { countBaseline, countBySeverity, countSuppressed } from './summary.js';
import type { Formatter } from './types.js';

/** For pull-request comments and job summaries (`>> $GITHUB_STEP_SUMMARY`). */
export const formatMarkdown: Formatter = (result, options) => {
  const counts = countBySeverity(result.findings);
  const active = result.findings.filter(isActive);
  const lines = [
    `## ${TOOL_NAME} scan`,
    '',
    `${String(active.length)} findings in ${String(result.stats.objects)} resources from ${String(result.stats.files)} files` +
      (countSuppressed(result.findings) > 0 ? `, ${String(countSuppressed(result.findings))} suppressed` : '') +
      (countBaseline(result.findings) > 0 ? `, ${String(countBaseline(result.findings))} already in the baseline` : '') +
      `${result.errors.length > 0 ? `, **${String(result.errors.length)} input errors**` : ''}.`,
    '',
    '| Severity | Findings |',
    '|---|---:|',
    ...SEVERITIES.map(severity => `| ${severity} | ${String(counts[severity])} |`),
    '',
  ];
  const scores = postureScores(result.rules, result.examined, result.findings);
  if (scores.length > 0) {
    lines.push('| Practice | Posture | Failing checks |', '|---|---:|---:|');
    for (const score of scores) {
      lines.push(`| ${score.title} | ${score.score === undefined ? 'n/a' : `${String(score.score)}/100`} | ${String(score.failed)} of ${String(score.checks)} |`);
    }
    lines.push('');
  }
  if (active.length > 0) {
    lines.push('| Severity | Rule | Resource | Location | Finding |', '|---|---|---|---|---|');
    const ordered = [...active].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    for (const finding of ordered) {
      lines.push(
        `| ${finding.severity} | [${finding.ruleId}](${DOCS_BASE_URI}${finding.ruleId}.md) | ${cell(resource(finding))} | ${cell(location(finding))} | ${cell(finding.message)} |`,
      );
    }
    lines.push('');
  }
  if (result.errors.length > 0) {
    lines.push('### Input errors', '');
    for (const error of result.errors) lines.push(`- \`${error.file}${error.line > 0 ? `:${String(error.line)}` : ''}\`: ${cell(error.message)}`);
    lines.push('');
  }
  lines.push(`<sub>${TOOL_NAME} ${options.toolVersion}</sub>`);
  return lines.join('\n') + '\n';
};

function resource(finding: Finding): string {
  const { kind, namespace, name } = finding.resource;
  return namespace === undefined ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}

function location(finding: Finding): string {
  if (finding.source === undefined) return '';
  const at = `${finding.source.file}:${String(finding.source.line)}`;
  return finding.source.template === undefined ? `\`${at}\`` : `\`${finding.source.template}\` (\`${at}\`)`;
}

/** Table cells cannot hold pipes or newlines. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ');
}
