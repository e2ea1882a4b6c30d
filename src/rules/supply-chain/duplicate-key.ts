import { toDotted } from '../../load/path.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'duplicate-key',
  title: 'Manifest repeats a key in one mapping',
  severity: 'medium',
  category: 'supply-chain',
  description:
    'A mapping that holds the same key twice means different readers see different manifests: the API server keeps the last value, while a reviewer, a diff tool or another scanner may act on the first. It is a known way to smuggle a setting such as privileged: true past review.',
  remediation: 'Delete all but one occurrence of the key, keeping the value you intend the cluster to apply.',
  frameworks: {
    nsa: ['Upgrading and application security practices'],
    mitre: ['T1562.001'],
  },
  equivalents: {},
  fixable: false,
  target: 'object',
  kinds: '*',
  check(object, context) {
    for (const duplicate of object.duplicateKeys) {
      const key = duplicate.path.at(-1);
      context.report(
        object,
        duplicate.path,
        `key "${String(key)}" at ${toDotted(duplicate.path)} appears again after line ${String(duplicate.firstLine)}; the API server keeps this later value, other tools may read the first`,
        { at: { line: duplicate.line, column: duplicate.column } },
      );
    }
  },
});
