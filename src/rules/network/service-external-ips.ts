import { getArray, getRecord, isString } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'service-external-ips',
  title: 'Service claims external IPs',
  severity: 'high',
  category: 'network',
  description:
    '`spec.externalIPs` makes kube-proxy on every node capture traffic addressed to those IPs and send it to the Service, whoever actually owns the addresses. Kubernetes does not check that the Service owner controls them (CVE-2020-8554), so anyone allowed to create or edit Services can intercept traffic that pods and nodes send to any IP, such as a database, a DNS resolver or an external API.',
  remediation:
    'Remove `externalIPs`; publish the Service with `type: LoadBalancer`, an Ingress or a Gateway instead. Cluster-wide, enable the `DenyServiceExternalIPs` admission plugin, or an admission policy that allows only approved addresses, so no Service can claim arbitrary IPs.',
  frameworks: {
    mitre: ['T1557'],
  },
  equivalents: {
    trivy: 'KSV-0108',
  },
  fixable: false,
  target: 'object',
  kinds: ['Service'],
  check(object, context) {
    if (!isBuiltIn(object, 'Service')) return;
    const addresses = (getArray(getRecord(object.body, 'spec'), 'externalIPs') ?? []).filter(isString).filter(address => address !== '');
    if (addresses.length === 0) return;
    const listed = addresses.length === 1 ? `external IP ${addresses[0] ?? ''}` : `external IPs ${addresses.join(', ')}`;
    context.report(
      object,
      ['spec', 'externalIPs'],
      `Service "${object.name}" claims ${listed}: kube-proxy on every node redirects traffic for ${addresses.length === 1 ? 'that address' : 'those addresses'} from any pod or node to this Service, whoever owns ${addresses.length === 1 ? 'it' : 'them'} (CVE-2020-8554)`,
    );
  },
});
