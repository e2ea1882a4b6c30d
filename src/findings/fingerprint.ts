import { hash } from 'node:crypto';

import { apiGroupOf } from '../snapshot/kinds.js';
import type { ResourceRef } from './finding.js';

/**
 * Identity of a finding across runs: the rule, the resource and the field. The file and line
 * are left out on purpose, so that moving a manifest or adding lines above it keeps the
 * fingerprint (and the `--baseline` match, and GitHub's alert) stable.
 */
export function fingerprint(ruleId: string, resource: ResourceRef, pointer: string): string {
  // `apps/v1` and `apps/v1beta2` name the same resource; only the group matters.
  const identity = [ruleId, apiGroupOf(resource.apiVersion), resource.kind, resource.namespace ?? '', resource.name, pointer].join('\u0000');
  return hash('sha256', identity, 'hex').slice(0, 32);
}

