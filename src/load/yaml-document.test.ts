import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DEFAULT_LIMITS } from './limits.js';
import type { ParsedDocument } from './yaml-document.js';
import { ManifestSyntaxError, parseYamlDocuments } from './yaml-document.js';

function parseOne(text: string, line: number, limits: typeof DEFAULT_LIMITS): ParsedDocument {
  const document = parseYamlDocuments(text, line, limits).at(0);
  assert.ok(document !== undefined);
  return document;
}

describe('parseYamlDocuments', () => {
  it('resolves YAML 1.1 scalars the way the API server does', () => {
    const document = parseOne(
      'privileged: yes\nrunAsNonRoot: on\nhostPID: off\nreadOnly: n\ndefaultMode: 0644\nport: 0x1F\ncreated: 2024-01-01\nversion: "1.20"\n',
      1,
      DEFAULT_LIMITS,
    );
    assert.deepEqual(document.value, {
      privileged: true,
      runAsNonRoot: true,
      hostPID: false,
      readOnly: false,
      defaultMode: 420,
      port: 31,
      // go-yaml leaves timestamps as strings when decoding into untyped values.
      created: '2024-01-01',
      version: '1.20',
    });
  });

  it('records the line and column of every field, relative to the chunk start line', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n  - name: b\n    securityContext:\n      privileged: true\n';
    const document = parseOne(text, 41, DEFAULT_LIMITS);
    assert.equal(document.line, 41);
    assert.deepEqual(document.positions.locate(['kind']), { line: 42, column: 1 });
    assert.deepEqual(document.positions.locate(['spec', 'containers', 1]), { line: 47, column: 5 });
    assert.deepEqual(document.positions.locate(['spec', 'containers', 1, 'securityContext', 'privileged']), { line: 49, column: 7 });
  });

  it('falls back to the nearest written ancestor for fields that are absent', () => {
    const document = parseOne('spec:\n  containers:\n  - name: a\n    image: x\n', 1, DEFAULT_LIMITS);
    assert.deepEqual(document.positions.locate(['spec', 'containers', 0, 'resources', 'limits', 'cpu']), { line: 3, column: 5 });
    assert.deepEqual(document.positions.locate(['nothing', 'here']), { line: 1, column: 1 });
  });

  it('indexes flow style, quoted keys and keys with slashes', () => {
    const text = 'metadata: {annotations: {"kubeward.io/ignore": "x", \'a~b\': y}}\nlist: [a, {b: c}]\n';
    const document = parseOne(text, 1, DEFAULT_LIMITS);
    assert.equal(document.positions.locate(['metadata', 'annotations', 'kubeward.io/ignore']).column, 26);
    assert.equal(document.positions.locate(['metadata', 'annotations', 'a~b']).column, 53);
    assert.equal(document.positions.locate(['list', 1, 'b']).line, 2);
  });

  it('keeps the last of duplicated keys, as the API server does, and reports each duplicate', () => {
    const document = parseOne('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n', 10, DEFAULT_LIMITS);
    assert.deepEqual(document.value, { a: 3, b: { c: 2 } });
    assert.deepEqual(
      document.duplicateKeys.map(duplicate => ({ path: duplicate.path, line: duplicate.line, first: duplicate.firstLine })),
      [
        { path: ['b', 'c'], line: 13, first: 12 },
        { path: ['a'], line: 14, first: 10 },
      ],
    );
    // The position of a duplicated key is its last occurrence: the value that takes effect.
    assert.equal(document.positions.locate(['a']).line, 14);
  });

  it('parses several documents in one chunk with separate indexes', () => {
    const documents = parseYamlDocuments('a: 1\n---\nb: 2\n---\n# only a comment\n', 1, DEFAULT_LIMITS);
    assert.deepEqual(
      documents.map(document => document.value),
      [{ a: 1 }, { b: 2 }, null],
    );
    assert.equal(documents[1]?.positions.locate(['b']).line, 3);
  });

  it('expands ordinary aliases and merge keys', () => {
    const document = parseOne('base: &base {cpu: 100m}\nrequests:\n  <<: *base\n  memory: 1Gi\nlimits: *base\n', 1, DEFAULT_LIMITS);
    assert.deepEqual(document.value, { base: { cpu: '100m' }, requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '100m' } });
  });

  it('refuses a billion-laughs alias bomb quickly, naming the line', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    assert.throws(
      () => parseYamlDocuments(levels.join('\n') + '\n', 1, DEFAULT_LIMITS),
      (error: unknown) => error instanceof ManifestSyntaxError && error.message.includes("alias bomb") && error.line >= 5,
    );
  });

  it('refuses runaway nesting instead of overflowing the stack', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    assert.throws(() => parseYamlDocuments(deep, 1, DEFAULT_LIMITS), ManifestSyntaxError);
  });

  it('reports syntax errors with line and column and without quoting the source', () => {
    const secret = 's3cr3t-value-do-not-print';
    try {
      parseYamlDocuments(`apiVersion: v1\nkind: Secret\nstringData:\n  password: ${secret}\n   broken: [\n`, 7, DEFAULT_LIMITS);
      assert.fail('expected a syntax error');
    } catch (error) {
      assert.ok(error instanceof ManifestSyntaxError);
      assert.ok(error.line >= 10, `line ${String(error.line)}`);
      assert.ok(!error.message.includes(secret));
    }
  });

});
