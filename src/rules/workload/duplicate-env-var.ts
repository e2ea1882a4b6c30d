import { getArray, getRecord, getString, isRecord } from '../../snapshot/guards.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';

/**
 * Whether a repeated entry only builds on the earlier one (`PATH=$(PATH):/opt/bin`): the API
 * server does not warn about that form, because the later value keeps the earlier one.
 */
function extendsEarlier(entry: JsonRecord, name: string): boolean {
  if (getRecord(entry, 'valueFrom') !== undefined) return false;
  const value = getString(entry, 'value') ?? '';
  const reference = `$(${name})`;
  return value !== reference && value.includes(reference);
}

export default defineRule({
  id: 'duplicate-env-var',
  title: 'Container defines the same environment variable twice',
  severity: 'low',
  category: 'workload',
  description:
    'When a container\'s `env` names a variable twice, the process sees only the later value. A reviewer reading the first entry, a scanner checking it for secrets, or a patch that edits it is looking at a value that never takes effect, and `kubectl apply` may drop one of the entries because it merges the list by name.',
  remediation:
    'Keep one entry per name in each container\'s `env`. To build on a value, reference it explicitly (`value: "$(PATH):/opt/bin"`); to override a value that comes from `envFrom`, one `env` entry is enough.',
  frameworks: {},
  equivalents: {
    'kube-score': 'environment-variable-key-duplication',
    'kube-linter': 'duplicate-env-var',
    kubescape: 'C-0295',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    for (const container of pod.containers) {
      const env = getArray(container.body, 'env');
      if (env === undefined) continue;
      const first = new Map<string, number>();
      for (const [index, entry] of env.entries()) {
        if (!isRecord(entry)) continue;
        const name = getString(entry, 'name');
        if (name === undefined || name === '') continue;
        const earlier = first.get(name);
        if (earlier === undefined) {
          first.set(name, index);
          continue;
        }
        if (extendsEarlier(entry, name)) continue;
        context.report(
          pod.object,
          [...container.path, 'env', index, 'name'],
          `${describeContainer(container)} sets environment variable "${name}" again at env[${String(index)}] (first at env[${String(earlier)}]): the process gets only this later value, and kubectl apply may drop one of the entries`,
        );
      }
    }
  },
});
