import { getArray, getRecord, getString, isRecord } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import { defineRule } from '../types.js';
import { anchorOf, describeNamespace, podNamespaces } from '../util/namespace-guardrails.js';

/** A LimitRange bounds pods only through `type: Container` or `type: Pod` items. */
function boundsPods(limitRange: KubeObject): boolean {
  return (getArray(getRecord(limitRange.body, 'spec'), 'limits') ?? []).some(item => {
    if (!isRecord(item)) return false;
    const type = getString(item, 'type');
    return type === 'Container' || type === 'Pod';
  });
}

export default defineRule({
  id: 'namespace-without-limit-range',
  title: 'Namespace runs pods without a LimitRange',
  severity: 'low',
  category: 'namespace',
  description:
    'A LimitRange gives every container in its namespace default requests and limits and bounds what any one container or pod may ask for. Without one, a container that omits its resources runs unbounded (BestEffort, first to be evicted, free to exhaust its node), and a single pod may request a whole node.',
  remediation:
    'Add a LimitRange with a `type: Container` item that sets `defaultRequest` and `default` (and `max` where you want a ceiling) for `cpu`, `memory` and `ephemeral-storage` to each namespace that runs workloads.',
  frameworks: {
    nsa: ['Network separation and hardening: Resource policies'],
    mitre: ['T1499'],
  },
  equivalents: {
    trivy: 'KSV-0039',
  },
  fixable: false,
  target: 'snapshot',
  examines(snapshot) {
    return podNamespaces(snapshot).map(namespace => anchorOf(namespace).object);
  },
  check(context) {
    const { snapshot } = context;
    for (const namespace of podNamespaces(snapshot)) {
      const ranges = snapshot.ofKindInNamespace('LimitRange', namespace.name).filter(range => isBuiltIn(range, 'LimitRange'));
      if (ranges.some(boundsPods)) continue;
      const which = ranges.length === 0 ? 'no LimitRange' : `no LimitRange for containers or pods (${ranges.map(range => `"${range.name}"`).join(', ')} only ${ranges.length === 1 ? 'constrains' : 'constrain'} PersistentVolumeClaims)`;
      const anchor = anchorOf(namespace);
      context.report(
        anchor.object,
        anchor.path,
        `${describeNamespace(namespace, snapshot)} has ${which}, so a container that sets no resources gets no defaults and runs unbounded, and nothing caps what one container may request`,
      );
    }
  },
});
