import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Destination } from './egress-ip.js';
import { cidrContains, cidrWithin, egressRuleAllows, egressRulesAllowing, ipBlockAllows, parseCidr, parseIpv4 } from './egress-ip.js';

function cidr(text: string): { network: number; prefix: number } {
  const parsed = parseCidr(text);
  if (!parsed.ok || parsed.family !== 'ipv4') assert.fail(`${text} should parse as IPv4`);
  return parsed.cidr;
}

const METADATA: Destination = { address: parseIpv4('169.254.169.254') ?? 0, port: 80, protocol: 'TCP' };

describe('parseIpv4 and parseCidr', () => {
  it('reads dotted quads as Go does', () => {
    assert.equal(parseIpv4('169.254.169.254'), 0xa9fea9fe);
    assert.equal(parseIpv4('0.0.0.0'), 0);
    assert.equal(parseIpv4('255.255.255.255'), 0xffffffff);
    for (const bad of ['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', 'a.b.c.d', '']) assert.equal(parseIpv4(bad), undefined, bad);
  });

  it('parses CIDRs, masking host bits, and recognises IPv6', () => {
    assert.deepEqual(cidr('10.0.0.0/8'), { network: 0x0a000000, prefix: 8 });
    assert.deepEqual(cidr('10.1.2.3/8'), { network: 0x0a000000, prefix: 8 });
    assert.deepEqual(cidr('0.0.0.0/0'), { network: 0, prefix: 0 });
    assert.deepEqual(cidr('169.254.169.254/32'), { network: 0xa9fea9fe, prefix: 32 });
    assert.deepEqual(parseCidr('fd00:ec2::254/128'), { ok: true, family: 'ipv6' });
    assert.deepEqual(parseCidr('::/0'), { ok: true, family: 'ipv6' });
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0/8', 'fd00::/129', 'example.com/8']) assert.equal(parseCidr(bad).ok, false, bad);
  });
});

describe('cidrContains and cidrWithin', () => {
  it('tests membership at every prefix length', () => {
    const address = METADATA.address;
    assert.ok(cidrContains(cidr('0.0.0.0/0'), address));
    assert.ok(cidrContains(cidr('169.254.0.0/16'), address));
    assert.ok(cidrContains(cidr('169.254.169.254/32'), address));
    assert.ok(cidrContains(cidr('128.0.0.0/1'), address));
    assert.equal(cidrContains(cidr('10.0.0.0/8'), address), false);
    assert.equal(cidrContains(cidr('0.0.0.0/1'), address), false);
    assert.equal(cidrContains(cidr('169.254.169.255/32'), address), false);
  });

  it('knows when one block lies inside another', () => {
    assert.ok(cidrWithin(cidr('169.254.169.254/32'), cidr('0.0.0.0/0')));
    assert.ok(cidrWithin(cidr('10.1.0.0/16'), cidr('10.0.0.0/8')));
    assert.equal(cidrWithin(cidr('10.0.0.0/8'), cidr('10.1.0.0/16')), false);
    assert.equal(cidrWithin(cidr('192.168.0.0/16'), cidr('10.0.0.0/8')), false);
  });
});

describe('ipBlockAllows', () => {
  it('subtracts except blocks', () => {
    assert.deepEqual(ipBlockAllows({ cidr: '0.0.0.0/0' }, METADATA.address), { ok: true, allows: true, via: 'ipBlock 0.0.0.0/0' });
    assert.deepEqual(ipBlockAllows({ cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] }, METADATA.address), { ok: true, allows: false, via: 'ipBlock 0.0.0.0/0' });
    const excepted = ipBlockAllows({ cidr: '0.0.0.0/0', except: ['169.254.0.0/16', '10.0.0.0/8'] }, METADATA.address);
    assert.ok(excepted.ok && !excepted.allows);
    const other = ipBlockAllows({ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }, METADATA.address);
    assert.ok(other.ok && other.allows);
    const outside = ipBlockAllows({ cidr: '10.0.0.0/8' }, METADATA.address);
    assert.ok(outside.ok && !outside.allows);
    const v6 = ipBlockAllows({ cidr: '::/0' }, METADATA.address);
    assert.ok(v6.ok && !v6.allows, 'an IPv6 block never holds an IPv4 address');
  });

  it('rejects what the API server rejects', () => {
    assert.equal(ipBlockAllows({ cidr: '10.0.0.0/8', except: ['169.254.0.0/16'] }, METADATA.address).ok, false, 'except outside cidr');
    assert.equal(ipBlockAllows({ cidr: '0.0.0.0/0', except: ['fd00::/8'] }, METADATA.address).ok, false, 'mixed families');
    assert.equal(ipBlockAllows({ cidr: 'nonsense' }, METADATA.address).ok, false);
    assert.equal(ipBlockAllows({}, METADATA.address).ok, false);
  });
});

describe('egressRuleAllows', () => {
  it('lets a rule without peers reach any destination on its ports', () => {
    assert.deepEqual(egressRuleAllows({}, METADATA), { ok: true, allows: true, via: 'any destination' });
    assert.deepEqual(egressRuleAllows(null, METADATA), { ok: true, allows: true, via: 'any destination, any port' });
    assert.deepEqual(egressRuleAllows({ to: [] }, METADATA), { ok: true, allows: true, via: 'any destination' });
    assert.deepEqual(egressRuleAllows({ ports: [] }, METADATA), { ok: true, allows: true, via: 'any destination' });
  });

  it('honours ports, protocols and ranges', () => {
    const allows = (ports: unknown): boolean => {
      const verdict = egressRuleAllows({ ports }, METADATA);
      if (!verdict.ok) assert.fail(verdict.error);
      return verdict.allows;
    };
    assert.equal(allows([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]), false, 'DNS only');
    assert.equal(allows([{ port: 80 }]), true, 'protocol defaults to TCP');
    assert.equal(allows([{ port: 80, protocol: 'UDP' }]), false);
    assert.equal(allows([{ protocol: 'TCP' }]), true, 'every TCP port');
    assert.equal(allows([{ port: 1, endPort: 1024 }]), true);
    assert.equal(allows([{ port: 443, endPort: 8443 }]), false);
    assert.equal(allows([{ port: 'http' }]), false, 'a named port never matches an outside address');
    assert.equal(allows([null]), true);
  });

  it('matches outside addresses only through ipBlock peers', () => {
    const podsOnly = egressRuleAllows({ to: [{ podSelector: {} }, { namespaceSelector: {} }] }, METADATA);
    assert.ok(podsOnly.ok && !podsOnly.allows);
    const block = egressRuleAllows({ to: [{ namespaceSelector: {} }, { ipBlock: { cidr: '169.254.0.0/16' } }] }, METADATA);
    assert.deepEqual(block, { ok: true, allows: true, via: 'ipBlock 169.254.0.0/16' });
    const blockedPort = egressRuleAllows({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443 }] }, METADATA);
    assert.ok(blockedPort.ok && !blockedPort.allows);
  });

  it('rejects malformed rules', () => {
    assert.equal(egressRuleAllows({ to: [{}] }, METADATA).ok, false);
    assert.equal(egressRuleAllows({ to: [{ ipBlock: { cidr: '0.0.0.0/0' }, podSelector: {} }] }, METADATA).ok, false);
    assert.equal(egressRuleAllows({ ports: [{ port: 80, protocol: 'ICMP' }] }, METADATA).ok, false);
    assert.equal(egressRuleAllows({ ports: [{ port: 'http', endPort: 90 }] }, METADATA).ok, false);
    assert.equal(egressRuleAllows({ ports: [{ port: 90, endPort: 80 }] }, METADATA).ok, false);
    assert.equal(egressRuleAllows('all', METADATA).ok, false);
  });
});

describe('egressRulesAllowing', () => {
  it('lists every allowing rule, or says why the policy is invalid', () => {
    const spec = {
      egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }, { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }] }, { to: [{ ipBlock: { cidr: '169.254.169.254/32' } }] }],
    };
    assert.deepEqual(egressRulesAllowing(spec, METADATA), { ok: true, allowing: [{ index: 2, via: 'ipBlock 169.254.169.254/32' }] });
    assert.deepEqual(egressRulesAllowing({}, METADATA), { ok: true, allowing: [] });
    assert.deepEqual(egressRulesAllowing({ egress: [] }, METADATA), { ok: true, allowing: [] });
    const invalid = egressRulesAllowing({ egress: [{}, { to: [{ ipBlock: { cidr: 'x' } }] }] }, METADATA);
    if (invalid.ok) assert.fail('expected the policy to be rejected');
    assert.match(invalid.error, /^spec\.egress\[1\]/);
  });
});
