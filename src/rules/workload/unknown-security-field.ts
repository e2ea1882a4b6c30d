import type { PodSpecView } from '../../snapshot/pod-spec.js';
import { defineRule } from '../types.js';
import { describeContainer } from '../util/describe.js';
import type { UnknownSecurityField } from '../util/security-fields.js';
import { findUnknownSecurityFields } from '../util/security-fields.js';

function whose(pod: PodSpecView, field: UnknownSecurityField): string {
  const container = field.containerIndex === undefined ? undefined : pod.containers[field.containerIndex];
  if (field.wholeSecurityContext) return container === undefined ? 'the pod spec' : describeContainer(container);
  const owner = container === undefined ? "the pod's securityContext" : `the securityContext of ${describeContainer(container)}`;
  return field.within === 'securityContext' ? owner : `${field.within} in ${owner}`;
}

function message(pod: PodSpecView, field: UnknownSecurityField): string {
  const where = whose(pod, field);
  if (field.wholeSecurityContext) {
    return `${where} has "${field.key}" where "securityContext" is meant: the API server drops the whole block, so none of its settings apply`;
  }
  const consequence = 'the API server drops it with at most a warning, so the setting does nothing';
  if (field.belongsTo !== undefined && field.suggestion === undefined) {
    const home = field.belongsTo === 'pod' ? "the pod's securityContext" : "each container's securityContext";
    return `${where} has no field "${field.key}", which exists only in ${home}: ${consequence}`;
  }
  if (field.suggestion !== undefined) {
    const home = field.belongsTo === undefined ? '' : field.belongsTo === 'pod' ? ", which exists only in the pod's securityContext" : ", which exists only in each container's securityContext";
    return `${where} has no field "${field.key}" (did you mean "${field.suggestion}"${home}?): ${consequence}`;
  }
  return `${where} has no field "${field.key}": ${consequence}`;
}

export default defineRule({
  id: 'unknown-security-field',
  title: 'Security context has an unknown or misplaced field',
  severity: 'medium',
  category: 'workload',
  description:
    'A misspelt security setting such as `runAsNonroot`, `readOnlyRootFileSystem` or `allowPrivilegedEscalation`, or one put at the wrong level (`readOnlyRootFilesystem` in the pod\'s securityContext, `fsGroup` in a container\'s), is not a field of the API. Unless the client asks for strict validation, the API server drops unknown fields with a warning nobody reads, so the manifest looks hardened while the pod runs with the defaults.',
  remediation:
    'Rename the key to the field it was meant to be (the message suggests one), or move it to the level where it exists. Apply with `kubectl apply --validate=strict` (kubectl\'s default) or server-side field validation `Strict` in CI so such keys fail instead of vanishing.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Pod security enforcement'],
    mitre: ['T1562.001'],
  },
  equivalents: {
    'kube-linter': 'schema-validation',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    for (const field of findUnknownSecurityFields(pod)) context.report(pod.object, field.path, message(pod, field));
  },
});
