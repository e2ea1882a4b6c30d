import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { KubeObject } from '../../snapshot/kube-object.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import type { SelectingService } from './service-traffic.js';
import { selectingService, servicesSelecting, trafficTargets } from './service-traffic.js';
import { longRunningContainers } from './workload-lifecycle.js';

function object(body: Record<string, unknown>): KubeObject {
  const result = toKubeObject({ body });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

function service(spec: Record<string, unknown>, name = 'svc', apiVersion = 'v1'): KubeObject {
  return object({ apiVersion, kind: 'Service', metadata: { name, namespace: 'shop' }, spec });
}

function selecting(spec: Record<string, unknown>): SelectingService {
  const result = selectingService(service(spec));
  assert.ok(result !== undefined);
  return result;
}

const POD = object({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
  spec: {
    initContainers: [
      { name: 'setup', image: 's:1', ports: [{ name: 'http', containerPort: 7000 }] },
      { name: 'proxy', image: 'p:1', restartPolicy: 'Always', ports: [{ name: 'https', containerPort: 8443 }, { name: 'http', containerPort: 9000 }] },
    ],
    containers: [
      { name: 'app', image: 'a:1', ports: [{ name: 'http', containerPort: 8080 }, { containerPort: 5353, protocol: 'UDP' }] },
      { name: 'metrics', image: 'm:1', ports: [{ name: 'metrics', containerPort: 9090 }] },
    ],
  },
});

function podView(): PodSpecView {
  const [view] = new ClusterSnapshot([POD]).podSpecs;
  assert.ok(view !== undefined);
  return view;
}

function targets(spec: Record<string, unknown>): { names: string[]; unresolved: boolean } {
  const result = trafficTargets([selecting({ selector: { app: 'web' }, ...spec })], longRunningContainers(podView()));
  return { names: [...result.containers].map(container => container.name).sort(), unresolved: result.unresolved };
}

describe('selectingService', () => {
  it('skips Services that route to no pods of their own', () => {
    assert.equal(selectingService(service({ type: 'ExternalName', externalName: 'db.example.com', selector: { app: 'web' } })), undefined);
    assert.equal(selectingService(service({ ports: [{ port: 80 }] })), undefined);
    assert.equal(selectingService(service({ selector: {} })), undefined);
    assert.equal(selectingService(service({ selector: { app: 1 } })), undefined);
    assert.equal(selectingService(service({ selector: { app: 'web' } }, 'svc', 'serving.knative.dev/v1')), undefined);
  });

  it('reads ports with their defaults', () => {
    const result = selecting({ selector: { app: 'web' }, publishNotReadyAddresses: true, ports: [{ port: 80 }, { port: 443, targetPort: 'https' }, { port: 53, targetPort: 5353, protocol: 'UDP' }] });
    assert.deepEqual(result.ports, [
      { target: 80, protocol: 'TCP' },
      { target: 'https', protocol: 'TCP' },
      { target: 5353, protocol: 'UDP' },
    ]);
    assert.equal(result.publishesNotReady, true);
  });
});

describe('servicesSelecting', () => {
  it('matches the pod labels within the namespace', () => {
    const other = object({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'elsewhere', namespace: 'other' }, spec: { selector: { app: 'web' } } });
    const snapshot = new ClusterSnapshot([POD, service({ selector: { app: 'web' } }, 'match'), service({ selector: { app: 'api' } }, 'miss'), other]);
    const [view] = snapshot.podSpecs;
    assert.ok(view !== undefined);
    assert.deepEqual(
      servicesSelecting(snapshot, view).map(found => found.object.name),
      ['match'],
    );
  });
});

describe('trafficTargets', () => {
  it('resolves a named port to the first regular container declaring it', () => {
    assert.deepEqual(targets({ ports: [{ port: 80, targetPort: 'http' }] }), { names: ['app'], unresolved: false });
  });

  it('falls back to sidecars for names no regular container declares, never to plain init containers', () => {
    assert.deepEqual(targets({ ports: [{ port: 443, targetPort: 'https' }] }), { names: ['proxy'], unresolved: false });
  });

  it('ignores a name nobody declares: the pod gets no endpoint for it', () => {
    assert.deepEqual(targets({ ports: [{ port: 80, targetPort: 'grpc' }] }), { names: [], unresolved: false });
  });

  it('matches numeric ports by number and protocol', () => {
    assert.deepEqual(targets({ ports: [{ port: 9090 }] }), { names: ['metrics'], unresolved: false });
    assert.deepEqual(targets({ ports: [{ port: 53, targetPort: 5353, protocol: 'UDP' }] }), { names: ['app'], unresolved: false });
    assert.deepEqual(targets({ ports: [{ port: 53, targetPort: 5353 }] }), { names: [], unresolved: true });
  });

  it('cannot tell the listener for undeclared numeric ports or port-less Services', () => {
    assert.deepEqual(targets({ ports: [{ port: 80, targetPort: 3000 }] }), { names: [], unresolved: true });
    assert.deepEqual(targets({ clusterIP: 'None' }), { names: [], unresolved: true });
  });
});
