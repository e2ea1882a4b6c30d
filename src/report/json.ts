import type { Finding } from '../findings/finding.js';
import { TOOL_NAME } from '../version.js';
import { postureScores } from './posture.js';
import { countBaseline, countBySeverity, countSuppressed } from './summary.js';
import type { Formatter } from './types.js';

/** The `scan -o json` document of DESIGN.md. Extra fields may be added; none are ever renamed. */
export const formatJson: Formatter = (result, options) => {
  const document = {
    tool: { name: TOOL_NAME, version: options.toolVersion },
    summary: {
      ...countBySeverity(result.findings),
      resources: result.stats.objects,
      suppressed: countSuppressed(result.findings),
      baseline: countBaseline(result.findings),
      errors: result.errors.length,
    },
    posture: postureScores(result.rules, result.examined, result.findings).map(score => ({
      practice: score.practice,
      title: score.title,
      score: score.score ?? null,
      checks: score.checks,
      failed: score.failed,
      findings: score.findings,
    })),
    findings: result.findings.map(toJson),
    errors: result.errors.map(error => ({
      source: { file: error.file, line: error.line, ...(error.column === undefined ? {} : { column: error.column }) },
      message: error.message,
    })),
    stats: result.stats,
  };
  return JSON.stringify(document, null, 2) + '\n';
};

function toJson(finding: Finding): object {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    category: finding.category,
    title: finding.title,
    message: finding.message,
    remediation: finding.remediation,
    resource: finding.resource,
    ...(finding.source === undefined ? {} : { source: finding.source }),
    path: finding.path,
    frameworks: finding.frameworks,
    equivalents: finding.equivalents,
    fingerprint: finding.fingerprint,
    ...(finding.suppressed === undefined ? {} : { suppressed: finding.suppressed }),
    ...(finding.baseline === true ? { baseline: true } : {}),
  };
}
