import type { Path } from '../../load/path.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { asArray, getArray, getNumber, getRecord, getString, isRecord, isString, own } from '../../snapshot/guards.js';

/**
 * Ingress routes in both schemas: `networking.k8s.io/v1` (`defaultBackend`, `backend.service.name`,
 * `backend.service.port.number|name`) and the removed `v1beta1` of `networking.k8s.io` and
 * `extensions` (`backend`, `serviceName`, `servicePort`), which old charts still render.
 */

export interface ServicePortRef {
  readonly number: number | undefined;
  readonly name: string | undefined;
  /** Where the port is written. */
  readonly path: Path;
}

export interface IngressBackend {
  /** Human description: `the default backend`, `host "a.example.com" path "/api"`. */
  readonly where: string;
  readonly service: string;
  /** Where the Service name is written. */
  readonly servicePath: Path;
  readonly port: ServicePortRef | undefined;
}

/** Every Service backend of the Ingress, in document order; `resource` backends are left out. */
export function ingressBackends(spec: JsonRecord | undefined): IngressBackend[] {
  const backends: IngressBackend[] = [];
  if (spec === undefined) return backends;
  for (const field of ['defaultBackend', 'backend']) {
    const backend = serviceBackend(getRecord(spec, field), ['spec', field], 'the default backend');
    if (backend !== undefined) backends.push(backend);
  }
  for (const [ruleIndex, rule] of (getArray(spec, 'rules') ?? []).entries()) {
    if (!isRecord(rule)) continue;
    const host = getString(rule, 'host');
    for (const [pathIndex, entry] of (getArray(getRecord(rule, 'http'), 'paths') ?? []).entries()) {
      if (!isRecord(entry)) continue;
      const route = getString(entry, 'path');
      const where = `${host === undefined || host === '' ? 'any host' : `host "${host}"`}${route === undefined ? '' : ` path "${route}"`}`;
      const backend = serviceBackend(getRecord(entry, 'backend'), ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex, 'backend'], where);
      if (backend !== undefined) backends.push(backend);
    }
  }
  return backends;
}

function serviceBackend(backend: JsonRecord | undefined, path: Path, where: string): IngressBackend | undefined {
  if (backend === undefined) return undefined;
  const service = getRecord(backend, 'service');
  if (service !== undefined) {
    const name = getString(service, 'name');
    if (name === undefined || name === '') return undefined;
    const port = getRecord(service, 'port');
    const portPath = [...path, 'service', 'port'];
    const number = getNumber(port, 'number');
    const portName = nonEmpty(getString(port, 'name'));
    return {
      where,
      service: name,
      servicePath: [...path, 'service', 'name'],
      port: port === undefined ? undefined : { number, name: portName, path: [...portPath, number !== undefined ? 'number' : 'name'] },
    };
  }
  const legacyName = getString(backend, 'serviceName');
  if (legacyName === undefined || legacyName === '') return undefined;
  const legacyPort = own(backend, 'servicePort');
  const portPath = [...path, 'servicePort'];
  let port: ServicePortRef | undefined;
  if (typeof legacyPort === 'number') port = { number: legacyPort, name: undefined, path: portPath };
  else if (isString(legacyPort) && legacyPort !== '') {
    // IntOrString: a quoted "80" arrives as a string; controllers still resolve it as the number.
    port = { number: /^\d+$/.test(legacyPort) ? Number(legacyPort) : undefined, name: legacyPort, path: portPath };
  }
  return { where, service: legacyName, servicePath: [...path, 'serviceName'], port };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

export interface IngressHost {
  /** The rule's host, or undefined for a rule that matches every host. */
  readonly host: string | undefined;
  /** Where to report: the rule's `host`, or the rule itself when it has none. */
  readonly path: Path;
}

/** The hosts the Ingress rules serve, each once, first occurrence first. */
export function ingressHosts(spec: JsonRecord | undefined): IngressHost[] {
  const hosts: IngressHost[] = [];
  const seen = new Set<string>();
  for (const [index, rule] of (getArray(spec, 'rules') ?? []).entries()) {
    if (!isRecord(rule)) continue;
    const raw = getString(rule, 'host');
    const host = raw === undefined || raw === '' ? undefined : raw.toLowerCase();
    const key = host ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    hosts.push({ host, path: host === undefined ? ['spec', 'rules', index] : ['spec', 'rules', index, 'host'] });
  }
  return hosts;
}

export interface TlsHosts {
  readonly hosts: readonly string[];
  /** An entry without `hosts` applies to every host (the controller's wildcard setting, per the API). */
  readonly everyHost: boolean;
}

/** `spec.tls`, or undefined when the Ingress has no TLS entry at all. */
export function tlsHosts(spec: JsonRecord | undefined): TlsHosts | undefined {
  const entries = (getArray(spec, 'tls') ?? []).filter(isRecord);
  if (entries.length === 0) return undefined;
  const hosts: string[] = [];
  let everyHost = false;
  for (const entry of entries) {
    const listed = (asArray(own(entry, 'hosts')) ?? []).filter(isString).filter(host => host !== '');
    if (listed.length === 0) everyHost = true;
    for (const host of listed) hosts.push(host.toLowerCase());
  }
  return { hosts, everyHost };
}

/**
 * Whether a certificate name covers a rule host. A wildcard covers exactly one more label, as in
 * both TLS (RFC 6125) and Ingress host matching: `*.example.com` covers `a.example.com`, not
 * `example.com` or `a.b.example.com`; a wildcard rule host is covered only by the same wildcard.
 */
export function tlsCovers(tlsHost: string, host: string): boolean {
  const certificate = tlsHost.toLowerCase();
  const name = host.toLowerCase();
  if (certificate === name) return true;
  if (!certificate.startsWith('*.') || name.startsWith('*.')) return false;
  const suffix = certificate.slice(1);
  if (!name.endsWith(suffix)) return false;
  const label = name.slice(0, name.length - suffix.length);
  return label !== '' && !label.includes('.');
}

/**
 * TLS that a cloud load balancer terminates from annotations instead of `spec.tls`: the AWS Load
 * Balancer Controller (`certificate-arn`, or an HTTPS listener whose certificates it discovers)
 * and GKE Ingress (pre-shared or Google-managed certificates). Returns the annotation, or undefined.
 */
export function annotationTls(annotations: ReadonlyMap<string, string>): string | undefined {
  const certificate = annotations.get('alb.ingress.kubernetes.io/certificate-arn');
  if (certificate !== undefined && certificate.trim() !== '') return 'alb.ingress.kubernetes.io/certificate-arn';
  if (/"HTTPS"/i.test(annotations.get('alb.ingress.kubernetes.io/listen-ports') ?? '')) return 'alb.ingress.kubernetes.io/listen-ports';
  for (const key of ['ingress.gcp.kubernetes.io/pre-shared-cert', 'networking.gke.io/managed-certificates']) {
    const value = annotations.get(key);
    if (value !== undefined && value.trim() !== '') return key;
  }
  return undefined;
}
