import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadText } from '../../test/helpers/scan-text.js';
import { parseLabelSelector } from './label-selector.js';
import { ClusterSnapshot } from './snapshot.js';

async function snapshotOf(text: string): Promise<{ snapshot: ClusterSnapshot; errors: number }> {
  const { objects, errors } = await loadText(text);
  return { snapshot: new ClusterSnapshot(objects), errors: errors.length };
}

const WORKLOADS = `
apiVersion: v1
kind: Pod
metadata: {name: bare, labels: {app: bare}}
spec:
  initContainers: [{name: init, image: i:1}]
  containers: [{name: main, image: m:1}]
  ephemeralContainers: [{name: debug, image: d:1}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}, annotations: {a: b}}
    spec: {containers: [{name: web, image: w:1}]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: shop}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: nightly}}
        spec: {restartPolicy: Never, containers: [{name: job, image: j:1}]}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: legacy, namespace: old}
spec:
  template:
    metadata: {labels: {app: legacy}}
    spec: {containers: [{name: legacy, image: l:1}]}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: canary, namespace: shop}
spec:
  template:
    metadata: {labels: {app: canary}}
    spec: {os: {name: windows}, containers: [{name: app, image: a:1}]}
---
apiVersion: v1
kind: PodTemplate
metadata: {name: tpl, namespace: shop}
template:
  metadata: {labels: {app: tpl}}
  spec: {containers: [{name: t, image: t:1}]}
`;

describe('ClusterSnapshot', () => {
  it('finds the pod spec of every pod-bearing kind, including CRDs with a standard template', async () => {
    const { snapshot } = await snapshotOf(WORKLOADS);
    assert.deepEqual(
      snapshot.podSpecs.map(pod => [pod.object.kind, pod.namespace, pod.specPath.join('.'), pod.containers.map(c => `${c.type}:${c.name}`).join(',')]),
      [
        // Regular containers first, then init, then ephemeral, whatever the order in the manifest.
        ['Pod', 'default', 'spec', 'container:main,initContainer:init,ephemeralContainer:debug'],
        ['Deployment', 'shop', 'spec.template.spec', 'container:web'],
        ['CronJob', 'shop', 'spec.jobTemplate.spec.template.spec', 'container:job'],
        ['ReplicationController', 'old', 'spec.template.spec', 'container:legacy'],
        ['Rollout', 'shop', 'spec.template.spec', 'container:app'],
        ['PodTemplate', 'shop', 'template.spec', 'container:t'],
      ],
    );
    assert.equal(snapshot.podSpecs.find(pod => pod.object.kind === 'Rollout')?.isWindows, true);
    assert.deepEqual([...(snapshot.podSpecs[1]?.labels ?? [])], [['app', 'web'], ['tier', 'front']]);
  });

  it('finds pod templates of custom kinds at a configured path, in the configured group only', async () => {
    const { objects } = await loadText(`apiVersion: batch.acme.io/v1
kind: Pipeline
metadata: {name: build, namespace: ci}
spec:
  runner:
    podTemplate:
      metadata: {labels: {app: build}}
      spec: {containers: [{name: step, image: s:1}]}
---
apiVersion: other.io/v1
kind: Pipeline
metadata: {name: elsewhere}
spec: {runner: {podTemplate: {spec: {containers: [{name: x, image: x:1}]}}}}
`);
    const snapshot = new ClusterSnapshot(objects, { workloads: [{ kind: 'Pipeline', group: 'batch.acme.io', template: ['spec', 'runner', 'podTemplate'] }] });
    assert.deepEqual(
      snapshot.podSpecs.map(pod => [pod.object.name, pod.specPath.join('.'), [...pod.labels]]),
      [['build', 'spec.runner.podTemplate.spec', [['app', 'build']]]],
    );
  });

  it('indexes by kind, namespace, name and label', async () => {
    const { snapshot } = await snapshotOf(WORKLOADS);
    assert.deepEqual(snapshot.ofKind('Deployment').map(object => object.name), ['web']);
    assert.deepEqual(snapshot.inNamespace('shop').map(object => object.name), ['web', 'nightly', 'canary', 'tpl']);
    assert.deepEqual(snapshot.ofKindInNamespace('CronJob', 'shop').map(object => object.name), ['nightly']);
    assert.equal(snapshot.get('Pod', 'default', 'bare')?.name, 'bare');
    assert.equal(snapshot.get('Pod', 'shop', 'bare'), undefined);
    assert.deepEqual(snapshot.withLabel('app', 'bare').map(object => object.kind), ['Pod']);
    assert.deepEqual(snapshot.namespaces(), ['default', 'old', 'shop']);
    const selector = parseLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'nightly'] }] });
    assert.ok(selector.ok);
    assert.deepEqual(snapshot.podSpecsMatching('shop', selector.selector).map(pod => pod.object.name), ['web', 'nightly']);
    assert.deepEqual(snapshot.podSpecsInNamespace('old').map(pod => pod.object.name), ['legacy']);
    const web = snapshot.get('Deployment', 'shop', 'web');
    assert.ok(web !== undefined);
    assert.equal(snapshot.podSpecOf(web)?.specPath.join('.'), 'spec.template.spec');
  });

  it('counts unknown kinds (not those with a pod template or read by rules), and learns kinds and scopes from CRDs', async () => {
    const { snapshot } = await snapshotOf(`${WORKLOADS}---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: web, namespace: shop}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: shop}
spec: {mtls: {mode: STRICT}}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: tenants.acme.io}
spec:
  group: acme.io
  scope: Cluster
  names: {kind: Tenant, plural: tenants}
---
apiVersion: acme.io/v1
kind: Tenant
metadata: {name: blue, namespace: ignored}
`);
    assert.deepEqual([...snapshot.unknownKinds], [['ServiceMonitor', 1]]);
    const tenant = snapshot.ofKind('Tenant')[0];
    assert.ok(tenant !== undefined);
    assert.equal(snapshot.namespaceOf(tenant), undefined);
  });

  it('treats cluster-scoped kinds as namespace-less and defaults namespaced ones', async () => {
    const { snapshot } = await snapshotOf('apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    const [role, config] = snapshot.objects;
    assert.ok(role !== undefined && config !== undefined);
    assert.equal(snapshot.namespaceOf(role), undefined);
    assert.equal(snapshot.namespaceOf(config), 'default');
    assert.equal(new ClusterSnapshot(snapshot.objects, { defaultNamespace: 'team' }).namespaceOf(config), 'team');
  });

  it('reports pod specs with wrong types as shape problems instead of guessing', async () => {
    const { snapshot } = await snapshotOf(`apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  securityContext: "strict"
  containers:
  - "not a container"
  - {name: ok, image: o:1, securityContext: [privileged]}
  initContainers: {name: wrong}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: b}
spec: {template: {spec: {}}}
`);
    assert.deepEqual(
      snapshot.shapeProblems.map(problem => `${problem.object.name} ${problem.path.join('.')}: ${problem.message}`),
      [
        'a spec.containers.0: containers[0] must be a mapping',
        'a spec.containers.1.securityContext: securityContext must be a mapping',
        'a spec.initContainers: initContainers must be a list',
        'a spec.securityContext: securityContext must be a mapping',
        'b spec.template.spec.containers: pod spec has no containers',
      ],
    );
    assert.deepEqual(snapshot.podSpecs[0]?.containers.map(container => container.name), ['ok']);
  });
});
