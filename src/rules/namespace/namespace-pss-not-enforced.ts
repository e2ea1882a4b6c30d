import { getRecord, getStringMap, hasOwn } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import { defineRule } from '../types.js';
import { AUDIT_LABEL, ENFORCE_LABEL, WARN_LABEL } from '../util/pss-versions.js';

/** `audit: restricted and warn: baseline`, for the labels that are present. */
function observeOnly(labels: ReadonlyMap<string, string>): string | undefined {
  const parts: string[] = [];
  for (const [label, mode] of [
    [AUDIT_LABEL, 'audit'],
    [WARN_LABEL, 'warn'],
  ] as const) {
    const value = labels.get(label);
    if (value !== undefined) parts.push(`${mode}: ${value}`);
  }
  return parts.length === 0 ? undefined : parts.join(' and ');
}

export default defineRule({
  id: 'namespace-pss-not-enforced',
  title: 'Namespace does not enforce a Pod Security level',
  severity: 'medium',
  category: 'namespace',
  description:
    'Without a `pod-security.kubernetes.io/enforce` label, Pod Security admission applies the cluster-wide default to the namespace, and that default is `privileged` (nothing checked) unless the API server was configured otherwise. `audit` and `warn` labels only log and display violations: a privileged or host-namespace pod is still admitted.',
  remediation:
    'Label the namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline` where workloads cannot meet restricted yet). Roll out with `warn` and `audit` at the same level first, then add `enforce`.',
  frameworks: {
    cis: ['5.2.1'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1610', 'T1611'],
  },
  equivalents: {
    kubescape: 'C-0192',
  },
  fixable: true,
  target: 'object',
  kinds: ['Namespace'],
  check(object, context) {
    if (!isBuiltIn(object, 'Namespace')) return;
    const metadata = getRecord(object.body, 'metadata');
    const labelRecord = getRecord(metadata, 'labels');
    // A non-string value is still an enforce label: the API server rejects it, which is not this rule's concern.
    if (hasOwn(labelRecord, ENFORCE_LABEL)) return;
    const labels = getStringMap(metadata, 'labels');
    const name = object.name === '' ? '<unnamed>' : object.name;
    const observing = observeOnly(labels);
    const consequence = 'its pods are admitted under the cluster default, which is privileged (nothing checked) unless the API server configures another level';
    const message =
      observing === undefined
        ? `Namespace "${name}" has no ${ENFORCE_LABEL} label: ${consequence}`
        : `Namespace "${name}" has no ${ENFORCE_LABEL} label, only ${observing}, which record and display violations but block nothing: ${consequence}`;
    context.report(object, labelRecord === undefined ? ['metadata'] : ['metadata', 'labels'], message);
  },
});
