import { Worker } from 'node:worker_threads';

import type { SourceLoader } from '../scan/scan.js';
import type { InputSource } from './inputs.js';
import type { SourceResult } from './load-source.js';
import type { TransferableResult } from './transfer.js';
import { fromTransferable } from './transfer.js';

/** Under tsx (tests, `npm start`) the worker is TypeScript and needs tsx's loader too. */
function workerUrl(): { url: URL; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return {
    url: new URL(fromSource ? './load-worker.ts' : './load-worker.js', import.meta.url),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  };
}

/**
 * Parses sources on `threads` worker threads, one file per task, and returns results in input
 * order. Rules still run on the main thread over one snapshot, so output is identical to a
 * single-threaded scan.
 */
export function createWorkerLoader(threads: number): SourceLoader {
  return async (sources, limits, onLoaded) => {
    const results: SourceResult[] = new Array<SourceResult>(sources.length);
    if (sources.length === 0) return results;
    const { url, execArgv } = workerUrl();
    let next = 0;
    const runWorker = (): Promise<void> =>
      new Promise(resolveWorker => {
        const worker = new Worker(url, { execArgv });
        let current = -1;
        const take = (): void => {
          if (next >= sources.length) {
            void worker.terminate().then(() => {
              resolveWorker();
            });
            return;
          }
          current = next++;
          worker.postMessage({ id: current, source: sources[current], limits });
        };
        worker.on('message', (message: { id: number; result: TransferableResult }) => {
          results[message.id] = fromTransferable(message.result);
          onLoaded();
          take();
        });
        worker.on('error', error => {
          if (current >= 0) results[current] = failed(sources[current], error);
          onLoaded();
          // The worker is gone; carry on with a fresh one.
          void runWorker().then(resolveWorker);
        });
        take();
      });
    await Promise.all(Array.from({ length: Math.min(threads, sources.length) }, runWorker));
    return results;
  };
}

function failed(source: InputSource | undefined, error: Error): SourceResult {
  const file = source?.display ?? '<unknown>';
  return { file, objects: [], errors: [{ file, line: 0, message: `could not be parsed: ${error.message}` }], documents: 0, ignored: 0, chars: 0 };
}
