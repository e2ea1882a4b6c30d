import { asRecord } from '../snapshot/guards.js';
import type { KubeObject } from '../snapshot/kube-object.js';
import type { LoadError } from './errors.js';
import type { SourceResult } from './load-source.js';
import { PositionIndex } from './position-index.js';

/**
 * A SourceResult in a form that crosses a worker boundary cheaply. Object bodies travel as one
 * JSON string: V8 stringifies and parses plain data several times faster than it structured-clones
 * it, and manifests are JSON by definition (the API server accepts nothing JSON cannot encode).
 * Position indexes travel as transferable typed arrays (no copy), one per document.
 */
export interface TransferableResult {
  readonly file: string;
  readonly errors: LoadError[];
  readonly documents: number;
  readonly ignored: number;
  readonly chars: number;
  readonly objects: Omit<KubeObject, 'positions' | 'body'>[];
  /** JSON array of the objects' bodies, in order. */
  readonly bodies: string;
  readonly positionRefs: number[];
  readonly indexes: ReturnType<PositionIndex['toTransferable']>[];
}

export function toTransferable(result: SourceResult): { message: TransferableResult; transfer: ArrayBuffer[] } {
  const indexIds = new Map<PositionIndex, number>();
  const indexes: ReturnType<PositionIndex['toTransferable']>[] = [];
  const transfer: ArrayBuffer[] = [];
  const positionRefs: number[] = [];
  const objects = result.objects.map(object => {
    const { apiVersion, kind, name, namespace, source, line, documentPath, duplicateKeys, positions } = object;
    const rest = { apiVersion, kind, name, namespace, source, line, documentPath, duplicateKeys };
    let ref = -1;
    if (positions !== undefined) {
      const known = indexIds.get(positions);
      if (known === undefined) {
        ref = indexes.length;
        indexIds.set(positions, ref);
        const data = positions.toTransferable();
        indexes.push(data);
        transfer.push(data.buffer);
      } else {
        ref = known;
      }
    }
    positionRefs.push(ref);
    return rest;
  });
  return {
    message: {
      file: result.file,
      errors: result.errors,
      documents: result.documents,
      ignored: result.ignored,
      chars: result.chars,
      objects,
      bodies: JSON.stringify(result.objects.map(object => object.body)),
      positionRefs,
      indexes,
    },
    transfer,
  };
}

export function fromTransferable(message: TransferableResult): SourceResult {
  const indexes = message.indexes.map(data => PositionIndex.fromTransferable(data));
  const bodies: unknown = JSON.parse(message.bodies);
  const objects: KubeObject[] = message.objects.map((object, i) => {
    const ref = message.positionRefs[i] ?? -1;
    const body = Array.isArray(bodies) ? asRecord(bodies[i]) : undefined;
    return { ...object, body: body ?? {}, positions: ref >= 0 ? indexes[ref] : undefined };
  });
  return { file: message.file, errors: message.errors, documents: message.documents, ignored: message.ignored, chars: message.chars, objects };
}
