import { getRecord, getString, getStringMap } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import { defineRule } from '../types.js';

const TOKEN_TYPE = 'kubernetes.io/service-account-token';
const ACCOUNT_ANNOTATION = 'kubernetes.io/service-account.name';

export default defineRule({
  id: 'legacy-service-account-token',
  title: 'Long-lived ServiceAccount token Secret',
  severity: 'medium',
  category: 'secrets',
  description:
    'A Secret of type `kubernetes.io/service-account-token` makes the token controller write a ServiceAccount token into it that never expires and is bound to no pod: it stays valid until the Secret is deleted, works from anywhere the API server is reachable, and can be read by anyone allowed to read Secrets in the namespace. Since Kubernetes 1.24 pods get short-lived, audience-bound tokens from the TokenRequest API instead, and these Secrets exist only for legacy integrations.',
  remediation:
    'Delete the Secret and have the client request short-lived tokens: pods get them automatically or through a projected `serviceAccountToken` volume, external systems with `kubectl create token` or the TokenRequest API, or better, through workload identity federation. If a long-lived token is truly needed, give its ServiceAccount minimal RBAC and rotate the Secret on a schedule.',
  frameworks: {
    nsa: ['Kubernetes Pod security: Protecting Pod service account tokens'],
    mitre: ['T1528', 'T1550.001'],
  },
  equivalents: {},
  fixable: false,
  target: 'object',
  kinds: ['Secret'],
  check(object, context) {
    if (!isBuiltIn(object, 'Secret') || getString(object.body, 'type') !== TOKEN_TYPE) return;
    const account = getStringMap(getRecord(object.body, 'metadata'), 'annotations').get(ACCOUNT_ANNOTATION);
    const carriesToken = [getString(getRecord(object.body, 'data'), 'token'), getString(getRecord(object.body, 'stringData'), 'token')].some(
      token => token !== undefined && token !== '',
    );
    const name = `Secret "${object.name}"`;
    const namespace = context.snapshot.namespaceOf(object) ?? context.snapshot.defaultNamespace;
    const facts = `the token never expires, is bound to no pod and works until the Secret is deleted, for anyone who can read Secrets in namespace "${namespace}"`;
    if (account === undefined || account === '') {
      context.report(
        object,
        ['type'],
        `${name} is a legacy ServiceAccount token Secret without the ${ACCOUNT_ANNOTATION} annotation the API server requires; once it names an account, ${facts}`,
      );
    } else if (carriesToken) {
      context.report(object, ['type'], `${name} carries a legacy token of ServiceAccount "${account}" in the manifest itself, readable by anyone who can read the manifest, and ${facts}`);
    } else {
      context.report(object, ['type'], `${name} asks the token controller for a legacy token of ServiceAccount "${account}": ${facts}`);
    }
  },
});
