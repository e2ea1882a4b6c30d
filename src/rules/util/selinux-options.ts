import type { Path } from '../../load/path.js';
import type { JsonRecord } from '../../snapshot/guards.js';
import { getString } from '../../snapshot/guards.js';

/**
 * SELinux types the Pod Security Standards baseline profile allows, with the policy version that
 * added each (`check_seLinuxOptions.go`); the empty type leaves the runtime's default.
 */
export const BASELINE_SELINUX_TYPES: ReadonlyMap<string, string> = new Map([
  ['', '1.0'],
  ['container_t', '1.0'],
  ['container_init_t', '1.0'],
  ['container_kvm_t', '1.0'],
  ['container_engine_t', '1.31'],
]);

export interface ForbiddenSELinuxField {
  readonly field: 'type' | 'user' | 'role';
  readonly value: string;
  readonly path: Path;
}

/**
 * The fields of one `seLinuxOptions` mapping (written at `path`) that the baseline profile
 * forbids: a `type` outside the container types, any non-empty `user` or `role`. `level` is
 * free. Non-string values are API errors and are left to schema validation.
 */
export function forbiddenSELinuxFields(options: JsonRecord, path: Path): ForbiddenSELinuxField[] {
  const found: ForbiddenSELinuxField[] = [];
  const type = getString(options, 'type');
  if (type !== undefined && !BASELINE_SELINUX_TYPES.has(type)) found.push({ field: 'type', value: type, path: [...path, 'type'] });
  for (const field of ['user', 'role'] as const) {
    const value = getString(options, field);
    if (value !== undefined && value !== '') found.push({ field, value, path: [...path, field] });
  }
  return found;
}
