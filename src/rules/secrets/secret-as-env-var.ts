import { getArray, getRecord, getString, isRecord } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';

const LEAKS = 'environment variables are inherited by child processes, readable in /proc/<pid>/environ, shown by the container runtime\'s inspect output and often dumped into logs and crash reports';

function secretName(reference: Readonly<Record<string, unknown>>): string {
  const name = getString(reference, 'name');
  return name === undefined || name === '' ? 'a Secret it does not name' : `Secret "${name}"`;
}

export default defineRule({
  id: 'secret-as-env-var',
  title: 'Secret consumed as environment variables',
  severity: 'low',
  category: 'secrets',
  description:
    'A Secret read into environment variables (`valueFrom.secretKeyRef`, `envFrom.secretRef`) leaves the protection of the Secret: the process environment is inherited by every child process, readable through `/proc/<pid>/environ` by anything sharing the PID namespace, visible in `crictl inspect` on the node, and regularly printed by error pages, debug endpoints and crash reporters. Environment variables also never change while the container runs, so a rotated Secret needs a restart.',
  remediation:
    'Mount the Secret as a volume (`secret` volume, `readOnly: true`, ideally with `items` listing only the keys needed) and have the application read the file; mounted Secrets are also updated in place when they rotate. Where an application can only take environment variables, keep them to the one process that needs them.',
  frameworks: {
    cis: ['5.4.1'],
    nsa: ['Network separation and hardening: Secrets'],
    mitre: ['T1552.007'],
  },
  equivalents: {
    'kube-linter': 'read-secret-from-env-var',
    checkov: 'CKV_K8S_35',
    kubescape: 'C-0207',
    kubesec: 'SecretsAsEnvironmentVariables',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    for (const container of pod.containers) {
      const who = describeContainer(container);
      for (const [index, entry] of (getArray(container.body, 'env') ?? []).entries()) {
        if (!isRecord(entry)) continue;
        const reference = getRecord(getRecord(entry, 'valueFrom'), 'secretKeyRef');
        if (reference === undefined) continue;
        const variable = getString(entry, 'name') ?? `#${String(index)}`;
        const key = getString(reference, 'key');
        const source = key === undefined ? secretName(reference) : `key "${key}" of ${secretName(reference)}`;
        context.report(pod.object, [...container.path, 'env', index, 'valueFrom', 'secretKeyRef'], `${who} reads ${source} into env var "${variable}": ${LEAKS}`);
      }
      for (const [index, entry] of (getArray(container.body, 'envFrom') ?? []).entries()) {
        if (!isRecord(entry)) continue;
        const reference = getRecord(entry, 'secretRef');
        if (reference === undefined) continue;
        const prefix = getString(entry, 'prefix');
        const named = prefix === undefined || prefix === '' ? 'env vars' : `env vars prefixed "${prefix}"`;
        context.report(pod.object, [...container.path, 'envFrom', index, 'secretRef'], `${who} loads every key of ${secretName(reference)} into ${named}: ${LEAKS}`);
      }
    }
  },
});
