import { getRecord, getStringMap, hasOwn } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import { defineRule } from '../types.js';
import type { IngressHost } from '../util/ingress-routes.js';
import { annotationTls, ingressHosts, tlsCovers, tlsHosts } from '../util/ingress-routes.js';

const CONSEQUENCE = 'requests, cookies and credentials travel unencrypted and can be read or changed on the way';

function describeHosts(hosts: readonly IngressHost[]): string {
  const named = hosts.flatMap(entry => (entry.host === undefined ? [] : [`"${entry.host}"`]));
  const anyHost = hosts.some(entry => entry.host === undefined);
  if (named.length === 0) return anyHost ? 'every request it routes is' : 'its default backend is';
  const list = `${named.length === 1 ? 'host' : 'hosts'} ${named.join(', ')}`;
  if (anyHost) return `${list} and every other host it routes are`;
  return `${list} ${named.length === 1 ? 'is' : 'are'}`;
}

export default defineRule({
  id: 'ingress-without-tls',
  title: 'Ingress serves a host without TLS',
  severity: 'medium',
  category: 'network',
  description:
    'An Ingress without a TLS entry for a host serves that host over plain HTTP: passwords, session cookies and API tokens cross every network between the client and the load balancer in clear text, and anyone on the path can read or rewrite them. A TLS section that lists some hosts leaves the others unencrypted.',
  remediation:
    'Add a `spec.tls` entry whose `hosts` cover every rule host (a wildcard such as `*.example.com` covers one label) and whose `secretName` names the certificate, for example one issued by cert-manager; or terminate TLS at the cloud load balancer with its certificate annotation.',
  frameworks: {
    nsa: ['Network separation and hardening: Encryption'],
    mitre: ['T1040', 'T1557'],
  },
  equivalents: {
    polaris: 'tlsSettingsMissing',
    kubescape: 'C-0263',
  },
  fixable: false,
  target: 'object',
  kinds: ['Ingress'],
  check(object, context) {
    if (!isBuiltIn(object, 'Ingress')) return;
    if (annotationTls(getStringMap(getRecord(object.body, 'metadata'), 'annotations')) !== undefined) return;
    const spec = getRecord(object.body, 'spec');
    const hosts = ingressHosts(spec);
    const tls = tlsHosts(spec);
    const name = `Ingress "${object.name}"`;
    if (tls === undefined) {
      const path = hasOwn(spec, 'tls') ? ['spec', 'tls'] : spec === undefined ? [] : ['spec'];
      context.report(object, path, `${name} has no TLS entry, so ${describeHosts(hosts)} served over plain HTTP: ${CONSEQUENCE}`);
      return;
    }
    if (tls.everyHost) return;
    for (const entry of hosts) {
      if (entry.host === undefined) {
        context.report(
          object,
          entry.path,
          `${name} has a rule without a host, but every TLS entry lists specific hosts, so requests for any other name have no certificate of their own: they go over plain HTTP or meet the controller's default certificate, which clients cannot verify`,
        );
        continue;
      }
      const host = entry.host;
      if (tls.hosts.some(tlsHost => tlsCovers(tlsHost, host))) continue;
      context.report(object, entry.path, `${name} serves host "${host}", which no TLS entry covers, so it is served over plain HTTP: ${CONSEQUENCE}`);
    }
  },
});
