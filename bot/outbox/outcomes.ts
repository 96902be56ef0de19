import type { Database } from '../../store/database.js';
import { markFailed, type OutboxRow, reschedule } from '../../store/queries/outbox.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { type Delivered, DeliveryError, type Route } from './deliverer.js';
import { createSentBatcher } from './sent-batcher.js';

export interface BookkeepingDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  workerId: string;
  maxAttempts: number;
  backoffMs: number;
  maxBackoffMs: number;
}

/** Pauses the route's rate bucket for all instances (a 429). */
export type PauseRoute = (milliseconds: number) => Promise<void>;

export interface Bookkeeping {
  sent(
    row: OutboxRow,
    route: Route,
    delivered: Delivered,
    how: 'delivered' | 'reconciled',
  ): Promise<void>;
  failed(row: OutboxRow, reason: string): Promise<void>;
  /** Back in the queue untouched (the sender stops before it could send). */
  released(row: OutboxRow): Promise<void>;
  /** An attempt threw: rate limit, permanent or transient failure, or a bug. */
  problem(row: OutboxRow, error: unknown, pause: PauseRoute): Promise<void>;
}

/**
 * What happens to a row after an attempt, written with the worker's claim as a fence: a
 * worker whose lease passed to another instance changes nothing (the other one reconciles).
 * Logs carry keys and error codes, never message text.
 */
export function createBookkeeping(deps: BookkeepingDeps): Bookkeeping {
  const { db, clock, log, workerId } = deps;
  const sentMarks = createSentBatcher({ db, clock, workerId });
  const fenced = (key: string, done: boolean) => {
    if (!done) log.warn('outbox row was taken over by another sender', { key });
  };

  return {
    async sent(row, route, delivered, how) {
      const done = await sentMarks.add({
        id: row.id,
        platform: route.platform,
        workspace: route.workspace,
        channelId: delivered.channelId,
        messageId: delivered.messageId,
      });
      fenced(row.key, done);
      if (how === 'reconciled') log.info('outbox row found already sent', { key: row.key });
    },
    failed: giveUp,
    async released(row) {
      const done = await reschedule(db, {
        id: row.id,
        workerId,
        notBefore: clock.now(),
        inDoubt: row.inDoubt,
        countAttempt: false,
      });
      fenced(row.key, done);
    },
    async problem(row, error, pause) {
      if (!(error instanceof DeliveryError)) {
        // A bug or a lost database connection mid-send: nobody knows whether it went out.
        log.error('outbox delivery crashed', { key: row.key, error });
        return retryLater(row, 'internal-error', true);
      }
      const { failure, reason } = error;
      switch (failure.kind) {
        case 'rate-limited': {
          await pause(failure.retryAfterMs);
          log.info('outbox rate limited', { key: row.key, retryAfterMs: failure.retryAfterMs });
          const done = await reschedule(db, {
            id: row.id,
            workerId,
            notBefore: new Date(clock.now().getTime() + failure.retryAfterMs),
            inDoubt: row.inDoubt,
            reason,
            countAttempt: false,
          });
          return fenced(row.key, done);
        }
        case 'permanent':
          return giveUp(row, reason);
        case 'transient':
          return retryLater(row, reason, failure.mayHaveDelivered || row.inDoubt);
        default:
          failure satisfies never;
      }
    },
  };

  async function giveUp(row: OutboxRow, reason: string): Promise<void> {
    fenced(row.key, await markFailed(db, { id: row.id, workerId, reason }));
    log.warn('outbox row failed', { key: row.key, reason, attempts: row.attempts });
  }

  async function retryLater(row: OutboxRow, reason: string, inDoubt: boolean): Promise<void> {
    if (row.attempts >= deps.maxAttempts) return giveUp(row, reason);
    const delay = backoff(row.attempts, deps.backoffMs, deps.maxBackoffMs);
    log.info('outbox retry', { key: row.key, reason, attempts: row.attempts, inMs: delay });
    const done = await reschedule(db, {
      id: row.id,
      workerId,
      notBefore: new Date(clock.now().getTime() + delay),
      inDoubt,
      reason,
      countAttempt: true,
    });
    fenced(row.key, done);
  }
}

/** Doubling from `base`, capped, with ±25% jitter so rows that failed together spread out. */
export function backoff(attempts: number, base: number, max: number): number {
  const plain = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(plain * (0.75 + Math.random() * 0.5));
}
