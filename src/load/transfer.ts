import type { KubeObject } from '../snapshot/kube-object.js';
import type { LoadError } from './errors.js';
import type { SourceResult } from './load-source.js';
import { PositionIndex } from './position-index.js';

/**
 * A SourceResult in a form that crosses a worker boundary: position indexes travel as
 * transferable typed arrays (no copy), and objects of one document share one index.
 */
export interface TransferableResult {
  readonly file: string;
  readonly errors: LoadError[];
  readonly documents: number;
  readonly ignored: number;
  readonly chars: number;
  readonly objects: Omit<KubeObject, 'positions'>[];
  readonly positionRefs: number[];
  readonly indexes: ReturnType<PositionIndex['toTransferable']>[];
}

export function toTransferable(result: SourceResult): { message: TransferableResult; transfer: ArrayBuffer[] } {
  const indexIds = new Map<PositionIndex, number>();
  const indexes: ReturnType<PositionIndex['toTransferable']>[] = [];
  const transfer: ArrayBuffer[] = [];
  const positionRefs: number[] = [];
  const objects = result.objects.map(object => {
    const { positions, ...rest } = object;
    let ref = -1;
    if (positions !== undefined) {
      const known = indexIds.get(positions);
      if (known === undefined) {
        ref = indexes.length;
        indexIds.set(positions, ref);
        const data = positions.toTransferable();
        indexes.push(data);
        for (const array of [data.hashA, data.hashB, data.lines, data.columns]) {
          if (array.buffer instanceof ArrayBuffer) transfer.push(array.buffer);
        }
      } else {
        ref = known;
      }
    }
    positionRefs.push(ref);
    return rest;
  });
  return {
    message: { file: result.file, errors: result.errors, documents: result.documents, ignored: result.ignored, chars: result.chars, objects, positionRefs, indexes },
    transfer,
  };
}

export function fromTransferable(message: TransferableResult): SourceResult {
  const indexes = message.indexes.map(data => PositionIndex.fromTransferable(data));
  const objects: KubeObject[] = message.objects.map((object, i) => {
    const ref = message.positionRefs[i] ?? -1;
    return { ...object, positions: ref >= 0 ? indexes[ref] : undefined };
  });
  return { file: message.file, errors: message.errors, documents: message.documents, ignored: message.ignored, chars: message.chars, objects };
}
