import type { RequestHandler } from 'express';

/**
 * Acks before work. Slack waits 3 s for each request's HTTP answer (the ack) and retries or
 * shows an error past it; the reply may follow later. Under a burst, the work of requests
 * already acked (database round trips, rendering) would otherwise interleave with the
 * reading of those not yet acked. Work asks `settled()` first: it goes once every request
 * that has arrived has been answered, or after `maxWaitMs`, so a steady stream cannot starve it.
 */
export interface AcksFirst {
  middleware: RequestHandler;
  settled(): Promise<void>;
}

export function acksFirst(maxWaitMs = 200): AcksFirst {
  let unanswered = 0;
  let waiting: Array<() => void> = [];
  const release = () => {
    const ready = waiting;
    waiting = [];
    for (const go of ready) go();
  };
  return {
    middleware(_req, res, next) {
      unanswered++;
      let counted = true;
      const done = () => {
        if (!counted) return;
        counted = false;
        unanswered--;
        // Answers written in this turn of the event loop are read first; then work goes.
        if (unanswered === 0) setImmediate(() => unanswered === 0 && release());
      };
      res.once('finish', done);
      res.once('close', done);
      next();
    },
    settled() {
      if (unanswered === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const go = () => {
          clearTimeout(timer);
          resolve();
        };
        // Gone from the waiting list when its time is up: under a steady stream the count may
        // not reach zero for long, and the list must not grow with every request meanwhile.
        const timer = setTimeout(() => {
          waiting = waiting.filter((other) => other !== go);
          resolve();
        }, maxWaitMs);
        waiting.push(go);
      });
    },
  };
}
