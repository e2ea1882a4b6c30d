import { getArray, getBoolean, getNumber, getRecord, getString, isRecord, isString, own } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { LabelSelector } from '../../snapshot/label-selector.js';
import { matchesSelector, selectorFromMap } from '../../snapshot/label-selector.js';
import type { ContainerView, PodSpecView } from '../../snapshot/pod-spec.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';

export interface ServicePortTarget {
  /** `targetPort`: a port number, or the name of a container port; defaults to `port`. */
  readonly target: number | string;
  readonly protocol: string;
}

/** A Service that routes traffic to the pods its selector matches. */
export interface SelectingService {
  readonly object: KubeObject;
  readonly selector: LabelSelector;
  readonly ports: readonly ServicePortTarget[];
  /**
   * `publishNotReadyAddresses: true`: endpoints include pods whatever their readiness, so the
   * Service routes to a pod before it is ready.
   */
  readonly publishesNotReady: boolean;
}

/**
 * The built-in Service as a pod selector, or undefined when it selects no pods: the endpoint
 * controllers skip `type: ExternalName` and Services without a selector (an empty one included:
 * their endpoints are managed by hand). A selector value that is not a string makes the API
 * server reject the Service.
 */
export function selectingService(object: KubeObject): SelectingService | undefined {
  if (!isBuiltIn(object, 'Service')) return undefined;
  const spec = getRecord(object.body, 'spec');
  if (getString(spec, 'type') === 'ExternalName') return undefined;
  const raw = getRecord(spec, 'selector');
  if (raw === undefined) return undefined;
  const values = Object.values(raw);
  if (values.length === 0 || !values.every(isString)) return undefined;
  const ports: ServicePortTarget[] = [];
  for (const entry of getArray(spec, 'ports') ?? []) {
    if (!isRecord(entry)) continue;
    const port = getNumber(entry, 'port');
    const targetPort = own(entry, 'targetPort');
    const target = typeof targetPort === 'number' || (typeof targetPort === 'string' && targetPort !== '') ? targetPort : port;
    if (target === undefined) continue;
    ports.push({ target, protocol: getString(entry, 'protocol') ?? 'TCP' });
  }
  return { object, selector: selectorFromMap(raw), ports, publishesNotReady: getBoolean(spec, 'publishNotReadyAddresses') === true };
}

const serviceIndexes = new WeakMap<ClusterSnapshot, ReadonlyMap<string, readonly SelectingService[]>>();

/** Selecting Services by namespace, in input order; built once per snapshot. */
export function servicesByNamespace(snapshot: ClusterSnapshot): ReadonlyMap<string, readonly SelectingService[]> {
  let index = serviceIndexes.get(snapshot);
  if (index === undefined) {
    const built = new Map<string, SelectingService[]>();
    for (const object of snapshot.ofKind('Service')) {
      const namespace = snapshot.namespaceOf(object);
      const service = selectingService(object);
      if (namespace === undefined || service === undefined) continue;
      const list = built.get(namespace);
      if (list === undefined) built.set(namespace, [service]);
      else list.push(service);
    }
    index = built;
    serviceIndexes.set(snapshot, index);
  }
  return index;
}

/** The Services of the pod's namespace whose selector matches the pod's labels. */
export function servicesSelecting(snapshot: ClusterSnapshot, pod: PodSpecView): readonly SelectingService[] {
  return (servicesByNamespace(snapshot).get(pod.namespace) ?? []).filter(service => matchesSelector(service.selector, pod.labels));
}

interface DeclaredPort {
  readonly number: number | undefined;
  readonly name: string | undefined;
  readonly protocol: string;
}

function declaredPorts(container: ContainerView): DeclaredPort[] {
  const ports: DeclaredPort[] = [];
  for (const entry of getArray(container.body, 'ports') ?? []) {
    if (!isRecord(entry)) continue;
    ports.push({ number: getNumber(entry, 'containerPort'), name: getString(entry, 'name'), protocol: getString(entry, 'protocol') ?? 'TCP' });
  }
  return ports;
}

export interface TrafficTargets {
  /** Containers that declare a port the Services send traffic to. */
  readonly containers: ReadonlySet<ContainerView>;
  /**
   * Some traffic goes to a port no candidate declares (a numeric targetPort, or a Service without
   * ports whose DNS records list the pod): the listening container cannot be told.
   */
  readonly unresolved: boolean;
}

/**
 * Which of `candidates` receive the Services' traffic, resolved as the endpoint controllers do
 * (`FindPort`): a named targetPort is the first container port of that name and protocol,
 * searching regular containers and then sidecars; a name no container declares gives the pod no
 * endpoint for that port. A numeric targetPort is used as is, so its container is the one that
 * declares it, if any.
 */
export function trafficTargets(services: readonly SelectingService[], candidates: readonly ContainerView[]): TrafficTargets {
  const ordered = [...candidates.filter(container => container.type === 'container'), ...candidates.filter(container => container.type !== 'container')];
  const declared = new Map(ordered.map(container => [container, declaredPorts(container)]));
  const containers = new Set<ContainerView>();
  let unresolved = false;
  for (const service of services) {
    if (service.ports.length === 0) unresolved = true;
    for (const { target, protocol } of service.ports) {
      if (typeof target === 'string') {
        const owner = ordered.find(container => declared.get(container)?.some(port => port.name === target && port.protocol === protocol));
        if (owner !== undefined) containers.add(owner);
        continue;
      }
      const owners = ordered.filter(container => declared.get(container)?.some(port => port.number === target && port.protocol === protocol));
      if (owners.length === 0) unresolved = true;
      for (const owner of owners) containers.add(owner);
    }
  }
  return { containers, unresolved };
}
