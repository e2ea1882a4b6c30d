/** How many files make a scan long enough to deserve a progress line. */
const MIN_FILES = 20;
const REDRAW_MS = 100;

export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly done: () => void;
}

/** A one-line counter on stderr, only when stderr is a terminal: logs and pipes stay clean. */
export function createProgress(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      if (total < MIN_FILES) return;
      const now = Date.now();
      if (done !== total && now - last < REDRAW_MS) return;
      last = now;
      shown = true;
      stream.write(`\rscanning ${String(done)}/${String(total)} files…`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
