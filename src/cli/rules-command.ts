import { ALL_RULES } from '../rules/index.js';
import { ruleMetadata } from '../rules/metadata.js';
import { rulesMarkdownTable } from '../rules/rules-table.js';
import { EXIT_OK } from './exit-codes.js';

export function runRules(output: 'text' | 'json' | 'markdown'): number {
  if (output === 'json') {
    process.stdout.write(JSON.stringify(ALL_RULES.map(ruleMetadata), null, 2) + '\n');
    return EXIT_OK;
  }
  if (output === 'markdown') {
    process.stdout.write(rulesMarkdownTable(ALL_RULES));
    return EXIT_OK;
  }
  const idWidth = Math.max(...ALL_RULES.map(rule => rule.id.length), 2);
  const lines = [`${'ID'.padEnd(idWidth)}  SEVERITY  CATEGORY      TITLE`];
  for (const rule of ALL_RULES) {
    lines.push(`${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(8)}  ${rule.category.padEnd(12)}  ${rule.title}`);
  }
  lines.push('', `${String(ALL_RULES.length)} rules. \`kubeward explain RULE-ID\` tells what one checks and how to fix it.`);
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}
