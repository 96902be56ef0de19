/**
 * Runs the latest job per key at most once per interval. A dialogue message that thirty
 * people change in the same second is updated once or twice, not thirty times, so the
 * platform's rate limit (about one message a second per channel) is never hit. The last
 * view always wins: nothing is dropped except views that were already stale.
 */
export interface Coalescer {
  schedule(key: string, job: () => Promise<void>): void;
  /** Resolves when every scheduled job has run (tests and graceful shutdown). */
  flush(): Promise<void>;
}

export function createCoalescer(
  intervalMs: number,
  onError: (key: string, error: unknown) => void,
): Coalescer {
  const pending = new Map<string, () => Promise<void>>();
  const running = new Map<string, Promise<void>>();
  const lastRun = new Map<string, number>();

  const drain = async (key: string): Promise<void> => {
    while (pending.has(key)) {
      const wait = (lastRun.get(key) ?? 0) + intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const job = pending.get(key)!;
      pending.delete(key);
      lastRun.set(key, Date.now());
      await job().catch((error) => onError(key, error));
    }
    running.delete(key);
  };

  return {
    schedule(key, job) {
      pending.set(key, job);
      if (!running.has(key)) running.set(key, drain(key));
    },
    async flush() {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}
