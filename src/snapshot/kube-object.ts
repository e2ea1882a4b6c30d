import type { Path } from '../load/path.js';
import type { PositionIndex, SourcePosition } from '../load/position-index.js';
import type { DuplicateKey } from '../load/yaml-document.js';
import type { JsonRecord } from './guards.js';
import { getRecord, getString } from './guards.js';

/** Where an object was read from. Absent for objects read from a live cluster. */
export interface ObjectSource {
  readonly file: string;
  /** 0-based position of the document in its file. */
  readonly documentIndex: number;
  /** Helm template (`# Source:`) or Kustomize origin that produced the object. */
  readonly template: string | undefined;
}

export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** `metadata.namespace` as written; see `ClusterSnapshot.namespaceOf` for the effective one. */
  readonly namespace: string | undefined;
  readonly body: JsonRecord;
  readonly source: ObjectSource | undefined;
  /** Line of the object itself, or 0 when unknown. */
  readonly line: number;
  readonly positions: PositionIndex | undefined;
  /** Path of the object inside its document: `['items', 3]` for a List member, else empty. */
  readonly documentPath: Path;
  readonly duplicateKeys: readonly DuplicateKey[];
}

export interface ObjectInit {
  readonly body: JsonRecord;
  readonly source?: ObjectSource | undefined;
  readonly line?: number;
  readonly positions?: PositionIndex | undefined;
  readonly documentPath?: Path;
  readonly duplicateKeys?: readonly DuplicateKey[];
}

/** Narrows a parsed value into a KubeObject, or says in a sentence why it is not one. */
export function toKubeObject(init: ObjectInit): KubeObject | string {
  const { body } = init;
  const apiVersion = getString(body, 'apiVersion');
  const kind = getString(body, 'kind');
  if (kind === undefined || kind === '') return describeMissing('kind', body);
  if (apiVersion === undefined || apiVersion === '') return describeMissing('apiVersion', body);
  const metadata = getRecord(body, 'metadata');
  if (Object.hasOwn(body, 'metadata') && metadata === undefined) return 'metadata must be a mapping';
  const name = getString(metadata, 'name') ?? getString(metadata, 'generateName') ?? '';
  const namespace = getString(metadata, 'namespace');
  return {
    apiVersion,
    kind,
    name,
    namespace: namespace === '' ? undefined : namespace,
    body,
    source: init.source,
    line: init.line ?? 0,
    positions: init.positions,
    documentPath: init.documentPath ?? [],
    duplicateKeys: init.duplicateKeys ?? [],
  };
}

function describeMissing(field: 'kind' | 'apiVersion', body: JsonRecord): string {
  const value = Object.hasOwn(body, field) ? body[field] : undefined;
  if (value === undefined) return `not a Kubernetes object: no ${field}`;
  return `not a Kubernetes object: ${field} must be a non-empty string`;
}

/** Source position of a field of the object, falling back to its nearest written ancestor. */
export function locate(object: KubeObject, path: Path): SourcePosition | undefined {
  if (object.positions === undefined) return undefined;
  return object.positions.locate(object.documentPath.length === 0 ? path : [...object.documentPath, ...path]);
}

export function displayName(object: Pick<KubeObject, 'kind' | 'name' | 'namespace'>): string {
  const name = object.name === '' ? '<unnamed>' : object.name;
  return object.namespace === undefined ? `${object.kind}/${name}` : `${object.kind}/${object.namespace}/${name}`;
}
