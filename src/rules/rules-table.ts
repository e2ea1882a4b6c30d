import type { Rule } from './types.js';

/** The rules table of the README and `kubeward rules -o markdown`, generated from metadata. */
export function rulesMarkdownTable(rules: readonly Rule[], docsPrefix = 'docs/rules/'): string {
  const rows = rules.map(rule => {
    const cis = rule.frameworks.cis?.join(', ') ?? '';
    return `| [\`${rule.id}\`](${docsPrefix}${rule.id}.md) | ${rule.severity} | ${rule.category} | ${rule.title} | ${cis} |`;
  });
  return ['| Rule | Severity | Category | Checks that | CIS |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
