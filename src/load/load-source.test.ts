import assert from 'node:assert/strict';
import { mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { locate } from '../snapshot/kube-object.js';
import type { InputFormat } from './inputs.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { ParseLimits } from './limits.js';
import type { SourceResult } from './load-source.js';
import { loadSource } from './load-source.js';

const directory = mkdtempSync(join(tmpdir(), 'kubeward-load-'));
after(() => {
  rmSync(directory, { recursive: true, force: true });
});

function fromText(text: string, format: InputFormat = 'yaml', limits: ParseLimits = DEFAULT_LIMITS): Promise<SourceResult> {
  return loadSource({ kind: 'text', text, display: 'input.yaml', format }, limits);
}

function fromFile(name: string, content: string | Buffer, limits: ParseLimits = DEFAULT_LIMITS): Promise<SourceResult> {
  const path = join(directory, name);
  writeFileSync(path, content);
  return loadSource({ kind: 'file', path, display: name, format: name.endsWith('.json') ? 'json' : 'yaml' }, limits);
}

function names(result: SourceResult): string[] {
  return result.objects.map(object => `${object.kind}/${object.name}`);
}

const POD = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: registry.example.com/app:1.0.0\n`;

describe('loadSource', () => {
  it('keeps every good document beside broken ones and names the line of each problem', async () => {
    const text = [POD('first'), 'kind: [unclosed\n', POD('second'), '- just\n- a list\n', '42\n', 'apiVersion: v1\nmetadata: {name: x}\n', POD('third')].join('---\n');
    const result = await fromText(text);
    assert.deepEqual(names(result), ['Pod/first', 'Pod/second', 'Pod/third']);
    assert.deepEqual(
      result.errors.map(error => [error.line, error.message]),
      [
        [10, 'invalid YAML: deficient indentation'],
        [21, 'document is a list, not a Kubernetes object'],
        [24, 'document is a number, not a Kubernetes object'],
        [26, 'not a Kubernetes object: no kind'],
      ],
    );
  });

  it('skips empty and comment-only documents silently', async () => {
    const result = await fromText(`---\n# nothing here\n---\n\n---\n${POD('only')}---\n`);
    assert.deepEqual(names(result), ['Pod/only']);
    assert.deepEqual(result.errors, []);
  });

  it('rejects wrong types where an object is expected, without throwing', async () => {
    const result = await fromText('apiVersion: v1\nkind: 7\n---\napiVersion: v1\nkind: Pod\nmetadata: [a]\n');
    assert.deepEqual(
      result.errors.map(error => error.message),
      ['not a Kubernetes object: kind must be a non-empty string', 'metadata must be a mapping'],
    );
  });

  it('unwraps List and *List kinds, placing every item on its own line', async () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- ${POD('a').replaceAll('\n', '\n  ').trimEnd()}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n- not-an-object\n`;
    const result = await fromText(text);
    assert.deepEqual(names(result), ['Pod/a', 'Service/b']);
    assert.equal(result.objects[1]?.line, 12);
    const pod = result.objects[0];
    assert.ok(pod !== undefined);
    assert.deepEqual(pod.documentPath, ['items', 0]);
    assert.equal(locate(pod, ['spec', 'containers', 0, 'image'])?.line, 11);
    assert.deepEqual(
      result.errors.map(error => [error.line, error.message]),
      [[15, 'items[2] is a string, not a Kubernetes object']],
    );
  });

  it('reads JSON with JSON.parse semantics and still knows every line', async () => {
    const json = JSON.stringify(
      { apiVersion: 'v1', kind: 'PodList', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { hostPID: true, containers: [] } }] },
      null,
      2,
    );
    const result = await fromFile('dump.json', json);
    assert.deepEqual(names(result), ['Pod/j']);
    const pod = result.objects[0];
    assert.ok(pod !== undefined);
    assert.equal(locate(pod, ['spec', 'hostPID'])?.line, 12);
  });

  it('locates JSON syntax errors through the YAML parser', async () => {
    const result = await fromFile('bad.json', '{\n  "kind": "Pod",\n  "spec": {\n    "x": ]\n}\n');
    assert.equal(result.objects.length, 0);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]?.line, 4);
  });

  it('detects JSON on stdin-like sources by its first character', async () => {
    const result = await fromText('  {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n"}}', 'auto');
    assert.deepEqual(names(result), ['Namespace/n']);
  });

  it('records Helm templates and Kustomize origins', async () => {
    const text =
      '---\n# Source: shop/templates/web.yaml\n' +
      POD('web') +
      '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n  annotations:\n    config.kubernetes.io/origin: |\n      path: base/service.yaml\n';
    const result = await fromText(text);
    assert.deepEqual(
      result.objects.map(object => object.source?.template),
      ['shop/templates/web.yaml', 'base/service.yaml'],
    );
  });

  it('decodes UTF-8 and UTF-16 files with a byte-order mark', async () => {
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POD('utf8'))]);
    const bom16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD('utf16'), 'utf16le')]);
    assert.deepEqual(names(await fromFile('bom8.yaml', bom8)), ['Pod/utf8']);
    assert.deepEqual(names(await fromFile('bom16.yaml', bom16)), ['Pod/utf16']);
  });

  it('refuses binary files with one clear error', async () => {
    const result = await fromFile('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    assert.deepEqual(result.objects, []);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]?.message ?? '', /binary file/);
  });

  it('reports unreadable paths instead of throwing', async () => {
    const dangling = join(directory, 'dangling.yaml');
    symlinkSync(join(directory, 'does-not-exist'), dangling);
    const result = await loadSource({ kind: 'file', path: dangling, display: 'dangling.yaml', format: 'yaml' }, DEFAULT_LIMITS);
    assert.deepEqual(result.errors, [{ file: 'dangling.yaml', line: 0, message: 'no such file or directory' }]);
    const folder = await loadSource({ kind: 'file', path: directory, display: 'dir.yaml', format: 'yaml' }, DEFAULT_LIMITS);
    assert.equal(folder.errors[0]?.message, 'is a directory');
  });

  it('bounds alias bombs and deep nesting per document', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let level = 1; level < 8; level++) bomb.push(`l${String(level)}: &l${String(level)} [${Array(10).fill(level === 1 ? '*a' : `*l${String(level - 1)}`).join(',')}]`);
    const text = `${POD('before')}---\n${bomb.join('\n')}\n---\nkind: ${'['.repeat(10_000)}\n---\n${POD('after')}`;
    const result = await fromText(text);
    assert.deepEqual(names(result), ['Pod/before', 'Pod/after']);
    assert.equal(result.errors.length, 2);
    assert.match(result.errors[0]?.message ?? '', /alias bomb/);
  });

  it('streams large files piece by piece with the same result as reading them whole', async () => {
    const text = Array.from({ length: 300 }, (_, i) => POD(`p${String(i)}`)).join('---\n');
    const whole = await fromFile('many.yaml', text);
    const streamed = await fromFile('many-streamed.yaml', text, { ...DEFAULT_LIMITS, streamThresholdBytes: 1024 });
    assert.equal(whole.objects.length, 300);
    assert.deepEqual(
      streamed.objects.map(object => [object.name, object.line]),
      whole.objects.map(object => [object.name, object.line]),
    );
  });

  it('cuts a large kubectl List into items, keeping lines, without parsing it whole', async () => {
    const item = (i: number): string =>
      `- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cm-${String(i)}\n    namespace: team\n  data:\n    payload: "${'x'.repeat(200)}"\n`;
    const count = 6000;
    const text = `apiVersion: v1\nitems:\n${Array.from({ length: count }, (_, i) => item(i)).join('')}kind: List\nmetadata:\n  resourceVersion: ""\n`;
    assert.ok(text.length > 1024 * 1024);
    const result = await fromFile('cluster.yaml', text, { ...DEFAULT_LIMITS, streamThresholdBytes: 64 * 1024 });
    assert.deepEqual(result.errors, []);
    assert.equal(result.objects.length, count);
    const last = result.objects.at(-1);
    assert.ok(last !== undefined);
    assert.equal(last.name, `cm-${String(count - 1)}`);
    assert.equal(last.line, 3 + (count - 1) * 7);
    assert.deepEqual(locate(last, ['data', 'payload']), { line: last.line + 6, column: 5 });
  });

  it('survives a multi-hundred-megabyte file: the oversized document is skipped, its neighbours scanned', async () => {
    const path = join(directory, 'huge.yaml');
    const fd = openSync(path, 'w');
    writeSync(fd, `${POD('head')}---\nhuge: "`);
    const block = Buffer.alloc(8 * 1024 * 1024, 'x');
    for (let i = 0; i < 26; i++) writeSync(fd, block);
    writeSync(fd, `"\n---\n${POD('tail')}`);
    closeSync(fd);
    const result = await loadSource({ kind: 'file', path, display: 'huge.yaml', format: 'yaml' }, DEFAULT_LIMITS);
    assert.deepEqual(names(result), ['Pod/head', 'Pod/tail']);
    const [error] = result.errors;
    assert.ok(error !== undefined && result.errors.length === 1);
    assert.equal(error.line, 9);
    assert.match(error.message, /document larger than 16 MiB skipped/);
    rmSync(path);
  });
});
