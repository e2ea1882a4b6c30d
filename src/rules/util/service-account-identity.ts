import type { Path } from '../../load/path.js';
import { getArray, getBoolean, getRecord, getString, isRecord } from '../../snapshot/guards.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';

const AUTOMOUNT = 'automountServiceAccountToken';

export interface PodServiceAccount {
  readonly name: string;
  /** Which pod field named it; `unset` when none did and the account is `default`. */
  readonly from: 'serviceAccountName' | 'serviceAccount' | 'unset';
  /** Where the name is written, or the pod spec when it is not. */
  readonly path: Path;
}

/**
 * The ServiceAccount a pod runs as, resolved as the API server does: `serviceAccountName`; when
 * it is empty, the deprecated `serviceAccount` (copied over on conversion); when both are empty,
 * the ServiceAccount admission plugin fills in `default`.
 */
export function podServiceAccount(pod: PodSpecView): PodServiceAccount {
  const name = getString(pod.spec, 'serviceAccountName');
  if (name !== undefined && name !== '') return { name, from: 'serviceAccountName', path: [...pod.specPath, 'serviceAccountName'] };
  const deprecated = getString(pod.spec, 'serviceAccount');
  if (deprecated !== undefined && deprecated !== '') return { name: deprecated, from: 'serviceAccount', path: [...pod.specPath, 'serviceAccount'] };
  return { name: 'default', from: 'unset', path: pod.specPath };
}

/** Whether the automatic token volume is mounted, and which setting decided it. */
export interface AutomountDecision {
  readonly mounted: boolean;
  /** `pod`: the pod spec's boolean; `serviceAccount`: the account's; `default`: neither set one. */
  readonly decidedBy: 'pod' | 'serviceAccount' | 'default';
  /** The account is in the scanned input, so an unset field there really is unset. */
  readonly accountFound: boolean;
}

/**
 * `automountServiceAccountToken` as the ServiceAccount admission plugin applies it: the pod's
 * boolean wins; otherwise the ServiceAccount's (when the account is in the snapshot); otherwise
 * true.
 */
export function automountDecision(snapshot: ClusterSnapshot, pod: PodSpecView, accountName: string): AutomountDecision {
  const account = snapshot.get('ServiceAccount', pod.namespace, accountName);
  const accountFound = account?.apiVersion === 'v1';
  const podValue = getBoolean(pod.spec, AUTOMOUNT);
  if (podValue !== undefined) return { mounted: podValue, decidedBy: 'pod', accountFound };
  const accountValue = accountFound ? getBoolean(account.body, AUTOMOUNT) : undefined;
  if (accountValue !== undefined) return { mounted: accountValue, decidedBy: 'serviceAccount', accountFound };
  return { mounted: true, decidedBy: 'default', accountFound };
}

/**
 * Volumes that request a token for the pod's ServiceAccount themselves (a `projected` volume
 * with a `serviceAccountToken` source). The kubelet issues those whatever
 * `automountServiceAccountToken` says.
 */
export function projectedTokenVolumes(pod: PodSpecView): string[] {
  const names: string[] = [];
  for (const [index, volume] of (getArray(pod.spec, 'volumes') ?? []).entries()) {
    if (!isRecord(volume)) continue;
    const sources = getArray(getRecord(volume, 'projected'), 'sources') ?? [];
    if (sources.some(source => isRecord(source) && getRecord(source, 'serviceAccountToken') !== undefined)) {
      names.push(getString(volume, 'name') ?? `#${String(index)}`);
    }
  }
  return names;
}
