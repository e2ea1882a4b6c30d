import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import { effectiveSecurityValue } from '../../snapshot/security-context.js';
import type { RuleContext } from '../types.js';
import { defineRule } from '../types.js';
import { describeContainers, offendingGroups, plural } from '../util/inherited-findings.js';
import { numberOption } from '../util/options.js';
import { runsInUserNamespace } from '../util/pod-user-namespace.js';

const DEFAULT_MINIMUM_ID = 10000;

const ID_KIND = {
  runAsUser: { id: 'UID', owner: 'a user' },
  runAsGroup: { id: 'GID', owner: 'a group' },
} as const;

/** A positive integer ID below `minimum`; 0 (root) belongs to run-as-root-user / run-as-root-group. */
function isLowId(value: unknown, minimum: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value < minimum;
}

function reportLowIds(pod: PodSpecView, context: RuleContext, field: keyof typeof ID_KIND, minimum: number): void {
  const { id, owner } = ID_KIND[field];
  const groups = offendingGroups(pod, (container: ContainerView) => {
    const effective = effectiveSecurityValue(pod, container, field);
    return isLowId(effective.value, minimum) && effective.path !== undefined ? { path: effective.path, from: effective.from, value: effective.value } : undefined;
  });
  for (const group of groups) {
    const names = describeContainers(group.containers);
    const value = typeof group.value === 'number' ? String(group.value) : '';
    const consequence = `${id}s below ${String(minimum)} may belong to ${owner} on the node, whose files ${plural(group.containers, 'it', 'they')} could then read or change through a host mount or after an escape`;
    if (group.from === 'pod') {
      context.report(pod.object, group.path, `the pod's securityContext sets ${field}: ${value}, inherited by ${names}: ${consequence}`);
    } else {
      context.report(pod.object, group.path, `${names} sets ${field}: ${value}: ${consequence}`);
    }
  }
}

export default defineRule({
  id: 'run-as-low-uid',
  title: 'Container runs with a low UID or GID',
  severity: 'low',
  category: 'workload',
  description:
    'A `runAsUser` or `runAsGroup` below 10000 (on the container or inherited from the pod) may coincide with a real user or group of the node, such as the first login account (1000) or a system service. Files that account owns on the node are then open to the container through host mounts, and to an attacker who escapes it.',
  remediation:
    'Use a UID and GID of 10000 or more that no node account uses, set once in the pod\'s `securityContext` (`runAsUser: 10001`, `runAsGroup: 10001`), or run the pod in a user namespace with `hostUsers: false`.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Non-root containers and "rootless" container engines'],
    mitre: ['T1611'],
  },
  equivalents: {
    'kube-score': 'container-security-context-user-group-id',
    trivy: ['KSV-0020', 'KSV-0021'],
    checkov: 'CKV_K8S_40',
    kubesec: ['RunAsUser', 'RunAsGroup'],
  },
  fixable: false,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minimumId: {
        type: 'integer',
        minimum: 1,
        default: DEFAULT_MINIMUM_ID,
        description: 'Lowest UID and GID considered safe from clashing with node accounts; IDs from 1 up to this value minus one are reported.',
      },
    },
  },
  target: 'pod',
  check(pod, context) {
    if (pod.isWindows || runsInUserNamespace(pod)) return;
    const minimum = numberOption(context.options, 'minimumId', DEFAULT_MINIMUM_ID);
    reportLowIds(pod, context, 'runAsUser', minimum);
    reportLowIds(pod, context, 'runAsGroup', minimum);
  },
});
