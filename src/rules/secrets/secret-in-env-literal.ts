import { getArray, getString, isRecord } from '../../snapshot/guards.js';
import type { ContainerView } from '../../snapshot/pod-spec.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import { containsAwsAccessKeyId, describeDetectors, detectSecrets, isCredentialName, isLiteralSecretValue } from '../../secrets/detectors.js';

interface LiteralEnv {
  readonly index: number;
  readonly name: string;
  readonly value: string;
}

/** `env` entries with a literal string `value` (a `valueFrom` entry has none to leak). */
function literalEnv(container: ContainerView): LiteralEnv[] {
  const entries: LiteralEnv[] = [];
  for (const [index, entry] of (getArray(container.body, 'env') ?? []).entries()) {
    if (!isRecord(entry)) continue;
    const name = getString(entry, 'name');
    const value = getString(entry, 'value');
    if (name === undefined || value === undefined || value === '') continue;
    entries.push({ index, name, value });
  }
  return entries;
}

const EXPOSURE = 'anyone who can read the manifest, the workload or its pods (and every log or backup of them) can read it';

export default defineRule({
  id: 'secret-in-env-literal',
  title: 'Credential written as a literal env value',
  severity: 'high',
  category: 'secrets',
  description:
    'A password, token or key written as `env[].value` is part of the pod spec: it sits in Git, in CI logs, in etcd without encryption at rest, in every ReplicaSet revision, and in the output of `kubectl get -o yaml` for anyone allowed to read the workload, which is usually far more people than are allowed to read Secrets.',
  remediation:
    'Move the value into a Secret (created by a secrets manager, Sealed Secrets or External Secrets rather than committed) and mount it as a file, or reference it with `valueFrom.secretKeyRef`. Rotate the credential: it has already been exposed wherever the manifest went.',
  frameworks: {
    nsa: ['Network separation and hardening: Secrets'],
    mitre: ['T1552.001', 'T1552.007'],
  },
  equivalents: {
    polaris: 'sensitiveContainerEnvVar',
    'kube-linter': 'env-var-secret',
    kubescape: 'C-0012',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    for (const container of pod.containers) {
      const entries = literalEnv(container);
      if (entries.length === 0) continue;
      const awsKeyIdNearby = entries.some(entry => containsAwsAccessKeyId(entry.value));
      for (const entry of entries) {
        const path = [...container.path, 'env', entry.index, 'value'];
        const detectors = detectSecrets(entry.value, { awsKeyIdNearby });
        const where = `${describeContainer(container)} sets env var "${entry.name}"`;
        if (detectors.length > 0) {
          context.report(pod.object, path, `${where} to a literal value containing ${describeDetectors(detectors)}: ${EXPOSURE}`);
        } else if (isCredentialName(entry.name) && isLiteralSecretValue(entry.value)) {
          context.report(pod.object, path, `${where} to a literal value, and its name marks it as a credential: ${EXPOSURE}`);
        }
      }
    }
  },
});
