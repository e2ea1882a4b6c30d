import { getRecord, getString, isRecord, isString, own } from '../../snapshot/guards.js';
import { apiGroupOf } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';

/**
 * Istio PeerAuthentication (`security.istio.io`) resolved per workload exactly as istiod's
 * `ComposePeerAuthentication` does:
 *
 * - a policy without a selector (or with empty `matchLabels`) in the root namespace is mesh-wide;
 *   elsewhere it is namespace-wide; a policy with a selector outside the root namespace applies
 *   to the pods of its namespace whose labels include every `matchLabels` entry. Selector
 *   policies in the root namespace are ignored.
 * - at each of the three scopes only the oldest policy counts (`creationTimestamp`).
 * - the mode starts PERMISSIVE; mesh, then namespace, then workload replace it unless their
 *   mode is UNSET (or `mtls` is absent), which inherits.
 * - `portLevelMtls` of the workload policy sets a mode per container port; UNSET there inherits
 *   the workload's resolved mode. Port-level settings of other policies are ignored.
 */
export type MtlsMode = 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT';
export type PolicyScope = 'mesh' | 'namespace' | 'workload';

const MODES: ReadonlySet<string> = new Set(['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT']);

function isMode(value: string): value is MtlsMode {
  return MODES.has(value);
}

export interface PortMtls {
  readonly port: number;
  readonly mode: MtlsMode;
}

export interface PeerAuthenticationPolicy {
  readonly object: KubeObject;
  readonly namespace: string;
  /** `matchLabels`; empty for a policy without a selector. */
  readonly selector: ReadonlyMap<string, string>;
  readonly mode: MtlsMode;
  readonly ports: readonly PortMtls[];
  /** `metadata.creationTimestamp` in ms, when the input carries one (objects read from a cluster). */
  readonly createdAt: number | undefined;
}

export function isPeerAuthentication(object: KubeObject): boolean {
  return object.kind === 'PeerAuthentication' && apiGroupOf(object.apiVersion) === 'security.istio.io';
}

/**
 * Reads a PeerAuthentication; undefined when its CRD schema would reject it (a mode outside the
 * enum, a selector that is not a map of strings), because such a policy never exists.
 */
export function readPeerAuthentication(object: KubeObject, namespace: string): PeerAuthenticationPolicy | undefined {
  const spec = getRecord(object.body, 'spec') ?? {};
  const selectorValue = own(spec, 'selector');
  const selector = new Map<string, string>();
  if (selectorValue !== undefined && selectorValue !== null) {
    if (!isRecord(selectorValue)) return undefined;
    const matchLabels = own(selectorValue, 'matchLabels');
    if (matchLabels !== undefined && matchLabels !== null) {
      if (!isRecord(matchLabels)) return undefined;
      for (const [key, value] of Object.entries(matchLabels)) {
        if (!isString(value)) return undefined;
        selector.set(key, value);
      }
    }
  }
  const mode = readMode(own(spec, 'mtls'));
  if (mode === undefined) return undefined;
  const ports: PortMtls[] = [];
  const portLevel = own(spec, 'portLevelMtls');
  if (portLevel !== undefined && portLevel !== null) {
    if (!isRecord(portLevel)) return undefined;
    for (const [key, value] of Object.entries(portLevel)) {
      const port = Number(key);
      const portMode = readMode(value);
      if (!/^[1-9][0-9]*$/.test(key) || port > 65535 || portMode === undefined) return undefined;
      ports.push({ port, mode: portMode });
    }
  }
  const timestamp = getString(getRecord(object.body, 'metadata'), 'creationTimestamp');
  const createdAt = timestamp === undefined ? undefined : Date.parse(timestamp);
  return { object, namespace, selector, mode, ports, createdAt: createdAt === undefined || Number.isNaN(createdAt) ? undefined : createdAt };
}

/** `mtls` (a MutualTLS message): absent or without a mode is UNSET; undefined when invalid. */
function readMode(value: unknown): MtlsMode | undefined {
  if (value === undefined || value === null) return 'UNSET';
  if (!isRecord(value)) return undefined;
  const mode = own(value, 'mode');
  if (mode === undefined || mode === null) return 'UNSET';
  return isString(mode) && isMode(mode) ? mode : undefined;
}

export function scopeOf(policy: PeerAuthenticationPolicy, rootNamespace: string): PolicyScope | undefined {
  if (policy.selector.size === 0) return policy.namespace === rootNamespace ? 'mesh' : 'namespace';
  return policy.namespace === rootNamespace ? undefined : 'workload';
}

export function selects(policy: PeerAuthenticationPolicy, labels: ReadonlyMap<string, string>): boolean {
  for (const [key, value] of policy.selector) if (labels.get(key) !== value) return false;
  return true;
}

/**
 * The policies that may be the oldest of `candidates`: one when creation timestamps decide it,
 * all of them when the input does not show which was created first.
 */
export function possibleWinners(candidates: readonly PeerAuthenticationPolicy[]): readonly PeerAuthenticationPolicy[] {
  if (candidates.length <= 1) return candidates;
  const times = candidates.map(policy => policy.createdAt);
  if (times.some(time => time === undefined)) return candidates;
  const oldest = Math.min(...times.map(time => time ?? 0));
  return candidates.filter(policy => policy.createdAt === oldest);
}

export interface ResolvedPort {
  readonly port: number;
  readonly mode: Exclude<MtlsMode, 'UNSET'>;
  /** True when the port entry is UNSET and inherits the workload's mode. */
  readonly inherited: boolean;
}

export interface ResolvedMtls {
  readonly mode: Exclude<MtlsMode, 'UNSET'>;
  /** The policy whose mode applies; undefined when none sets one and the default applies. */
  readonly decidedBy: PeerAuthenticationPolicy | undefined;
  readonly decidedAt: PolicyScope | undefined;
  /** The workload policy that supplied the port-level modes, if any. */
  readonly portsFrom: PeerAuthenticationPolicy | undefined;
  readonly ports: readonly ResolvedPort[];
}

/** `ComposePeerAuthentication` for one choice of policy at each scope. */
export function compose(
  mesh: PeerAuthenticationPolicy | undefined,
  namespace: PeerAuthenticationPolicy | undefined,
  workload: PeerAuthenticationPolicy | undefined,
): ResolvedMtls {
  let mode: Exclude<MtlsMode, 'UNSET'> = 'PERMISSIVE';
  let decidedBy: PeerAuthenticationPolicy | undefined;
  let decidedAt: PolicyScope | undefined;
  for (const [scope, policy] of [
    ['mesh', mesh],
    ['namespace', namespace],
    ['workload', workload],
  ] as const) {
    if (policy === undefined || policy.mode === 'UNSET') continue;
    mode = policy.mode;
    decidedBy = policy;
    decidedAt = scope;
  }
  const ports: ResolvedPort[] = (workload?.ports ?? []).map(entry =>
    entry.mode === 'UNSET' ? { port: entry.port, mode, inherited: true } : { port: entry.port, mode: entry.mode, inherited: false },
  );
  return { mode, decidedBy, decidedAt, portsFrom: workload !== undefined && workload.ports.length > 0 ? workload : undefined, ports };
}

export interface MtlsOutcome {
  readonly resolved: ResolvedMtls;
  /** Scopes where several policies may be the oldest, with the one this outcome assumes is. */
  readonly assumptions: readonly { readonly candidates: readonly PeerAuthenticationPolicy[]; readonly oldest: PeerAuthenticationPolicy }[];
}

/**
 * Every outcome the input allows for a pod: one when each scope has at most one candidate (or
 * timestamps decide), several when policies tie and only their creation order would decide.
 */
export function possibleOutcomes(
  mesh: readonly PeerAuthenticationPolicy[],
  namespace: readonly PeerAuthenticationPolicy[],
  workload: readonly PeerAuthenticationPolicy[],
): MtlsOutcome[] {
  const [meshWinners, namespaceWinners, workloadWinners] = [possibleWinners(mesh), possibleWinners(namespace), possibleWinners(workload)];
  const choices = (winners: readonly PeerAuthenticationPolicy[]): readonly (PeerAuthenticationPolicy | undefined)[] => (winners.length === 0 ? [undefined] : winners);
  const assume = (winners: readonly PeerAuthenticationPolicy[], chosen: PeerAuthenticationPolicy | undefined): MtlsOutcome['assumptions'] =>
    winners.length > 1 && chosen !== undefined ? [{ candidates: winners, oldest: chosen }] : [];
  const outcomes: MtlsOutcome[] = [];
  for (const m of choices(meshWinners)) {
    for (const n of choices(namespaceWinners)) {
      for (const w of choices(workloadWinners)) {
        outcomes.push({
          resolved: compose(m, n, w),
          assumptions: [...assume(meshWinners, m), ...assume(namespaceWinners, n), ...assume(workloadWinners, w)],
        });
      }
    }
  }
  return outcomes;
}

export function isStrict(resolved: ResolvedMtls): boolean {
  return resolved.mode === 'STRICT' && resolved.ports.every(port => port.mode === 'STRICT');
}

/** Where a policy applies, for messages: `mesh-wide PeerAuthentication "default" in "istio-system"`. */
export function describePolicy(policy: PeerAuthenticationPolicy, scope: PolicyScope): string {
  const name = policy.object.name === '' ? '<unnamed>' : policy.object.name;
  switch (scope) {
    case 'mesh':
      return `mesh-wide PeerAuthentication "${name}" in "${policy.namespace}"`;
    case 'namespace':
      return `namespace-wide PeerAuthentication "${name}" in "${policy.namespace}"`;
    case 'workload':
      return `PeerAuthentication "${name}" (selector ${[...policy.selector].map(([key, value]) => `${key}=${value}`).join(',')})`;
  }
}
