import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { annotationTls, ingressBackends, ingressHosts, tlsCovers, tlsHosts } from './ingress-routes.js';

describe('tlsCovers', () => {
  it('matches exact names case-insensitively', () => {
    assert.ok(tlsCovers('shop.example.com', 'shop.example.com'));
    assert.ok(tlsCovers('Shop.Example.com', 'shop.example.com'));
    assert.equal(tlsCovers('shop.example.com', 'api.example.com'), false);
  });

  it('lets a wildcard cover exactly one label', () => {
    assert.ok(tlsCovers('*.example.com', 'api.example.com'));
    assert.equal(tlsCovers('*.example.com', 'example.com'), false);
    assert.equal(tlsCovers('*.example.com', 'v1.api.example.com'), false);
    assert.equal(tlsCovers('*.example.com', 'api.example.org'), false);
    assert.equal(tlsCovers('*.example.com', 'apiexample.com'), false);
  });

  it('covers a wildcard rule host only with the same wildcard', () => {
    assert.ok(tlsCovers('*.example.com', '*.example.com'));
    assert.equal(tlsCovers('api.example.com', '*.example.com'), false);
    assert.equal(tlsCovers('*.com', '*.example.com'), false);
  });
});

describe('tlsHosts and ingressHosts', () => {
  it('reads TLS hosts; an entry without hosts applies to every host', () => {
    assert.equal(tlsHosts({}), undefined);
    assert.equal(tlsHosts({ tls: [] }), undefined);
    assert.deepEqual(tlsHosts({ tls: [{ hosts: ['A.example.com'], secretName: 'a' }] }), { hosts: ['a.example.com'], everyHost: false });
    assert.deepEqual(tlsHosts({ tls: [{ secretName: 'default-cert' }] }), { hosts: [], everyHost: true });
    assert.deepEqual(tlsHosts({ tls: [{ hosts: [] }] }), { hosts: [], everyHost: true });
  });

  it('lists each rule host once, with the path to report', () => {
    const spec = { rules: [{ host: 'a.example.com' }, { host: 'A.example.com' }, {}, { host: 'b.example.com' }, { host: '' }] };
    assert.deepEqual(ingressHosts(spec), [
      { host: 'a.example.com', path: ['spec', 'rules', 0, 'host'] },
      { host: undefined, path: ['spec', 'rules', 2] },
      { host: 'b.example.com', path: ['spec', 'rules', 3, 'host'] },
    ]);
  });
});

describe('ingressBackends', () => {
  it('reads networking.k8s.io/v1 backends', () => {
    const spec = {
      defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } },
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } },
              { path: '/assets', pathType: 'Prefix', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' } } },
            ],
          },
        },
      ],
    };
    assert.deepEqual(ingressBackends(spec), [
      {
        where: 'the default backend',
        service: 'fallback',
        servicePath: ['spec', 'defaultBackend', 'service', 'name'],
        port: { number: undefined, name: 'http', path: ['spec', 'defaultBackend', 'service', 'port', 'name'] },
      },
      {
        where: 'host "shop.example.com" path "/api"',
        service: 'api',
        servicePath: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'name'],
        port: { number: 8080, name: undefined, path: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'port', 'number'] },
      },
    ]);
  });

  it('reads v1beta1 backends, with numeric and named servicePort', () => {
    const spec = {
      backend: { serviceName: 'fallback', servicePort: 'http' },
      rules: [{ http: { paths: [{ backend: { serviceName: 'api', servicePort: 80 } }, { backend: { serviceName: 'web', servicePort: '8080' } }] } }],
    };
    const backends = ingressBackends(spec);
    assert.deepEqual(
      backends.map(backend => [backend.where, backend.service, backend.port?.number, backend.port?.name]),
      [
        ['the default backend', 'fallback', undefined, 'http'],
        ['any host', 'api', 80, undefined],
        ['any host', 'web', 8080, '8080'],
      ],
    );
    assert.deepEqual(backends[1]?.servicePath, ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'serviceName']);
  });
});

describe('annotationTls', () => {
  it('recognises TLS terminated by AWS and GKE load balancers', () => {
    assert.equal(annotationTls(new Map([['alb.ingress.kubernetes.io/certificate-arn', 'arn:aws:acm:eu-west-1:123456789012:certificate/abc']])), 'alb.ingress.kubernetes.io/certificate-arn');
    assert.equal(annotationTls(new Map([['alb.ingress.kubernetes.io/listen-ports', '[{"HTTP": 80}, {"HTTPS": 443}]']])), 'alb.ingress.kubernetes.io/listen-ports');
    assert.equal(annotationTls(new Map([['alb.ingress.kubernetes.io/listen-ports', '[{"HTTP": 80}]']])), undefined);
    assert.equal(annotationTls(new Map([['networking.gke.io/managed-certificates', 'shop-cert']])), 'networking.gke.io/managed-certificates');
    assert.equal(annotationTls(new Map([['ingress.gcp.kubernetes.io/pre-shared-cert', '']])), undefined);
  });
});
