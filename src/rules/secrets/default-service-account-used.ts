import { defineRule } from '../types.js';
import { booleanOption } from '../util/options.js';
import type { AutomountDecision, PodServiceAccount } from '../util/service-account-identity.js';
import { automountDecision, podServiceAccount, projectedTokenVolumes } from '../util/service-account-identity.js';

function describeChoice(account: PodServiceAccount): string {
  switch (account.from) {
    case 'serviceAccountName':
      return 'the pod sets serviceAccountName: default';
    case 'serviceAccount':
      return 'the pod names "default" in the deprecated serviceAccount field';
    case 'unset':
      return 'the pod names no ServiceAccount';
  }
}

/** Why the automatic token is mounted, for the message. */
function automountReason(decision: AutomountDecision): string {
  switch (decision.decidedBy) {
    case 'pod':
      return 'the pod sets automountServiceAccountToken: true';
    case 'serviceAccount':
      return 'the "default" ServiceAccount sets automountServiceAccountToken: true';
    case 'default':
      return decision.accountFound
        ? 'neither the pod nor the "default" ServiceAccount turns automounting off'
        : 'the pod does not turn automounting off and the "default" ServiceAccount is not in the scanned input';
  }
}

function plural(names: readonly string[], one: string, many: string): string {
  return names.length === 1 ? one : many;
}

export default defineRule({
  id: 'default-service-account-used',
  title: 'Pod runs as the default ServiceAccount',
  severity: 'medium',
  category: 'secrets',
  description:
    'Every namespace has a ServiceAccount named `default`, and every pod that names no account runs as it. The identity is shared: a permission granted to `default` for one workload (a RoleBinding, a cloud IAM binding through Workload Identity or IRSA) is silently granted to every other pod in the namespace, and audit logs cannot tell the workloads apart.',
  remediation:
    'Create a ServiceAccount per workload, set `serviceAccountName` to it, and grant it only what the workload needs. Set `automountServiceAccountToken: false` on each namespace\'s `default` ServiceAccount so pods that still use it get no API token.',
  frameworks: {
    cis: ['5.1.5'],
    nsa: ['Kubernetes Pod security: Protecting Pod service account tokens'],
    mitre: ['T1078.001', 'T1528'],
  },
  equivalents: {
    'kube-linter': 'default-service-account',
    checkov: 'CKV_K8S_41',
    kubescape: 'C-0189',
    kubeaudit: 'asat',
    kubesec: 'ServiceAccountName',
  },
  fixable: false,
  optionsSchema: {
    type: 'object',
    properties: {
      ignoreWithoutToken: {
        type: 'boolean',
        description: 'Do not report pods that get no token for the default ServiceAccount (automounting off and no projected token volume).',
      },
    },
    additionalProperties: false,
  },
  target: 'pod',
  check(pod, context) {
    const account = podServiceAccount(pod);
    if (account.name !== 'default') return;
    const runsAs = `${describeChoice(account)}, so it runs as ServiceAccount "default" of namespace "${pod.namespace}"`;
    const shared = 'every pod there without its own account shares this identity';
    const decision = automountDecision(context.snapshot, pod, 'default');
    if (decision.mounted) {
      context.report(
        pod.object,
        account.path,
        `${runsAs} with its API token mounted (${automountReason(decision)}): ${shared}, so a permission granted to "default" for one of them reaches all of them`,
      );
      return;
    }
    const projected = projectedTokenVolumes(pod);
    if (projected.length > 0) {
      const volumes = projected.map(name => `"${name}"`).join(', ');
      context.report(
        pod.object,
        account.path,
        `${runsAs}, and projected ${plural(projected, 'volume', 'volumes')} ${volumes} ${plural(projected, 'requests', 'request')} a token for it although automounting is off: ${shared}, so a permission granted to "default" for one of them reaches this pod`,
      );
      return;
    }
    if (booleanOption(context.options, 'ignoreWithoutToken', false)) return;
    context.report(
      pod.object,
      account.path,
      `${runsAs}; no API token is mounted, but ${shared}, and cloud IAM bound to "default" (GKE Workload Identity needs no mounted token) reaches all of them`,
    );
  },
});
