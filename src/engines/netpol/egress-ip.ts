import type { JsonRecord } from '../../snapshot/guards.js';
import { asArray, isRecord, isString, own } from '../../snapshot/guards.js';

/**
 * Whether NetworkPolicy egress rules allow a connection to one address outside the cluster (an
 * IPv4 address, a port, a protocol). Such a destination is no pod, so only `ipBlock` peers and
 * rules without `to` can match it; `podSelector` and `namespaceSelector` peers never do, and
 * neither does a named port, which resolves against the destination pod's container ports.
 */

export interface Ipv4Cidr {
  /** Network address as an unsigned 32-bit number. */
  readonly network: number;
  readonly prefix: number;
}

export type ParsedCidr =
  | { readonly ok: true; readonly family: 'ipv4'; readonly cidr: Ipv4Cidr }
  | { readonly ok: true; readonly family: 'ipv6' }
  | { readonly ok: false; readonly error: string };

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface Destination {
  /** IPv4 address as an unsigned 32-bit number (see `parseIpv4`). */
  readonly address: number;
  readonly port: number;
  readonly protocol: Protocol;
}

/** Dotted-quad IPv4, as Go's parser reads it: four decimal octets, no leading zeros. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * `a.b.c.d/n` or an IPv6 CIDR. Host bits are masked off (the API server accepts `10.0.0.1/8`
 * and means `10.0.0.0/8`). IPv6 is recognised, not modelled: an IPv6 block never contains an
 * IPv4 destination.
 */
export function parseCidr(text: string): ParsedCidr {
  const slash = text.indexOf('/');
  if (slash === -1) return { ok: false, error: `"${text}" is not a CIDR (no prefix length)` };
  const address = text.slice(0, slash);
  const length = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(length)) return { ok: false, error: `"${text}" has an invalid prefix length` };
  const prefix = Number(length);
  if (address.includes(':')) {
    if (prefix > 128 || !/^[0-9a-fA-F:.]+$/.test(address)) return { ok: false, error: `"${text}" is not a valid IPv6 CIDR` };
    return { ok: true, family: 'ipv6' };
  }
  const value = parseIpv4(address);
  if (value === undefined || prefix > 32) return { ok: false, error: `"${text}" is not a valid IPv4 CIDR` };
  return { ok: true, family: 'ipv4', cidr: { network: (value & mask(prefix)) >>> 0, prefix } };
}

export function cidrContains(cidr: Ipv4Cidr, address: number): boolean {
  return ((address & mask(cidr.prefix)) >>> 0) === cidr.network;
}

/** True when every address of `inner` lies in `outer`. */
export function cidrWithin(inner: Ipv4Cidr, outer: Ipv4Cidr): boolean {
  return inner.prefix >= outer.prefix && cidrContains(outer, inner.network);
}

export type Verdict = { readonly ok: true; readonly allows: boolean; readonly via: string } | { readonly ok: false; readonly error: string };

const PROTOCOLS: ReadonlySet<string> = new Set(['TCP', 'UDP', 'SCTP']);

/**
 * Whether one `ipBlock` peer contains the address: inside `cidr` and outside every `except`.
 * Each `except` must lie inside `cidr` (API validation); an error means the API server would
 * reject the whole policy.
 */
export function ipBlockAllows(block: JsonRecord, address: number): Verdict {
  const rawCidr = own(block, 'cidr');
  if (!isString(rawCidr)) return { ok: false, error: 'ipBlock.cidr must be a string' };
  const parsed = parseCidr(rawCidr);
  if (!parsed.ok) return parsed;
  const exceptions: Ipv4Cidr[] = [];
  const rawExcept = own(block, 'except');
  if (rawExcept !== undefined && rawExcept !== null) {
    const list = asArray(rawExcept);
    if (list === undefined) return { ok: false, error: 'ipBlock.except must be a list' };
    for (const entry of list) {
      if (!isString(entry)) return { ok: false, error: 'ipBlock.except entries must be strings' };
      const except = parseCidr(entry);
      if (!except.ok) return except;
      if (parsed.family !== except.family) return { ok: false, error: `except "${entry}" is not inside cidr "${rawCidr}"` };
      if (except.family === 'ipv4' && parsed.family === 'ipv4') {
        if (!cidrWithin(except.cidr, parsed.cidr)) return { ok: false, error: `except "${entry}" is not inside cidr "${rawCidr}"` };
        exceptions.push(except.cidr);
      }
    }
  }
  if (parsed.family !== 'ipv4' || !cidrContains(parsed.cidr, address)) return { ok: true, allows: false, via: '' };
  const excluded = exceptions.some(except => cidrContains(except, address));
  return { ok: true, allows: !excluded, via: `ipBlock ${rawCidr}` };
}

/** Whether a rule's `ports` admit the destination's port and protocol; absent or empty admits all. */
function portsAllow(rawPorts: unknown, destination: Destination): Verdict {
  if (rawPorts === undefined || rawPorts === null) return { ok: true, allows: true, via: '' };
  const ports = asArray(rawPorts);
  if (ports === undefined) return { ok: false, error: 'ports must be a list' };
  if (ports.length === 0) return { ok: true, allows: true, via: '' };
  let allows = false;
  for (const entry of ports) {
    if (entry === null) {
      // A null list item decodes to a zero-value port: TCP, every port.
      allows ||= destination.protocol === 'TCP';
      continue;
    }
    if (!isRecord(entry)) return { ok: false, error: 'ports entries must be mappings' };
    const rawProtocol = own(entry, 'protocol');
    const protocol = rawProtocol ?? 'TCP';
    if (!isString(protocol) || !PROTOCOLS.has(protocol)) return { ok: false, error: 'ports[].protocol must be TCP, UDP or SCTP' };
    const port = own(entry, 'port');
    const endPort = own(entry, 'endPort');
    if (endPort !== undefined && endPort !== null && (typeof port !== 'number' || typeof endPort !== 'number' || endPort < port)) {
      return { ok: false, error: 'ports[].endPort needs a numeric port no greater than it' };
    }
    if (protocol !== destination.protocol) continue;
    if (port === undefined || port === null) allows = true;
    else if (typeof port === 'number') {
      const last = typeof endPort === 'number' ? endPort : port;
      if (destination.port >= port && destination.port <= last) allows = true;
    } else if (!isString(port)) return { ok: false, error: 'ports[].port must be a number or a name' };
    // A named port resolves against the destination pod's containers; an outside address has none.
  }
  return { ok: true, allows, via: '' };
}

/**
 * Whether one egress rule allows the destination, and through what (`any destination`,
 * `ipBlock 0.0.0.0/0`). A rule without `to` (or with an empty list) allows every destination,
 * external addresses included; otherwise only an `ipBlock` peer can match an outside address.
 */
export function egressRuleAllows(rule: unknown, destination: Destination): Verdict {
  if (rule === null) return { ok: true, allows: true, via: 'any destination, any port' };
  if (!isRecord(rule)) return { ok: false, error: 'egress rules must be mappings' };
  const ports = portsAllow(own(rule, 'ports'), destination);
  if (!ports.ok) return ports;
  const rawTo = own(rule, 'to');
  const peers = rawTo === undefined || rawTo === null ? [] : asArray(rawTo);
  if (peers === undefined) return { ok: false, error: 'egress[].to must be a list' };
  let via: string | undefined = peers.length === 0 ? 'any destination' : undefined;
  for (const peer of peers) {
    if (!isRecord(peer)) return { ok: false, error: 'egress[].to entries must be mappings' };
    const block = own(peer, 'ipBlock');
    const selects = ['podSelector', 'namespaceSelector'].some(field => own(peer, field) !== undefined && own(peer, field) !== null);
    if (block === undefined || block === null) {
      if (!selects) return { ok: false, error: 'egress[].to entries must name a podSelector, namespaceSelector or ipBlock' };
      continue;
    }
    if (selects) return { ok: false, error: 'an ipBlock peer cannot also have a podSelector or namespaceSelector' };
    if (!isRecord(block)) return { ok: false, error: 'ipBlock must be a mapping' };
    const verdict = ipBlockAllows(block, destination.address);
    if (!verdict.ok) return verdict;
    if (verdict.allows) via ??= verdict.via;
  }
  return { ok: true, allows: ports.allows && via !== undefined, via: via ?? '' };
}

export interface AllowingRule {
  /** Index in `spec.egress`. */
  readonly index: number;
  readonly via: string;
}

export type EgressResult = { readonly ok: true; readonly allowing: readonly AllowingRule[] } | { readonly ok: false; readonly error: string };

/**
 * The egress rules of a policy spec that allow the destination. Only meaningful when the policy
 * isolates egress (see `effectivePolicyTypes`); an error means the API server would reject the
 * policy, so it does not exist.
 */
export function egressRulesAllowing(spec: JsonRecord, destination: Destination): EgressResult {
  const raw = own(spec, 'egress');
  if (raw === undefined || raw === null) return { ok: true, allowing: [] };
  const rules = asArray(raw);
  if (rules === undefined) return { ok: false, error: 'spec.egress must be a list' };
  const allowing: AllowingRule[] = [];
  for (const [index, rule] of rules.entries()) {
    const verdict = egressRuleAllows(rule, destination);
    if (!verdict.ok) return { ok: false, error: `spec.egress[${String(index)}]: ${verdict.error}` };
    if (verdict.allows) allowing.push({ index, via: verdict.via });
  }
  return { ok: true, allowing };
}
