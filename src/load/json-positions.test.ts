import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { indexJson } from './json-positions.js';
import { DEFAULT_LIMITS } from './limits.js';
import { parseYamlDocuments } from './yaml-document.js';

const POD = JSON.stringify(
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', annotations: { 'kubeward.io/ignore': 'x', 'quote"d': 'y' } },
    spec: { hostPID: true, containers: [{ name: 'a', image: 'i:1', args: ['--x', 2, null, false] }, { name: 'b' }] },
  },
  null,
  2,
);

describe('indexJson', () => {
  it('gives every node the same position as the YAML indexer does', () => {
    const json = indexJson(POD).root;
    const yaml = parseYamlDocuments(POD, 1, DEFAULT_LIMITS)[0]?.positions;
    assert.ok(yaml !== undefined);
    const paths: (string | number)[][] = [
      [],
      ['kind'],
      ['metadata', 'annotations', 'kubeward.io/ignore'],
      ['metadata', 'annotations', 'quote"d'],
      ['spec', 'hostPID'],
      ['spec', 'containers', 1],
      ['spec', 'containers', 1, 'name'],
      ['spec', 'containers', 0, 'args', 3],
      ['spec', 'containers', 0, 'missing'],
    ];
    for (const path of paths) assert.deepEqual(json.locate(path), yaml.locate(path), path.join('/'));
  });

  it('handles compact JSON, escapes and nested empties', () => {
    const text = '{"a":{"b\\\\n":[],"c":{}},"d":"x\\"y","e":[1,[2,{"f":3}]]}';
    const index = indexJson(text).root;
    assert.deepEqual(index.locate(['e', 1, 1, 'f']), { line: 1, column: 47 });
    assert.deepEqual(index.locate(['a', 'b\\n']), { line: 1, column: 7 });
    assert.deepEqual(index.locate(['d']), { line: 1, column: 25 });
  });

  it('indexes each List item on its own, and reports duplicate keys with item-relative help', () => {
    const text = '{\n "kind": "List",\n "items": [\n  {"kind": "Pod", "spec": {"x": 1}},\n  {"kind": "Service",\n   "spec": {"y": 1, "y": 2}}\n ]\n}\n';
    const positions = indexJson(text);
    assert.equal(positions.items.length, 2);
    assert.deepEqual(positions.items[0]?.locate(['spec', 'x']), { line: 4, column: 28 });
    assert.deepEqual(positions.items[1]?.locate(['spec', 'y']), { line: 6, column: 21 });
    assert.deepEqual(
      positions.duplicateKeys.map(duplicate => [duplicate.path, duplicate.line, duplicate.firstLine]),
      [[['items', 1, 'spec', 'y'], 6, 6]],
    );
  });
});
