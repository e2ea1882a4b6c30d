import { parentPort } from 'node:worker_threads';

import type { InputSource } from './inputs.js';
import type { ParseLimits } from './limits.js';
import { loadSource } from './load-source.js';
import { toTransferable } from './transfer.js';

export interface WorkRequest {
  readonly id: number;
  readonly source: InputSource;
  readonly limits: ParseLimits;
}

const port = parentPort;
if (port !== null) {
  port.on('message', (request: WorkRequest) => {
    void loadSource(request.source, request.limits).then(result => {
      const { message, transfer } = toTransferable(result);
      port.postMessage({ id: request.id, result: message }, transfer);
    });
  });
}
