import { getRecord } from '../../snapshot/guards.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { defineRule } from '../types.js';
import type { SelectingService } from '../util/service-traffic.js';
import { servicesSelecting, trafficTargets } from '../util/service-traffic.js';
import { describeLongRunningContainer, isLongRunning, longRunningContainers } from '../util/workload-lifecycle.js';

/**
 * Services whose routing depends on the pod's readiness: those selecting it, except the ones that
 * publish not-ready addresses anyway.
 */
function gatingServices(snapshot: ClusterSnapshot, pod: PodSpecView): readonly SelectingService[] {
  if (!isLongRunning(pod)) return [];
  return servicesSelecting(snapshot, pod).filter(service => !service.publishesNotReady);
}

function describeServices(services: readonly SelectingService[]): string {
  const names = services.map(service => `"${service.object.name}"`);
  if (names.length === 1) return `Service ${names[0] ?? ''}`;
  return `Services ${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * The containers whose readiness decides whether traffic is safe: the ones that declare the ports
 * the Services target, or every long-running container when some target port is declared by none.
 */
function servingContainers(pod: PodSpecView, services: readonly SelectingService[]): readonly ContainerView[] {
  const candidates = longRunningContainers(pod);
  const targets = trafficTargets(services, candidates);
  return targets.unresolved ? candidates : candidates.filter(container => targets.containers.has(container));
}

export default defineRule({
  id: 'readiness-probe-missing',
  title: 'Container behind a Service has no readiness probe',
  severity: 'low',
  category: 'workload',
  description:
    'A Service sends traffic to every selected pod whose containers are all ready, and a container without a readiness probe counts as ready the moment it starts. Requests then reach it before it can serve them, keep arriving while it is overloaded or shutting down, and a rollout of a broken version proceeds because its pods look ready.',
  remediation:
    'Add a `readinessProbe` to each container that receives the Service\'s traffic, checking that it can serve requests now (dependencies it cannot work without included), and fail it during graceful shutdown.',
  frameworks: {},
  equivalents: {
    polaris: 'readinessProbeMissing',
    'kube-score': 'pod-probes',
    'kube-linter': 'no-readiness-probe',
    checkov: 'CKV_K8S_9',
    kubescape: 'C-0018',
  },
  fixable: false,
  target: 'snapshot',
  examines(snapshot) {
    return snapshot.podSpecs.filter(pod => gatingServices(snapshot, pod).length > 0).map(pod => pod.object);
  },
  check(context) {
    const { snapshot } = context;
    for (const pod of snapshot.podSpecs) {
      const services = gatingServices(snapshot, pod);
      if (services.length === 0) continue;
      for (const container of servingContainers(pod, services)) {
        if (getRecord(container.body, 'readinessProbe') !== undefined) continue;
        context.report(
          pod.object,
          container.path,
          `${describeLongRunningContainer(container)} has no readinessProbe while ${describeServices(services)} ${services.length === 1 ? 'routes' : 'route'} traffic to this pod, so it counts as ready as soon as it starts: requests reach it before it can serve them and keep arriving while it fails`,
        );
      }
    }
  },
});
