// Regenerates the parts of the docs that come from rule metadata: the README rules table.
import { readFileSync, writeFileSync } from 'node:fs';

import { ALL_RULES } from '../src/rules/index.js';
import { rulesMarkdownTable } from '../src/rules/rules-table.js';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

const readme = readFileSync(README, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start === -1 || end < start) {
  console.error(`README.md needs ${START} and ${END} markers`);
  process.exit(1);
}
const updated = `${readme.slice(0, start + START.length)}\n${rulesMarkdownTable(ALL_RULES)}${readme.slice(end)}`;
if (updated !== readme) writeFileSync(README, updated);
console.log(`rules table: ${String(ALL_RULES.length)} rules`);
