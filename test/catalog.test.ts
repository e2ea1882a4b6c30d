import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';

import { ALL_RULES, RULES } from '../src/rules/index.js';
import { rulesMarkdownTable } from '../src/rules/rules-table.js';
import type { EquivalentTool, Rule } from '../src/rules/types.js';
import { CATEGORIES, EQUIVALENT_TOOLS, SEVERITIES } from '../src/rules/types.js';
import { scanText } from './helpers/scan-text.js';

const ROOT = new URL('../', import.meta.url).pathname;
const RULES_DIR = join(ROOT, 'src/rules');
const DOCS_DIR = join(ROOT, 'docs/rules');
const FIXTURES_DIR = join(ROOT, 'test/fixtures/rules');

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What each scanner's check IDs look like, so a typo in `equivalents` fails the build. */
const EQUIVALENT_FORMATS: Readonly<Record<EquivalentTool, RegExp>> = {
  polaris: /^[a-z][A-Za-z]+$/,
  'kube-score': KEBAB,
  'kube-linter': KEBAB,
  trivy: /^K[SC]V-\d{4,5}$/,
  checkov: /^CKV2?_K8S_\d+$/,
  kubescape: /^C-\d{4}$/,
  kubeaudit: /^[a-z][A-Za-z]*$/,
  kubesec: /^[A-Z][A-Za-z]+$/,
  'kube-bench': /^\d+(\.\d+)+$/,
};

const REQUIRED_SECTIONS = ['## Why it matters', '## ❌ Insecure', '## ✅ Secure', '## How to fix', '## Suppressing', '## References'];

function ruleFiles(): { id: string; category: string; path: string }[] {
  const files: { id: string; category: string; path: string }[] = [];
  for (const category of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!category.isDirectory() || category.name === 'util') continue;
    for (const file of readdirSync(join(RULES_DIR, category.name))) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) {
        files.push({ id: basename(file, '.ts'), category: category.name, path: join(RULES_DIR, category.name, file) });
      }
    }
  }
  return files;
}

function yamlBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(heading);
  if (start === -1) return [];
  const end = markdown.indexOf('\n## ', start + heading.length);
  const section = markdown.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map(match => match[1] ?? '');
}

function equivalentIds(rule: Rule): string[] {
  return Object.values(rule.equivalents).flatMap(value => (typeof value === 'string' ? [value] : [...value]));
}

describe('rule catalog', () => {
  it('has one file per rule under src/rules/<category>/<id>.ts, and the registry lists exactly those', async () => {
    const files = ruleFiles();
    assert.deepEqual(files.map(file => file.id).sort(), Object.keys(RULES).sort());
    for (const file of files) {
      const module: unknown = await import(file.path);
      assert.ok(typeof module === 'object' && module !== null && 'default' in module);
      const rule = module.default as Rule;
      assert.equal(rule.id, file.id, `${file.path} must default-export the rule with id "${file.id}"`);
      assert.equal(rule.category, file.category, `${file.id} lives in src/rules/${file.category}/ but declares category ${rule.category}`);
      assert.equal(RULES[file.id as keyof typeof RULES], rule, `registry entry ${file.id} must be the file's export`);
    }
  });

  it('uses unique kebab-case ids, known severities and categories, and complete text', () => {
    const ids = new Set<string>();
    for (const rule of ALL_RULES) {
      assert.match(rule.id, KEBAB);
      assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
      ids.add(rule.id);
      assert.ok(SEVERITIES.includes(rule.severity), `${rule.id}: severity`);
      assert.ok(CATEGORIES.includes(rule.category), `${rule.id}: category`);
      assert.ok(rule.title.length > 0 && rule.title.length <= 60, `${rule.id}: title must be 1-60 characters`);
      assert.ok(!rule.title.endsWith('.'), `${rule.id}: title without a full stop`);
      assert.ok(rule.description.length >= 40, `${rule.id}: description must explain the risk`);
      assert.ok(rule.remediation.length >= 20, `${rule.id}: remediation must say what to do`);
    }
  });

  it('declares option schemas that Ajv compiles in strict mode', async () => {
    const { validateRuleOptions } = await import('../src/config/schema.js');
    for (const rule of ALL_RULES) {
      if (rule.optionsSchema === undefined) continue;
      assert.equal(rule.optionsSchema.type, 'object', `${rule.id}: options schema must describe an object`);
      assert.equal(rule.optionsSchema.additionalProperties, false, `${rule.id}: options schema must reject unknown keys`);
      assert.equal(validateRuleOptions(rule.optionsSchema, {}, []), undefined, `${rule.id}: every option must be optional`);
    }
  });

  it('records well-formed framework references and equivalents', () => {
    for (const rule of ALL_RULES) {
      for (const id of rule.frameworks.cis ?? []) assert.match(id, /^\d+(\.\d+)+$/, `${rule.id}: CIS id`);
      for (const id of rule.frameworks.mitre ?? []) assert.match(id, /^T\d{4}(\.\d{3})?$/, `${rule.id}: MITRE id`);
      for (const id of rule.frameworks.pss ?? []) assert.match(id, /^(baseline|restricted)\/[A-Za-z_]+$/, `${rule.id}: PSS check`);
      for (const [tool, value] of Object.entries(rule.equivalents)) {
        assert.ok((EQUIVALENT_TOOLS as readonly string[]).includes(tool), `${rule.id}: unknown tool ${tool}`);
        const format = EQUIVALENT_FORMATS[tool as EquivalentTool];
        for (const id of typeof value === 'string' ? [value] : value) assert.match(id, format, `${rule.id}: ${tool} id "${id}"`);
      }
    }
  });

  it('has at least one valid and one invalid fixture per rule', () => {
    for (const rule of ALL_RULES) {
      for (const kind of ['valid', 'invalid']) {
        const directory = join(FIXTURES_DIR, rule.id, kind);
        const files = existsSync(directory) ? readdirSync(directory).filter(name => name.endsWith('.yaml')) : [];
        assert.ok(files.length > 0, `${rule.id}: needs test/fixtures/rules/${rule.id}/${kind}/*.yaml`);
      }
    }
  });

  for (const rule of ALL_RULES) {
    it(`documents ${rule.id} honestly`, async () => {
      const path = join(DOCS_DIR, `${rule.id}.md`);
      assert.ok(existsSync(path), `docs/rules/${rule.id}.md is missing`);
      const markdown = readFileSync(path, 'utf8');
      assert.equal(markdown.split('\n')[0], `# ${rule.id}: ${rule.title}`);
      assert.ok(markdown.includes(`**Severity:** ${rule.severity}`), 'states the default severity');
      for (const section of REQUIRED_SECTIONS) assert.ok(markdown.includes(`\n${section}\n`), `section "${section}"`);
      for (const id of equivalentIds(rule)) assert.ok(markdown.includes(id), `References must name equivalent ${id}`);
      for (const id of rule.frameworks.cis ?? []) assert.ok(markdown.includes(id), `References must name CIS ${id}`);
      if (rule.optionsSchema !== undefined) {
        assert.ok(markdown.includes('\n## Options\n'), 'a rule with options documents them under ## Options');
        const properties = rule.optionsSchema.properties;
        for (const option of Object.keys(typeof properties === 'object' && properties !== null ? properties : {})) {
          assert.ok(markdown.includes(`\`${option}\``), `## Options must describe \`${option}\``);
        }
      }
      const insecure = yamlBlocks(markdown, '## ❌ Insecure');
      const secure = yamlBlocks(markdown, '## ✅ Secure');
      assert.ok(insecure.length > 0 && secure.length > 0, 'both examples are YAML blocks');
      for (const example of insecure) {
        const result = await scanText(example, { rules: [rule] });
        assert.deepEqual(result.errors, []);
        assert.ok(result.findings.length > 0, 'the insecure example must trigger the rule');
      }
      for (const example of secure) {
        const result = await scanText(example, { rules: [rule] });
        assert.deepEqual(result.errors, []);
        assert.deepEqual(result.findings.map(finding => finding.message), [], 'the secure example must pass');
      }
    });
  }

  it('keeps the README rules table generated from metadata (npm run docs)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- rules:start -->');
    const end = readme.indexOf('<!-- rules:end -->');
    assert.ok(start !== -1 && end > start, 'README needs <!-- rules:start --> and <!-- rules:end --> markers');
    const table = readme.slice(start + '<!-- rules:start -->'.length, end).trim();
    assert.equal(table, rulesMarkdownTable(ALL_RULES).trim(), 'README rules table is stale: run `npm run docs`');
  });
});
