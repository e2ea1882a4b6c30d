import { getRecord } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import { defineRule } from '../types.js';
import { anchorOf, describeNamespace, podNamespaces } from '../util/namespace-guardrails.js';

/** A quota constrains something only when `spec.hard` names at least one resource. */
function constrains(quota: KubeObject): boolean {
  const hard = getRecord(getRecord(quota.body, 'spec'), 'hard');
  return hard !== undefined && Object.keys(hard).length > 0;
}

export default defineRule({
  id: 'namespace-without-resource-quota',
  title: 'Namespace runs pods without a ResourceQuota',
  severity: 'low',
  category: 'namespace',
  description:
    'A ResourceQuota caps what one namespace may consume in total: CPU and memory requests and limits, storage, the number of pods and other objects. Without one, a runaway autoscaler, a deployment loop or a compromised CI token can fill the cluster from a single namespace and starve every other tenant.',
  remediation:
    'Add a ResourceQuota to each namespace that runs workloads, with `spec.hard` limits for at least `requests.cpu`, `requests.memory`, `limits.memory` and `pods` sized to the team\'s share of the cluster.',
  frameworks: {
    nsa: ['Network separation and hardening: Resource policies'],
    mitre: ['T1496', 'T1499'],
  },
  equivalents: {
    trivy: 'KSV-0040',
  },
  fixable: false,
  target: 'snapshot',
  examines(snapshot) {
    return podNamespaces(snapshot).map(namespace => anchorOf(namespace).object);
  },
  check(context) {
    const { snapshot } = context;
    for (const namespace of podNamespaces(snapshot)) {
      const quotas = snapshot.ofKindInNamespace('ResourceQuota', namespace.name).filter(quota => isBuiltIn(quota, 'ResourceQuota'));
      if (quotas.some(constrains)) continue;
      const which = quotas.length === 0 ? 'no ResourceQuota' : `no ResourceQuota with spec.hard limits (${quotas.map(quota => `"${quota.name}"`).join(', ')} ${quotas.length === 1 ? 'sets' : 'set'} none)`;
      const anchor = anchorOf(namespace);
      context.report(
        anchor.object,
        anchor.path,
        `${describeNamespace(namespace, snapshot)} has ${which}, so its workloads can consume CPU, memory, storage and object counts without a cap and starve the rest of the cluster`,
      );
    }
  },
});
