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
        // Two files in flight per worker, so a worker never waits for the main thread to hand it more.
        const inFlight = new Set<number>();
        let finished = false;
        const finish = (): void => {
          if (finished) return;
          finished = true;
          void worker.terminate().then(() => {
            resolveWorker();
          });
        };
        const give = (): void => {
          while (inFlight.size < 2 && next < sources.length) {
            const id = next++;
            inFlight.add(id);
            worker.postMessage({ id, source: sources[id], limits });
          }
          if (inFlight.size === 0) finish();
        };
        worker.on('message', (message: { id: number; result: TransferableResult }) => {
          inFlight.delete(message.id);
          results[message.id] = fromTransferable(message.result);
          onLoaded();
          give();
        });
        worker.on('error', error => {
          if (finished) return;
          finished = true;
          for (const id of inFlight) {
            results[id] = failed(sources[id], error);
            onLoaded();
          }
          // The worker is gone; carry on with a fresh one.
          void runWorker().then(resolveWorker);
        });
        give();
      });
    await Promise.all(Array.from({ length: Math.min(threads, sources.length) }, runWorker));
    return results;
  };
}

function failed(source: InputSource | undefined, error: Error): SourceResult {
  const file = source?.display ?? '<unknown>';
  return { file, objects: [], errors: [{ file, line: 0, message: `could not be parsed: ${error.message}` }], documents: 0, ignored: 0, chars: 0 };
}
