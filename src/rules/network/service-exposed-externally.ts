import type { JsonRecord } from '../../snapshot/guards.js';
import { getArray, getBoolean, getNumber, getRecord, getString, getStringMap, isRecord } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import { defineRule } from '../types.js';
import { internalLoadBalancerMarker, loadBalancerSourceRanges } from '../util/load-balancer-reach.js';
import { booleanOption } from '../util/options.js';

/** `node port 30080`, `node ports 30080, 30443`, `an allocated node port`: what the Service opens on every node. */
function describeNodePorts(spec: JsonRecord): string {
  const ports = (getArray(spec, 'ports') ?? []).filter(isRecord);
  const fixed = ports.map(port => getNumber(port, 'nodePort')).filter(port => port !== undefined);
  const allocated = ports.length - fixed.length;
  const parts: string[] = [];
  if (fixed.length > 0) parts.push(`${fixed.length === 1 ? 'node port' : 'node ports'} ${fixed.map(String).join(', ')}`);
  if (allocated > 0) parts.push(allocated === 1 ? 'an allocated node port' : `${String(allocated)} allocated node ports`);
  return parts.length === 0 ? 'a node port' : parts.join(' and ');
}

export default defineRule({
  id: 'service-exposed-externally',
  title: 'Service reachable from outside the cluster',
  severity: 'medium',
  category: 'network',
  description:
    'A `NodePort` Service opens a port on every node, and a `LoadBalancer` Service additionally asks the cloud for a load balancer, by default with a public address. Either makes the workload reachable from outside the cluster directly, past the Ingress controller that usually terminates TLS, authenticates and rate-limits, and past any NetworkPolicy that only reasons about pods.',
  remediation:
    'Use `type: ClusterIP` and publish HTTP workloads through an Ingress or Gateway. Where a load balancer is required, make it internal (the cloud\'s internal-load-balancer annotation) or restrict it with `spec.loadBalancerSourceRanges`, and set `allocateLoadBalancerNodePorts: false` where the implementation routes to pods directly.',
  frameworks: {
    mitre: ['T1190'],
  },
  equivalents: {
    'kube-score': 'service-type',
    'kube-linter': 'exposed-services',
    kubescape: 'C-0256',
  },
  fixable: false,
  optionsSchema: {
    type: 'object',
    properties: {
      ignoreRestrictedLoadBalancers: {
        type: 'boolean',
        description: 'Do not report LoadBalancer Services that are internal or limited by source ranges.',
      },
    },
    additionalProperties: false,
  },
  target: 'object',
  kinds: ['Service'],
  check(object, context) {
    if (!isBuiltIn(object, 'Service')) return;
    const spec = getRecord(object.body, 'spec');
    const type = getString(spec, 'type');
    if (spec === undefined || (type !== 'NodePort' && type !== 'LoadBalancer')) return;
    const name = `Service "${object.name}" of type ${type}`;
    const path = ['spec', 'type'];
    if (type === 'NodePort') {
      context.report(object, path, `${name} opens ${describeNodePorts(spec)} on every node, reachable by anything that can reach a node's address, past the Ingress layer`);
      return;
    }
    const nodePorts = getBoolean(spec, 'allocateLoadBalancerNodePorts') === false ? '' : `, and also opens ${describeNodePorts(spec)} on every node`;
    const annotations = getStringMap(getRecord(object.body, 'metadata'), 'annotations');
    const internal = internalLoadBalancerMarker(annotations, spec);
    const ranges = loadBalancerSourceRanges(annotations, spec);
    const restricted = ranges !== undefined && !ranges.open;
    if (internal === undefined && !restricted) {
      const why = ranges === undefined ? 'no internal-load-balancer annotation, no source ranges' : 'no internal-load-balancer annotation, and its source ranges include a /0 block';
      context.report(object, path, `${name} gets a load balancer that admits any source address (${why})${nodePorts}`);
      return;
    }
    if (booleanOption(context.options, 'ignoreRestrictedLoadBalancers', false)) return;
    const limits: string[] = [];
    if (internal !== undefined) limits.push(`is internal (${internal}), so the private network rather than the internet reaches it`);
    if (restricted) limits.push(`admits only ${ranges.ranges.join(', ')} (${ranges.from})`);
    context.report(object, path, `${name} ${limits.join(' and ')}, which is still outside the cluster${nodePorts}`, { severity: 'low' });
  },
});
