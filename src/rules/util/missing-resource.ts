import type { PodSpecView } from '../../snapshot/pod-spec.js';
import type { RuleContext } from '../types.js';
import { describeContainer } from './describe.js';
import type { ComputeResource, ResourceBound } from './quantity-defaults.js';
import { isResourceMissing, limitRangeDefaults, resourceBearingContainers, resourcesPath } from './quantity-defaults.js';

const LABEL: Readonly<Record<ComputeResource, Readonly<Record<ResourceBound, string>>>> = {
  cpu: { requests: 'CPU request', limits: 'CPU limit' },
  memory: { requests: 'memory request', limits: 'memory limit' },
};

/**
 * Reports each regular and init container of `pod` that ends up without `resource` in `bound`
 * after API-server defaulting and LimitRange admission; `consequence` completes the sentence.
 */
export function reportMissingResource(
  pod: PodSpecView,
  context: RuleContext,
  bound: ResourceBound,
  resource: ComputeResource,
  consequence: string,
): void {
  const defaults = limitRangeDefaults(context.snapshot, pod.namespace);
  for (const container of resourceBearingContainers(pod)) {
    if (!isResourceMissing(pod, container, defaults, bound, resource)) continue;
    context.report(pod.object, resourcesPath(container), `${describeContainer(container)} sets no ${LABEL[resource][bound]}, so ${consequence}`);
  }
}
