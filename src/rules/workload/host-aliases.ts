import { getArray, getString, isRecord, stringList } from '../../snapshot/guards.js';
import { own } from '../../snapshot/guards.js';
import { defineRule } from '../types.js';

/** `api.example.com → 10.0.0.5, db.example.com → 10.0.0.6 and 3 more names`. */
function describeAliases(aliases: readonly unknown[]): string {
  const pairs: string[] = [];
  for (const alias of aliases) {
    if (!isRecord(alias)) continue;
    const ip = getString(alias, 'ip') ?? '?';
    for (const hostname of stringList(own(alias, 'hostnames'))) pairs.push(`${hostname} → ${ip}`);
  }
  if (pairs.length === 0) return 'entries without hostnames';
  const shown = pairs.slice(0, 3);
  const more = pairs.length - shown.length;
  return more === 0 ? shown.join(', ') : `${shown.join(', ')} and ${String(more)} more ${more === 1 ? 'name' : 'names'}`;
}

export default defineRule({
  id: 'host-aliases',
  title: 'Pod rewrites its /etc/hosts',
  severity: 'low',
  category: 'workload',
  description:
    '`hostAliases` makes the kubelet write fixed name-to-address entries into every container\'s /etc/hosts, which the resolver consults before DNS. Traffic for those names goes wherever the manifest says, without a DNS lookup that monitoring, DNS policies or a changed record could catch, so a malicious or stale entry silently redirects it.',
  remediation:
    'Remove `hostAliases` and publish the names in DNS: a Service (an ExternalName Service or one without a selector plus an EndpointSlice) for in-cluster names, or your DNS zone for external ones.',
  frameworks: {
    mitre: ['T1557'],
  },
  equivalents: {
    trivy: 'KSV-0007',
    kubesec: 'HostAliases',
  },
  fixable: false,
  target: 'pod',
  check(pod, context) {
    const aliases = getArray(pod.spec, 'hostAliases');
    if (aliases === undefined || aliases.length === 0) return;
    context.report(
      pod.object,
      [...pod.specPath, 'hostAliases'],
      `the pod's hostAliases pin ${describeAliases(aliases)} in every container's /etc/hosts: connections to those names skip DNS and go to the addresses in the manifest`,
    );
  },
});
