/** How a long run tells how far it has come: one line a step, or a live line on a terminal. */
export interface Progress {
  /** A step of `total` has begun (1-based). */
  step(index: number, total: number, label: string): void;
  /** The run is over; the live line is ended so what follows starts on a line of its own. */
  end(): void;
}

/** How often the live line's clock moves while one step takes long (thousands of people). */
const TICK_MS = 500;

/**
 * On a terminal the steps rewrite one line whose clock keeps moving, so a long step is seen
 * to be alive; otherwise (a log, a pipe, CI) each step is one plain line, since `\r` would
 * garble a log file. On standard error, so what a script prints stays clean to pipe on.
 */
export function createProgress(
  name: string,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  const started = now();
  const live = stream.isTTY === true;
  let current: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  const line = () => `${name}: ${current} (${((now() - started) / 1000).toFixed(1)} s)`;
  const draw = () => stream.write(`\r\x1b[2K${line()}`);
  return {
    step(index, total, label) {
      current = `${index}/${total} ${label}`;
      if (!live) {
        stream.write(`${line()}\n`);
        return;
      }
      draw();
      timer ??= setInterval(draw, TICK_MS).unref();
    },
    end() {
      if (timer) clearInterval(timer);
      timer = null;
      if (live && current !== null) stream.write('\n');
      current = null;
    },
  };
}
