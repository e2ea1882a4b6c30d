import { ALL_RULES, findRule } from '../rules/index.js';
import { ruleMetadata } from '../rules/metadata.js';
import { EXIT_INPUT_ERROR, EXIT_OK } from './exit-codes.js';

export function runExplain(id: string): number {
  const rule = findRule(id);
  if (rule === undefined) {
    const suggestion = closest(id, ALL_RULES.map(candidate => candidate.id));
    process.stderr.write(`kubeward: unknown rule "${id}"${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`} (see \`kubeward rules\`)\n`);
    return EXIT_INPUT_ERROR;
  }
  const meta = ruleMetadata(rule);
  const lines = [
    `${meta.id}: ${meta.title}`,
    `severity: ${meta.severity}   category: ${meta.category}   auto-fixable: ${meta.fixable ? 'yes' : 'no'}`,
    '',
    meta.description,
    '',
    'How to fix:',
    `  ${meta.remediation}`,
  ];
  const frameworks = Object.entries(meta.frameworks).filter((entry): entry is [string, readonly string[]] => Array.isArray(entry[1]) && entry[1].length > 0);
  if (frameworks.length > 0) {
    lines.push('', 'Frameworks:');
    for (const [name, ids] of frameworks) lines.push(`  ${FRAMEWORK_NAMES[name] ?? name}: ${ids.join(', ')}`);
  }
  const equivalents = Object.entries(meta.equivalents);
  if (equivalents.length > 0) {
    lines.push('', 'Same check in other scanners:');
    for (const [tool, ids] of equivalents) lines.push(`  ${tool}: ${typeof ids === 'string' ? ids : ids.join(', ')}`);
  }
  lines.push('', `Docs: ${meta.docs}`);
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}

const FRAMEWORK_NAMES: Readonly<Record<string, string>> = {
  cis: 'CIS Kubernetes Benchmark v1.12',
  nsa: 'NSA-CISA Kubernetes Hardening Guide',
  mitre: 'MITRE ATT&CK',
  pss: 'Pod Security Standards',
};

/** The id within edit distance 3, for "did you mean". */
function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
