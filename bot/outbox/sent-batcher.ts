import type { Database } from '../../store/database.js';
import { markSentMany, type SentRow } from '../../store/queries/outbox.js';
import type { Clock } from '../clock.js';

export interface SentBatcher {
  /** Resolves once the row is marked sent (true), or found taken over by another worker (false). */
  add(row: SentRow): Promise<boolean>;
  /** Writes what is waiting now. */
  flush(): Promise<void>;
}

interface Waiting {
  row: SentRow;
  resolve(marked: boolean): void;
  reject(error: unknown): void;
}

/**
 * Collects "sent" marks for a few milliseconds and writes them in one statement. A crash in
 * that window loses only the marks, not the messages: those rows stay claimed, and when their
 * lease runs out the next sender finds the messages by their metadata instead of resending.
 */
export function createSentBatcher(deps: {
  db: Database;
  clock: Clock;
  workerId: string;
  maxRows?: number;
  maxWaitMs?: number;
}): SentBatcher {
  const maxRows = deps.maxRows ?? 200;
  const maxWaitMs = deps.maxWaitMs ?? 20;
  let waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    try {
      const marked = await markSentMany(deps.db, {
        workerId: deps.workerId,
        now: deps.clock.now(),
        rows: batch.map((w) => w.row),
      });
      for (const w of batch) w.resolve(marked.has(w.row.id));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }

  return {
    add(row) {
      return new Promise<boolean>((resolve, reject) => {
        waiting.push({ row, resolve, reject });
        if (waiting.length >= maxRows) void flush();
        else timer ??= setTimeout(() => void flush(), maxWaitMs);
      });
    },
    flush,
  };
}
