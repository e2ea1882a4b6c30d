import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { forbiddenSELinuxFields } from './selinux-options.js';

const PATH = ['spec', 'securityContext', 'seLinuxOptions'];

describe('forbiddenSELinuxFields', () => {
  it('allows the container types, an empty type and any level', () => {
    for (const type of ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']) {
      assert.deepEqual(forbiddenSELinuxFields({ type, level: 's0:c1,c2' }, PATH), []);
    }
    assert.deepEqual(forbiddenSELinuxFields({ level: 's0:c1,c2', user: '', role: '' }, PATH), []);
  });

  it('reports other types and any user or role, each at its path', () => {
    assert.deepEqual(forbiddenSELinuxFields({ user: 'system_u', role: 'system_r', type: 'spc_t' }, PATH), [
      { field: 'type', value: 'spc_t', path: [...PATH, 'type'] },
      { field: 'user', value: 'system_u', path: [...PATH, 'user'] },
      { field: 'role', value: 'system_r', path: [...PATH, 'role'] },
    ]);
  });

  it('compares types exactly', () => {
    assert.deepEqual(
      forbiddenSELinuxFields({ type: 'Container_t' }, PATH).map(found => found.value),
      ['Container_t'],
    );
  });

  it('leaves non-string values to schema validation', () => {
    assert.deepEqual(forbiddenSELinuxFields({ type: 7, user: true }, PATH), []);
  });
});
