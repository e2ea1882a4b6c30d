import type { Path } from '../../load/path.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { getArray, getNumber, getRecord, getString, isRecord, stringList } from '../../snapshot/guards.js';
import { apiGroupOf } from '../../snapshot/kinds.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';

const GROUP = 'networking.istio.io';

/** Suffixes of Kubernetes service names inside the cluster (`reviews.shop.svc.cluster.local`). */
function isClusterName(name: string): boolean {
  return name === 'local' || name.endsWith('.local') || name === 'svc' || name.endsWith('.svc');
}

function hostsOverlap(a: string, b: string): boolean {
  if (a === b || a === '*' || b === '*') return true;
  const covers = (wildcard: string, host: string): boolean => wildcard.startsWith('*.') && host.endsWith(wildcard.slice(1));
  return covers(a, b) || covers(b, a);
}

const internalHostsCache = new WeakMap<ClusterSnapshot, readonly string[]>();

/** Hosts that ServiceEntries in the input declare part of the mesh (`location: MESH_INTERNAL`). */
function meshInternalHosts(snapshot: ClusterSnapshot): readonly string[] {
  const cached = internalHostsCache.get(snapshot);
  if (cached !== undefined) return cached;
  const hosts: string[] = [];
  for (const entry of snapshot.ofKind('ServiceEntry')) {
    if (apiGroupOf(entry.apiVersion) !== GROUP) continue;
    const spec = getRecord(entry.body, 'spec');
    if (getString(spec, 'location') !== 'MESH_INTERNAL') continue;
    hosts.push(...stringList(getArray(spec, 'hosts')));
  }
  internalHostsCache.set(snapshot, hosts);
  return hosts;
}

/**
 * Whether a DestinationRule host can be a workload in the mesh. A short name is a Service in the
 * rule's namespace; `*.svc.cluster.local`-style names and `*` are cluster services; other FQDNs
 * are external unless a MESH_INTERNAL ServiceEntry declares them. For an external host DISABLE
 * only confirms the default: sidecars do not originate mutual TLS to non-mesh endpoints.
 */
function inMesh(host: string, internal: readonly string[]): boolean {
  if (host === '*' || !host.includes('.')) return true;
  if (isClusterName(host.startsWith('*.') ? host.slice(2) : host)) return true;
  return internal.some(entry => hostsOverlap(entry, host));
}

interface TlsSetting {
  readonly path: Path;
  readonly subset: string | undefined;
  readonly port: number | undefined;
}

/** `tls.mode: DISABLE` in a TrafficPolicy and its portLevelSettings. */
function disabledIn(policy: JsonRecord | undefined, path: Path, subset: string | undefined, found: TlsSetting[]): void {
  if (policy === undefined) return;
  if (getString(getRecord(policy, 'tls'), 'mode') === 'DISABLE') found.push({ path: [...path, 'tls', 'mode'], subset, port: undefined });
  for (const [index, setting] of (getArray(policy, 'portLevelSettings') ?? []).entries()) {
    if (!isRecord(setting)) continue;
    if (getString(getRecord(setting, 'tls'), 'mode') !== 'DISABLE') continue;
    const port = getNumber(getRecord(setting, 'port'), 'number');
    found.push({ path: [...path, 'portLevelSettings', index, 'tls', 'mode'], subset, port });
  }
}

function scope(setting: TlsSetting): string {
  const parts: string[] = [];
  if (setting.subset !== undefined) parts.push(`subset "${setting.subset}"`);
  if (setting.port !== undefined) parts.push(`port ${String(setting.port)}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

export default defineRule({
  id: 'istio-destination-rule-tls-disabled',
  title: 'Istio DestinationRule turns off TLS to a mesh service',
  severity: 'medium',
  category: 'network',
  description:
    'A DestinationRule with `tls.mode: DISABLE` tells every client sidecar to send plaintext to the host, overriding Istio\'s automatic mutual TLS. The traffic crosses the network unencrypted and unauthenticated, and if the server side requires STRICT mTLS the calls fail instead, which is often "fixed" by relaxing the server too.',
  remediation:
    'Delete the `tls` block (automatic mutual TLS then applies) or set `tls.mode: ISTIO_MUTUAL`. Check the same field in `portLevelSettings` and in every subset\'s `trafficPolicy`, which override the top-level policy.',
  frameworks: {
    nsa: ['Network separation and hardening: Network policies'],
    mitre: ['T1040', 'T1557'],
  },
  equivalents: {},
  fixable: true,
  target: 'object',
  kinds: ['DestinationRule'],
  check(object, context) {
    if (apiGroupOf(object.apiVersion) !== GROUP) return;
    const spec = getRecord(object.body, 'spec');
    const host = getString(spec, 'host');
    if (spec === undefined || host === undefined || host === '') return;
    if (!inMesh(host, meshInternalHosts(context.snapshot))) return;
    const found: TlsSetting[] = [];
    disabledIn(getRecord(spec, 'trafficPolicy'), ['spec', 'trafficPolicy'], undefined, found);
    for (const [index, subset] of (getArray(spec, 'subsets') ?? []).entries()) {
      if (!isRecord(subset)) continue;
      disabledIn(getRecord(subset, 'trafficPolicy'), ['spec', 'subsets', index, 'trafficPolicy'], getString(subset, 'name') ?? `#${String(index)}`, found);
    }
    const name = object.name === '' ? '<unnamed>' : object.name;
    for (const setting of found) {
      context.report(
        object,
        setting.path,
        `DestinationRule "${name}" sets tls.mode DISABLE for host "${host}"${scope(setting)}: client sidecars send it plaintext instead of Istio mutual TLS`,
      );
    }
  },
});
