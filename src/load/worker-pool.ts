import { Worker } from 'node:worker_threads';

import type { SourceLoader } from '../scan/scan.js';
import type { InputSource } from './inputs.js';
import type { SourceResult } from './load-source.js';
import { loadSource } from './load-source.js';
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
 * Parses sources on `threads` threads: the main thread and `threads - 1` workers, taking files from
 * one queue, and returns results in input order. The main thread parses too because its results
 * need no transfer, and a worker's do: on two cores, one worker beside the main thread beats two
 * workers and an idle main thread. Rules still run on the main thread over one snapshot, so the
 * output is identical to a single-threaded scan.
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
    const onMainThread = async (): Promise<void> => {
      while (next < sources.length) {
        const id = next++;
        const source = sources[id];
        if (source !== undefined) results[id] = await loadSource(source, limits);
        onLoaded();
        // Let worker messages in between files, so the workers are never left waiting for work.
        await new Promise(resolveTurn => setImmediate(resolveTurn));
      }
    };
    const workers = Array.from({ length: Math.max(0, Math.min(threads - 1, sources.length - 1)) }, runWorker);
    await Promise.all([...workers, onMainThread()]);
    return results;
  };
}

function failed(source: InputSource | undefined, error: Error): SourceResult {
  const file = source?.display ?? '<unknown>';
  return { file, objects: [], errors: [{ file, line: 0, message: `could not be parsed: ${error.message}` }], documents: 0, ignored: 0, chars: 0 };
}
