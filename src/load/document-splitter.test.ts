import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { DocumentSlice } from './document-splitter.js';
import { DocumentSplitter, findDocumentBoundary } from './document-splitter.js';

const OPTIONS = { maxDocumentChars: 10_000, listSplitChars: 200 };

function split(text: string, chunkSize = text.length, options = OPTIONS): DocumentSlice[] {
  const splitter = new DocumentSplitter(options);
  const slices: DocumentSlice[] = [];
  for (let at = 0; at < text.length; at += chunkSize) slices.push(...splitter.push(text.slice(at, at + chunkSize)));
  slices.push(...splitter.end());
  return slices;
}

function summary(slices: readonly DocumentSlice[]): string[] {
  return slices.map(slice =>
    slice.kind === 'oversized'
      ? `oversized@${String(slice.line)}`
      : `${String(slice.line)}:${slice.text.trim().split('\n').filter(line => !line.startsWith('#') && !line.startsWith('---')).join('|')}${slice.template === undefined ? '' : ` <${slice.template}>`}`,
  );
}

describe('DocumentSplitter', () => {
  const stream = '# header\na: 1\n---\nb: 2\n--- # trailing comment\nc: |\n  text with --- inside\n  ---not a marker\n...\n---\n\n---\nd: 4\n';

  it('cuts at --- and ... lines only, with the first line of each piece', () => {
    assert.deepEqual(summary(split(stream)), ['1:a: 1', '3:b: 2', '5:c: ||  text with --- inside|  ---not a marker', '12:d: 4']);
  });

  it('gives the same pieces however the text is chunked', () => {
    const whole = summary(split(stream));
    for (const size of [1, 2, 3, 5, 7, 64]) assert.deepEqual(summary(split(stream, size)), whole, `chunk size ${String(size)}`);
  });

  it('finds boundaries in CRLF text and keeps %YAML directives with their document', () => {
    assert.equal(findDocumentBoundary('a: 1\r\n---\r\nb: 2\r\n', 1), 6);
    const slices = summary(split('a: 1\n%YAML 1.1\n---\nb: 2\n'));
    assert.deepEqual(slices, ['1:a: 1', '2:%YAML 1.1|b: 2']);
  });

  it('reads Helm # Source: comments as the template of the document below them', () => {
    const slices = summary(split('---\n# Source: shop/templates/web.yaml\nkind: Deployment\n---\n# Source: shop/templates/svc.yaml\nkind: Service\n'));
    assert.deepEqual(slices, ['1:kind: Deployment <shop/templates/web.yaml>', '4:kind: Service <shop/templates/svc.yaml>']);
  });

  it('skips an oversized document, reports its line, and resumes after it', () => {
    const big = 'big: "' + 'x'.repeat(20_000) + '"\n';
    const slices = summary(split(`a: 1\n---\n${big}---\nc: 3\n`, 1000));
    assert.deepEqual(slices, ['1:a: 1', 'oversized@2', '4:c: 3']);
  });

  it('cuts a large kubectl List into items at column 0, un-indented, with their lines', () => {
    const items = Array.from({ length: 8 }, (_, i) => `- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cm-${String(i)}\n  data:\n    key: |\n      line one\n      line two\n`).join('');
    const text = `apiVersion: v1\nitems:\n${items}kind: List\nmetadata:\n  resourceVersion: ""\n---\nafter: list\n`;
    for (const size of [text.length, 50, 7]) {
      const slices = split(text, size);
      const documents = slices.filter(slice => slice.kind === 'document');
      assert.equal(documents.length, 9, `chunk ${String(size)}`);
      const first = documents[0];
      assert.ok(first?.kind === 'document');
      assert.equal(first.line, 3);
      assert.equal(first.listItem, 0);
      assert.equal(first.columnOffset, 2);
      assert.ok(first.text.startsWith('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-0\n'));
      assert.equal(documents[7]?.kind === 'document' ? documents[7].line : 0, 3 + 7 * 8);
      assert.deepEqual(documents[8]?.kind === 'document' ? documents[8].text.trim() : '', '---\nafter: list');
    }
  });

  it('leaves a small List whole', () => {
    const slices = split('apiVersion: v1\nitems:\n- kind: Pod\nkind: List\n');
    assert.equal(slices.length, 1);
  });
});
