import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { internalLoadBalancerMarker, loadBalancerSourceRanges } from './load-balancer-reach.js';

const annotations = (entries: Record<string, string>): ReadonlyMap<string, string> => new Map(Object.entries(entries));

describe('internalLoadBalancerMarker', () => {
  it('recognises each cloud\'s internal annotation', () => {
    assert.match(internalLoadBalancerMarker(annotations({ 'networking.gke.io/load-balancer-type': 'Internal' }), {}) ?? '', /networking\.gke\.io/);
    assert.match(internalLoadBalancerMarker(annotations({ 'cloud.google.com/load-balancer-type': 'internal' }), {}) ?? '', /cloud\.google\.com/);
    assert.match(internalLoadBalancerMarker(annotations({ 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' }), {}) ?? '', /azure/);
    assert.match(internalLoadBalancerMarker(annotations({ 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' }), {}) ?? '', /aws-load-balancer-internal/);
    assert.match(internalLoadBalancerMarker(annotations({ 'service.beta.kubernetes.io/aws-load-balancer-internal': '0.0.0.0/0' }), {}) ?? '', /0\.0\.0\.0/);
    assert.match(internalLoadBalancerMarker(annotations({ 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' }), {}) ?? '', /scheme: internal/);
  });

  it('knows the AWS Load Balancer Controller defaults to internal when it is selected explicitly', () => {
    assert.match(internalLoadBalancerMarker(annotations({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' }), {}) ?? '', /defaults to internal/);
    assert.match(internalLoadBalancerMarker(annotations({}), { loadBalancerClass: 'service.k8s.aws/nlb' }) ?? '', /defaults to internal/);
    assert.equal(
      internalLoadBalancerMarker(annotations({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'external', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' }), {}),
      undefined,
    );
    assert.equal(internalLoadBalancerMarker(annotations({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' }), {}), undefined, 'in-tree NLBs are internet-facing');
  });

  it('treats false, other values and other clouds\' defaults as internet-facing', () => {
    assert.equal(internalLoadBalancerMarker(annotations({ 'service.beta.kubernetes.io/aws-load-balancer-internal': 'false' }), {}), undefined);
    assert.equal(internalLoadBalancerMarker(annotations({ 'service.beta.kubernetes.io/azure-load-balancer-internal': 'false' }), {}), undefined);
    assert.equal(internalLoadBalancerMarker(annotations({ 'networking.gke.io/load-balancer-type': 'External' }), {}), undefined);
    assert.equal(internalLoadBalancerMarker(annotations({}), undefined), undefined);
  });
});

describe('loadBalancerSourceRanges', () => {
  it('reads the field first, then the annotation', () => {
    assert.deepEqual(loadBalancerSourceRanges(annotations({}), { loadBalancerSourceRanges: ['203.0.113.0/24'] }), {
      ranges: ['203.0.113.0/24'],
      from: 'spec.loadBalancerSourceRanges',
      open: false,
    });
    assert.deepEqual(loadBalancerSourceRanges(annotations({ 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8, 192.168.0.0/16' }), {}), {
      ranges: ['10.0.0.0/8', '192.168.0.0/16'],
      from: 'annotation',
      open: false,
    });
    assert.deepEqual(
      loadBalancerSourceRanges(annotations({ 'service.beta.kubernetes.io/load-balancer-source-ranges': '0.0.0.0/0' }), { loadBalancerSourceRanges: ['10.0.0.0/8'] })?.ranges,
      ['10.0.0.0/8'],
    );
  });

  it('marks a list with a /0 range as open, and no list as undefined', () => {
    assert.equal(loadBalancerSourceRanges(annotations({}), { loadBalancerSourceRanges: ['10.0.0.0/8', '0.0.0.0/0'] })?.open, true);
    assert.equal(loadBalancerSourceRanges(annotations({}), { loadBalancerSourceRanges: ['::/0'] })?.open, true);
    assert.equal(loadBalancerSourceRanges(annotations({}), { loadBalancerSourceRanges: [] }), undefined);
    assert.equal(loadBalancerSourceRanges(annotations({}), undefined), undefined);
  });
});
