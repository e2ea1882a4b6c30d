import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { ALL_RULES } from '../src/rules/index.js';
import { scanText } from './helpers/scan-text.js';

const FIXTURES = new URL('./fixtures/rules/', import.meta.url).pathname;
const EXPECT = /#\s*expect:\s*([a-z0-9,\s-]+)$/;

/** Lines carrying `# expect: <rule-id>` comments, one entry per expected finding. */
function expectedLines(text: string, ruleId: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, index) => {
    const match = EXPECT.exec(line);
    if (match === null) return;
    for (const id of (match[1] ?? '').split(',').map(part => part.trim())) if (id === ruleId) lines.push(index + 1);
  });
  return lines;
}

function fixtureFiles(ruleId: string, kind: 'valid' | 'invalid'): string[] {
  const directory = join(FIXTURES, ruleId, kind);
  try {
    return readdirSync(directory)
      .filter(name => name.endsWith('.yaml'))
      .sort()
      .map(name => join(directory, name));
  } catch {
    return [];
  }
}

/**
 * Every rule runs on its own fixtures and must report exactly the lines marked `# expect:` in
 * invalid files and nothing in valid ones, so false positives fail as loudly as misses.
 */
for (const rule of ALL_RULES) {
  describe(`rule ${rule.id}`, () => {
    for (const file of fixtureFiles(rule.id, 'invalid')) {
      it(`reports exactly the marked lines in invalid/${file.split('/').pop() ?? ''}`, async () => {
        const text = readFileSync(file, 'utf8');
        const result = await scanText(text, { rules: [rule], file });
        assert.deepEqual(result.errors, [], 'fixtures must be valid manifests');
        const actual = result.findings.map(finding => finding.source?.line ?? 0).sort((a, b) => a - b);
        const expected = expectedLines(text, rule.id);
        assert.ok(expected.length > 0, 'an invalid fixture must mark at least one line with # expect:');
        assert.deepEqual(actual, expected, result.findings.map(finding => `${String(finding.source?.line)}: ${finding.message}`).join('\n'));
      });
    }
    for (const file of fixtureFiles(rule.id, 'valid')) {
      it(`reports nothing in valid/${file.split('/').pop() ?? ''}`, async () => {
        const text = readFileSync(file, 'utf8');
        const result = await scanText(text, { rules: [rule], file });
        assert.deepEqual(result.errors, [], 'fixtures must be valid manifests');
        assert.deepEqual(
          result.findings.map(finding => `${String(finding.source?.line)}: ${finding.message}`),
          [],
        );
      });
    }
  });
}
