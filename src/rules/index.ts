import duplicateKey from './supply-chain/duplicate-key.js';
import type { Rule } from './types.js';
import privilegedContainer from './workload/privileged-container.js';

/**
 * Every rule, keyed by id. Written out by hand (as typescript-eslint does) so the compiler
 * checks each entry; a meta-test checks the keys against the files and the docs.
 */
export const RULES = {
  'duplicate-key': duplicateKey,
  'privileged-container': privilegedContainer,
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const ALL_RULES: readonly Rule[] = Object.values<Rule>(RULES).sort((a, b) => compareIds(a.id, b.id));

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find(rule => rule.id === id);
}
