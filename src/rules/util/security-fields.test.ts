import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadText } from '../../../test/helpers/scan-text.js';
import { ClusterSnapshot } from '../../snapshot/snapshot.js';
import { CONTAINER_SECURITY_CONTEXT_FIELDS, POD_SECURITY_CONTEXT_FIELDS, closestField, editDistance, findUnknownSecurityFields } from './security-fields.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    assert.equal(editDistance('drop', 'drop'), 0);
    assert.equal(editDistance('drops', 'drop'), 1);
    assert.equal(editDistance('privilidged', 'privileged'), 2);
    assert.equal(editDistance('runasuesr', 'runasuser'), 1);
    assert.equal(editDistance('', 'add'), 3);
  });
});

describe('closestField', () => {
  it('suggests the field a typo means, ignoring case', () => {
    assert.equal(closestField('runAsNonroot', POD_SECURITY_CONTEXT_FIELDS), 'runAsNonRoot');
    assert.equal(closestField('readOnlyRootFileSystem', CONTAINER_SECURITY_CONTEXT_FIELDS), 'readOnlyRootFilesystem');
    assert.equal(closestField('allowPrivilegedEscalation', CONTAINER_SECURITY_CONTEXT_FIELDS), 'allowPrivilegeEscalation');
    assert.equal(closestField('privilidged', CONTAINER_SECURITY_CONTEXT_FIELDS), 'privileged');
    assert.equal(closestField('val', ['name', 'value']), 'value');
  });

  it('suggests nothing for a name that is not close to any field', () => {
    assert.equal(closestField('hostNetwork', CONTAINER_SECURITY_CONTEXT_FIELDS), undefined);
    assert.equal(closestField('fsGroup', CONTAINER_SECURITY_CONTEXT_FIELDS), undefined);
    assert.equal(closestField('remove', ['add', 'drop']), undefined);
  });
});

async function unknownKeys(yaml: string): Promise<string[]> {
  const { objects } = await loadText(yaml);
  const snapshot = new ClusterSnapshot(objects);
  return snapshot.podSpecs.flatMap(pod =>
    findUnknownSecurityFields(pod).map(field => `${field.key}->${field.suggestion ?? '-'}/${field.belongsTo ?? '-'}${field.wholeSecurityContext ? '/whole' : ''}`),
  );
}

describe('findUnknownSecurityFields', () => {
  it('checks the pod level, then containers, init and ephemeral containers, and the nested types', async () => {
    const keys = await unknownKeys(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsNonroot: true
    privileged: true
    seccompProfile: {type: RuntimeDefault, profile: x}
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext: {capabilities: {drops: [ALL]}}
  containers:
    - name: app
      image: busybox:1.36
      securityContext: {fsGroup: 1000, runAsUser: 1000}
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
      securityContext: {seLinuxOptions: {level: s0, typ: spc_t}}
`);
    assert.deepEqual(keys, ['runAsNonroot->runAsNonRoot/-', 'privileged->-/container', 'profile->-/-', 'fsGroup->-/pod', 'drops->drop/-', 'typ->type/-']);
  });

  it('notices a misspelt securityContext, which drops the whole block', async () => {
    const keys = await unknownKeys(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securitycontext: {runAsNonRoot: true}
  containers:
    - name: app
      image: busybox:1.36
      securityContexts: {privileged: false}
      serviceAccount: ignored
`);
    assert.deepEqual(keys, ['securitycontext->securityContext/-/whole', 'securityContexts->securityContext/-/whole']);
  });

  it('accepts every field of the current API', async () => {
    const podFields = POD_SECURITY_CONTEXT_FIELDS.map(field => `    ${field}: null`).join('\n');
    const containerFields = CONTAINER_SECURITY_CONTEXT_FIELDS.map(field => `        ${field}: null`).join('\n');
    const keys = await unknownKeys(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
${podFields}
  containers:
    - name: app
      image: busybox:1.36
      securityContext:
${containerFields}
`);
    assert.deepEqual(keys, []);
  });
});
