import { getRecord, isString } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import { defineRule } from '../types.js';
import { containsAwsAccessKeyId, credentialAssignments, describeDetectors, detectSecrets, isCredentialName, isLiteralSecretValue } from '../../secrets/detectors.js';

interface Entry {
  readonly field: 'data' | 'binaryData';
  readonly key: string;
  /** The value as text: `data` as written, `binaryData` decoded from base64. */
  readonly text: string;
}

function entries(body: Readonly<Record<string, unknown>>): Entry[] {
  const found: Entry[] = [];
  for (const [key, value] of Object.entries(getRecord(body, 'data') ?? {})) {
    if (isString(value) && value !== '') found.push({ field: 'data', key, text: value });
  }
  for (const [key, value] of Object.entries(getRecord(body, 'binaryData') ?? {})) {
    if (isString(value) && value !== '') found.push({ field: 'binaryData', key, text: Buffer.from(value, 'base64').toString('utf8') });
  }
  return found;
}

/** At most three quoted names, then a count: messages stay one readable sentence. */
function quoteNames(names: readonly string[]): string {
  const shown = names.slice(0, 3).map(name => `"${name}"`);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${String(rest)} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

function reasons(entry: Entry, awsKeyIdNearby: boolean): string[] {
  const found: string[] = [];
  const detectors = detectSecrets(entry.text, { awsKeyIdNearby });
  if (detectors.length > 0) found.push(`contains ${describeDetectors(detectors)}`);
  const assignments = credentialAssignments(entry.text);
  if (assignments.length > 0) {
    found.push(`sets ${quoteNames(assignments)} to ${assignments.length === 1 ? 'a written value' : 'written values'}`);
  }
  if (found.length === 0 && isCredentialName(entry.key) && isLiteralSecretValue(entry.text)) {
    found.push('holds a written value under a name that marks it as a credential');
  }
  return found;
}

export default defineRule({
  id: 'secret-in-configmap',
  title: 'Credential stored in a ConfigMap',
  severity: 'high',
  category: 'secrets',
  description:
    'ConfigMaps are meant for non-sensitive configuration, and clusters treat them that way: the built-in `view` role can read them (it cannot read Secrets), they are printed by dashboards, diffed by GitOps tools and copied into backups and support bundles. A password, token or private key in a ConfigMap is readable by all of those.',
  remediation:
    'Move the credential into a Secret, ideally delivered by a secrets manager (External Secrets, Sealed Secrets, the Secrets Store CSI driver) rather than committed, and mount it as a file; keep only a reference to it in the ConfigMap (`${DB_PASSWORD}` resolved at start-up, or a file path). Rotate the credential: it has already been exposed.',
  frameworks: {
    nsa: ['Network separation and hardening: Secrets'],
    mitre: ['T1552.001', 'T1552.007'],
  },
  equivalents: {
    polaris: 'sensitiveConfigmapContent',
    trivy: 'KSV-0109',
    kubescape: 'C-0012',
  },
  fixable: false,
  target: 'object',
  kinds: ['ConfigMap'],
  check(object, context) {
    if (!isBuiltIn(object, 'ConfigMap')) return;
    const all = entries(object.body);
    const awsKeyIdNearby = all.some(entry => containsAwsAccessKeyId(entry.text));
    for (const entry of all) {
      const found = reasons(entry, awsKeyIdNearby);
      if (found.length === 0) continue;
      const label = entry.field === 'data' ? 'key' : 'binaryData key';
      context.report(
        object,
        [entry.field, entry.key],
        `ConfigMap ${label} "${entry.key}" ${found.join(', and ')}: ConfigMaps are treated as non-sensitive, so the built-in "view" role, dashboards, GitOps diffs and backups show it to people who cannot read Secrets`,
      );
    }
  },
});
