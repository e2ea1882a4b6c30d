import { DOCS_BASE_URI } from '../version.js';
import type { Rule, RuleMeta } from './types.js';

export interface RuleMetadata extends RuleMeta {
  readonly docs: string;
}

/** The data half of a rule: what `rules -o json`, SARIF and the docs publish. */
export function ruleMetadata(rule: Rule): RuleMetadata {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: rule.category,
    description: rule.description,
    remediation: rule.remediation,
    frameworks: rule.frameworks,
    equivalents: rule.equivalents,
    fixable: rule.fixable,
    ...(rule.optionsSchema === undefined ? {} : { optionsSchema: rule.optionsSchema }),
    docs: `${DOCS_BASE_URI}${rule.id}.md`,
  };
}
