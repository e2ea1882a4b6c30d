import { getBoolean, getString } from '../../snapshot/guards.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';

const FIELD = 'automountServiceAccountToken';

interface ServiceAccountRef {
  readonly name: string;
  /** Which pod field named it; `default` when none did. */
  readonly from: 'serviceAccountName' | 'serviceAccount' | 'default';
}

/** The ServiceAccount the pod runs as, resolved as the API server does. */
function serviceAccountOf(pod: PodSpecView): ServiceAccountRef {
  const name = getString(pod.spec, 'serviceAccountName');
  if (name !== undefined && name !== '') return { name, from: 'serviceAccountName' };
  // The API server copies the deprecated field into serviceAccountName when only it is set.
  const deprecated = getString(pod.spec, 'serviceAccount');
  if (deprecated !== undefined && deprecated !== '') return { name: deprecated, from: 'serviceAccount' };
  return { name: 'default', from: 'default' };
}

function describeAccount(account: ServiceAccountRef): string {
  switch (account.from) {
    case 'serviceAccountName':
      return `ServiceAccount "${account.name}"`;
    case 'serviceAccount':
      return `ServiceAccount "${account.name}" (named by the deprecated serviceAccount field)`;
    case 'default':
      return 'ServiceAccount "default" (no serviceAccountName is set)';
  }
}

/** The ServiceAccount's own setting, if the account is in the snapshot and sets a boolean. */
function accountSetting(snapshot: ClusterSnapshot, pod: PodSpecView, name: string): { found: boolean; value: boolean | undefined } {
  const account = snapshot.get('ServiceAccount', pod.namespace, name);
  if (account?.apiVersion !== 'v1') return { found: false, value: undefined };
  return { found: true, value: getBoolean(account.body, FIELD) };
}

export default defineRule({
  id: 'service-account-token-automount',
  title: 'Pod gets a ServiceAccount API token mounted',
  severity: 'medium',
  category: 'secrets',
  description:
    'Unless told otherwise, Kubernetes mounts a bearer token for the pod\'s ServiceAccount into every container. Most applications never call the Kubernetes API, yet anyone who gets code execution or file read in the pod can take the token and act with the ServiceAccount\'s permissions from anywhere the API server is reachable.',
  remediation:
    'Set `automountServiceAccountToken: false` in the pod spec, or on the ServiceAccount so every pod using it inherits the setting. Pods that really call the API should use a dedicated ServiceAccount with minimal RBAC and may set the field to true explicitly.',
  frameworks: {
    cis: ['5.1.5', '5.1.6'],
    nsa: ['Kubernetes Pod security: Protecting Pod service account tokens'],
    mitre: ['T1528', 'T1552.007'],
  },
  equivalents: {
    polaris: 'automountServiceAccountToken',
    trivy: 'KSV-0036',
    checkov: 'CKV_K8S_38',
    kubescape: ['C-0034', 'C-0190', 'C-0261'],
    kubeaudit: 'asat',
    kubesec: 'AutomountServiceAccountToken',
  },
  fixable: true,
  target: 'pod',
  check(pod, context) {
    const account = serviceAccountOf(pod);
    const who = describeAccount(account);
    const podValue = getBoolean(pod.spec, FIELD);
    if (podValue === true) {
      context.report(pod.object, [...pod.specPath, FIELD], `the pod sets ${FIELD}: true, so the API token of ${who} is mounted into every container`);
      return;
    }
    // The pod's own boolean always wins over the ServiceAccount's.
    if (podValue === false) return;
    const setting = accountSetting(context.snapshot, pod, account.name);
    if (setting.value === false) return;
    const source =
      setting.value === true
        ? `${who} sets ${FIELD}: true and the pod does not override it`
        : setting.found
          ? `neither the pod nor ${who} sets ${FIELD}, so the default (true) applies`
          : `the pod does not set ${FIELD} and ${who} is not in the scanned input, so the default (true) applies`;
    context.report(pod.object, pod.specPath, `${source}: the account's API token is mounted into every container`);
  },
});
