import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isRecord } from '../../snapshot/guards.js';
import type { PodSpecView } from '../../snapshot/pod-spec.js';
import { extractPodSpec } from '../../snapshot/pod-spec.js';
import { toKubeObject } from '../../snapshot/kube-object.js';
import { effectiveAppArmor } from './apparmor-profile.js';

function pod(annotations: Record<string, string>, podProfile: unknown, containerProfile: unknown): PodSpecView {
  const body: unknown = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', annotations },
    spec: {
      ...(podProfile === undefined ? {} : { securityContext: { appArmorProfile: podProfile } }),
      containers: [{ name: 'app', image: 'app:1', ...(containerProfile === undefined ? {} : { securityContext: { appArmorProfile: containerProfile } }) }],
    },
  };
  assert.ok(isRecord(body));
  const object = toKubeObject({ body });
  assert.ok(typeof object !== 'string');
  const view = extractPodSpec(object, 'default', []);
  assert.ok(view !== undefined);
  return view;
}

function effective(view: PodSpecView): { type: unknown; from: string; path: string | undefined } {
  const [container] = view.containers;
  assert.ok(container !== undefined);
  const result = effectiveAppArmor(view, container);
  return { type: result.type, from: result.from, path: result.path?.join('.') };
}

const KEY = 'container.apparmor.security.beta.kubernetes.io/app';

describe('effectiveAppArmor', () => {
  it('is unset when nothing names a profile', () => {
    assert.deepEqual(effective(pod({}, undefined, undefined)), { type: undefined, from: 'unset', path: undefined });
  });

  it('reads the container field first', () => {
    assert.deepEqual(effective(pod({ [KEY]: 'unconfined' }, { type: 'Unconfined' }, { type: 'RuntimeDefault' })), {
      type: 'RuntimeDefault',
      from: 'container',
      path: 'spec.containers.0.securityContext.appArmorProfile.type',
    });
  });

  it('reads the annotation before the pod field, translating its value', () => {
    assert.deepEqual(effective(pod({ [KEY]: 'unconfined' }, { type: 'RuntimeDefault' }, undefined)), {
      type: 'Unconfined',
      from: 'annotation',
      path: `metadata.annotations.${KEY}`,
    });
    assert.equal(effective(pod({ [KEY]: 'runtime/default' }, undefined, undefined)).type, 'RuntimeDefault');
    assert.equal(effective(pod({ [KEY]: 'localhost/k8s-app' }, undefined, undefined)).type, 'Localhost');
  });

  it('ignores invalid annotation values and annotations for other containers', () => {
    assert.equal(effective(pod({ [KEY]: 'default' }, { type: 'Unconfined' }, undefined)).from, 'pod');
    assert.equal(effective(pod({ 'container.apparmor.security.beta.kubernetes.io/other': 'unconfined' }, undefined, undefined)).from, 'unset');
  });

  it('falls back to the pod field', () => {
    assert.deepEqual(effective(pod({}, { type: 'Unconfined' }, undefined)), {
      type: 'Unconfined',
      from: 'pod',
      path: 'spec.securityContext.appArmorProfile.type',
    });
  });

  it('treats a null field as absent and a profile without a type as set but typeless', () => {
    assert.equal(effective(pod({}, { type: 'Unconfined' }, null)).from, 'pod');
    assert.deepEqual(effective(pod({}, undefined, {})), { type: undefined, from: 'container', path: 'spec.containers.0.securityContext.appArmorProfile' });
  });
});
