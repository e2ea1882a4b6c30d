import { getRecord, hasOwn, own } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import { defineRule } from '../types.js';
import { ENFORCE_LABEL, parsePssLevel } from '../util/pss-versions.js';

export default defineRule({
  id: 'namespace-pss-privileged',
  title: 'Namespace enforces the privileged level or an invalid one',
  severity: 'medium',
  category: 'namespace',
  description:
    '`pod-security.kubernetes.io/enforce: privileged` switches Pod Security admission off for the namespace: privileged containers, host namespaces, hostPath mounts and added capabilities are all admitted. A value other than `privileged`, `baseline` or `restricted` (the match is case-sensitive) makes the admission plugin reject the Namespace when it is created or when the label is changed.',
  remediation:
    'Set the label to `restricted`, or `baseline` for workloads that cannot meet restricted yet. Keep `privileged` to dedicated system namespaces that run node agents, and exempt those in kubeward.yaml with a reason.',
  frameworks: {
    cis: ['5.2.1'],
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1610', 'T1611'],
  },
  equivalents: {},
  fixable: true,
  target: 'object',
  kinds: ['Namespace'],
  check(object, context) {
    if (!isBuiltIn(object, 'Namespace')) return;
    const labels = getRecord(getRecord(object.body, 'metadata'), 'labels');
    if (labels === undefined || !hasOwn(labels, ENFORCE_LABEL)) return;
    // A null label value decodes as the empty string.
    const raw = own(labels, ENFORCE_LABEL);
    const value = raw === null ? '' : raw;
    const path = ['metadata', 'labels', ENFORCE_LABEL];
    const name = object.name === '' ? '<unnamed>' : object.name;
    if (typeof value !== 'string') {
      context.report(object, path, `Namespace "${name}" gives ${ENFORCE_LABEL} a non-string value: the API server rejects the Namespace, because label values must be strings`);
      return;
    }
    const level = parsePssLevel(value);
    if (level === 'privileged') {
      context.report(
        object,
        path,
        `Namespace "${name}" enforces the privileged Pod Security level, which checks nothing: privileged containers, host namespaces and hostPath mounts are admitted`,
      );
    } else if (level === undefined) {
      context.report(
        object,
        path,
        `Namespace "${name}" sets ${ENFORCE_LABEL}: "${value}", which is not privileged, baseline or restricted (case-sensitive): Pod Security admission rejects the Namespace on create and on any change to the label, and evaluates pods of an existing one as restricted`,
      );
    }
  },
});
