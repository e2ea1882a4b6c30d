import { getArray, getNumber, getRecord, getString, isRecord } from '../../snapshot/guards.js';
import { isBuiltIn } from '../../snapshot/kinds.js';
import type { KubeObject } from '../../snapshot/kube-object.js';
import type { ClusterSnapshot } from '../../snapshot/snapshot.js';
import type { RuleContext } from '../types.js';
import { defineRule } from '../types.js';
import type { IngressBackend, ServicePortRef } from '../util/ingress-routes.js';
import { ingressBackends } from '../util/ingress-routes.js';

interface DeclaredPort {
  readonly port: number | undefined;
  readonly name: string | undefined;
}

function declaredPorts(service: KubeObject): DeclaredPort[] {
  return (getArray(getRecord(service.body, 'spec'), 'ports') ?? []).filter(isRecord).map(port => ({ port: getNumber(port, 'port'), name: getString(port, 'name') }));
}

function portMatches(reference: ServicePortRef, ports: readonly DeclaredPort[]): boolean {
  return ports.some(port => (reference.number !== undefined && port.port === reference.number) || (reference.name !== undefined && port.name === reference.name));
}

function describeReference(reference: ServicePortRef): string {
  return reference.number !== undefined ? `port ${String(reference.number)}` : `port "${reference.name ?? ''}"`;
}

function describePorts(ports: readonly DeclaredPort[]): string {
  if (ports.length === 0) return 'declares no ports';
  const listed = ports.map(port => (port.name === undefined || port.name === '' ? String(port.port ?? '?') : `${String(port.port ?? '?')} ("${port.name}")`));
  return `declares only ${listed.join(', ')}`;
}

function coreIngresses(snapshot: ClusterSnapshot): KubeObject[] {
  return snapshot.ofKind('Ingress').filter(object => isBuiltIn(object, 'Ingress'));
}

export default defineRule({
  id: 'ingress-backend-missing',
  title: 'Ingress routes to a missing Service or port',
  severity: 'low',
  category: 'network',
  description:
    'An Ingress backend that names a Service absent from the namespace, or a port the Service does not declare, has no endpoints: the route answers with errors. It is also a standing invitation: whoever can later create a Service with that name in the namespace receives the traffic the Ingress was meant to send elsewhere, TLS already terminated.',
  remediation:
    'Point the backend at an existing Service and at a port it declares (the Service `port` number or its `name`, not the container\'s `targetPort`), or remove the stale route. Keep Ingresses and their Services in the same chart or kustomization so they are deployed and deleted together.',
  frameworks: {},
  equivalents: {
    'kube-score': 'ingress-targets-service',
    'kube-linter': 'dangling-ingress',
    kubescape: 'C-0298',
  },
  fixable: false,
  target: 'snapshot',
  examines(snapshot) {
    return coreIngresses(snapshot);
  },
  check(context) {
    const { snapshot } = context;
    const servicesByNamespace = new Map<string, ReadonlyMap<string, KubeObject>>();
    for (const ingress of coreIngresses(snapshot)) {
      const namespace = snapshot.namespaceOf(ingress) ?? snapshot.defaultNamespace;
      let byName = servicesByNamespace.get(namespace);
      if (byName === undefined) {
        const services = snapshot.ofKindInNamespace('Service', namespace).filter(service => isBuiltIn(service, 'Service'));
        byName = new Map(services.map(service => [service.name, service]));
        servicesByNamespace.set(namespace, byName);
      }
      // Without any Service in the namespace the input is a partial view (the Ingress alone, or
      // a chart whose Services live elsewhere): silence beats a finding per route.
      if (byName.size === 0) continue;
      for (const backend of ingressBackends(getRecord(ingress.body, 'spec'))) {
        checkBackend(context, ingress, namespace, backend, byName);
      }
    }
  },
});

function checkBackend(context: RuleContext, ingress: KubeObject, namespace: string, backend: IngressBackend, services: ReadonlyMap<string, KubeObject>): void {
  const name = `Ingress "${ingress.name}"`;
  const service = services.get(backend.service);
  if (service === undefined) {
    context.report(
      ingress,
      backend.servicePath,
      `${name} routes ${backend.where} to Service "${backend.service}", which the input does not define in namespace "${namespace}" although it defines other Services there: the route fails, and whoever creates a Service of that name receives its traffic`,
    );
    return;
  }
  const reference = backend.port;
  if (reference === undefined) return;
  const ports = declaredPorts(service);
  // An ExternalName Service may declare no ports: controllers then use the backend port as is.
  if (ports.length === 0 && getString(getRecord(service.body, 'spec'), 'type') === 'ExternalName') return;
  if (portMatches(reference, ports)) return;
  context.report(
    ingress,
    reference.path,
    `${name} routes ${backend.where} to ${describeReference(reference)} of Service "${backend.service}", which ${describePorts(ports)}: the route has no endpoint and fails`,
  );
}
