import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadText } from '../../../test/helpers/scan-text.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { istioDataPlane, linkerdDataPlane, namespaceObject } from './mesh-membership.js';

async function planes(yaml: string): Promise<Record<string, string>> {
  const { objects } = await loadText(yaml);
  const snapshot = new ClusterSnapshot(objects);
  const result: Record<string, string> = {};
  for (const pod of snapshot.podSpecs) {
    const namespace = namespaceObject(snapshot, pod.namespace);
    result[pod.object.name] = `${istioDataPlane(pod, namespace)}/${linkerdDataPlane(pod, namespace)}`;
  }
  return result;
}

function pod(name: string, namespace: string, metadata = '', spec = ''): string {
  return `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
${metadata}
spec:
${spec}
  containers:
    - name: app
      image: busybox:1.36
`;
}

describe('istioDataPlane and linkerdDataPlane', () => {
  it('follow namespace labels and annotations, and pod opt-outs', async () => {
    const result = await planes(`apiVersion: v1
kind: Namespace
metadata:
  name: injected
  labels: {istio-injection: enabled}
  annotations: {linkerd.io/inject: enabled}
---
apiVersion: v1
kind: Namespace
metadata:
  name: revision
  labels: {istio.io/rev: canary}
---
apiVersion: v1
kind: Namespace
metadata:
  name: opted-out
  labels: {istio-injection: disabled}
---
apiVersion: v1
kind: Namespace
metadata:
  name: ambient
  labels: {istio.io/dataplane-mode: ambient}
---
apiVersion: v1
kind: Namespace
metadata:
  name: plain
${pod('a', 'injected')}
${pod('b', 'injected', '  labels: {sidecar.istio.io/inject: "false"}\n  annotations: {linkerd.io/inject: disabled}')}
${pod('c', 'injected', '  annotations: {sidecar.istio.io/inject: "no"}')}
${pod('d', 'revision')}
${pod('e', 'opted-out', '  labels: {sidecar.istio.io/inject: "true"}')}
${pod('f', 'ambient')}
${pod('g', 'ambient', '  labels: {istio.io/dataplane-mode: none}')}
${pod('h', 'plain', '  labels: {sidecar.istio.io/inject: "true"}\n  annotations: {linkerd.io/inject: ingress}')}
${pod('i', 'plain')}
${pod('j', 'unseen')}
${pod('k', 'unseen', '  labels: {istio.io/rev: stable}')}
${pod('l', 'injected', '', '  hostNetwork: true')}
`);
    assert.deepEqual(result, {
      a: 'sidecar/proxy',
      b: 'none/none',
      c: 'none/proxy',
      d: 'sidecar/none',
      e: 'none/none',
      f: 'ambient/none',
      g: 'none/none',
      h: 'sidecar/proxy',
      i: 'none/none',
      j: 'unknown/unknown',
      k: 'sidecar/unknown',
      l: 'none/none',
    });
  });

  it('count an already injected proxy container as meshed', async () => {
    const result = await planes(`apiVersion: v1
kind: Pod
metadata: {name: rendered, namespace: unseen}
spec:
  initContainers:
    - name: linkerd-proxy
      image: cr.l5d.io/linkerd/proxy:edge-24.11.8
      restartPolicy: Always
  containers:
    - name: app
      image: busybox:1.36
    - name: istio-proxy
      image: docker.io/istio/proxyv2:1.24.2
`);
    assert.deepEqual(result, { rendered: 'sidecar/proxy' });
  });
});
