import type { Database } from '../../store/database.js';
import { type BucketRate, pauseBucket, reserveSlots } from '../../store/queries/rate-buckets.js';
import type { Logger } from '../log.js';
import { sleep } from './sleep.js';

/**
 * Where the send budget lives, and why: in the database (`rate_buckets`, one row per Slack
 * workspace), not per instance. Every instance reserves its send slots from the same
 * schedule, so adding instances never multiplies the rate Slack sees, and a 429 seen by any of
 * them pauses all of them until its Retry-After (the pause is stored in the row, and no slot is
 * handed out inside it). To keep the hot row cool, an instance reserves 100 ms of slots at a
 * time (one upsert) and releases its waiting rows at their slots' times locally.
 *
 * Per channel (Slack: about one message a second) the pace is kept by the claim itself
 * (claimDue takes one row per target and none attempted in the last second).
 */
export interface RateLimiter {
  /** Resolves when the row may be sent; rejects with the signal's reason when aborted. */
  take(bucket: string, rate: BucketRate, signal: AbortSignal): Promise<void>;
  /** A 429: stop this bucket for everyone for `milliseconds`. */
  pause(bucket: string, milliseconds: number): Promise<void>;
}

/** How much of the rate one reservation covers. */
const CHUNK_SECONDS = 0.1;
const RETRY_AFTER_DB_ERROR_MS = 1_000;
/**
 * A slot this far in the past is dropped, not used: sending on late slots together with the
 * ones on time (the process stalled) bunches messages, and a budget set a few percent under
 * the platform's limit only absorbs a few dozen milliseconds of bunching. A dropped slot costs
 * one message's share of the budget; a 429 costs everyone a second.
 */
const STALE_SLOT_MS = 20;

interface Waiter {
  resolve(): void;
  signal: AbortSignal;
  onAbort(): void;
}

interface BucketState {
  rate: BucketRate;
  waiters: Waiter[];
  /** Date.now() times at which this instance's reserved slots may be used, in order. */
  slots: number[];
  pumping: boolean;
  reserving: Promise<void> | null;
  /** A pause this instance caused: its reserved slots are void until then. */
  pausedUntil: number;
}

export function createRateLimiter(db: Database, log: Logger): RateLimiter {
  const buckets = new Map<string, BucketState>();
  const databaseClock = createClockOffset();

  const stateOf = (bucket: string, rate: BucketRate): BucketState => {
    let state = buckets.get(bucket);
    if (!state) {
      state = { rate, waiters: [], slots: [], pumping: false, reserving: null, pausedUntil: 0 };
      buckets.set(bucket, state);
    }
    state.rate = rate;
    return state;
  };

  const chunkOf = (rate: BucketRate) => Math.max(1, Math.floor(rate.perSecond * CHUNK_SECONDS));

  async function reserve(bucket: string, state: BucketState): Promise<void> {
    const count = Math.min(chunkOf(state.rate), state.waiters.length - state.slots.length);
    if (count <= 0) return;
    try {
      const asked = Date.now();
      const { startsInMs, atMs } = await reserveSlots(db, { key: bucket, count, ...state.rate });
      databaseClock.sample(asked, Date.now(), atMs);
      const first = databaseClock.toLocal(atMs + startsInMs);
      const spacing = 1000 / state.rate.perSecond;
      for (let i = 0; i < count; i++) state.slots.push(first + i * spacing);
    } catch (error) {
      log.error('outbox rate bucket unavailable', { bucket, error });
      await sleep(RETRY_AFTER_DB_ERROR_MS);
    }
  }

  /**
   * Reserves the next chunk while a whole chunk is still left, so a slow round trip to the
   * database does not leave a gap in the schedule (a gap is budget lost).
   */
  function reserveAhead(bucket: string, state: BucketState): Promise<void> {
    state.reserving ??= reserve(bucket, state).finally(() => {
      state.reserving = null;
    });
    return state.reserving;
  }

  /** One loop per bucket while rows wait: keep slots reserved, release rows at their times. */
  async function pump(bucket: string, state: BucketState): Promise<void> {
    state.pumping = true;
    try {
      while (state.waiters.length > 0) {
        if (state.slots.length === 0) {
          await reserveAhead(bucket, state);
          continue;
        }
        const lacking = state.waiters.length > state.slots.length;
        if (lacking && state.slots.length <= chunkOf(state.rate)) {
          void reserveAhead(bucket, state);
        }
        const wait = Math.max(state.slots[0]!, state.pausedUntil) - Date.now();
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        const now = Date.now();
        while (state.slots.length > 0 && state.waiters.length > 0 && state.slots[0]! <= now) {
          const slot = state.slots.shift()!;
          if (slot >= now - STALE_SLOT_MS) release(state.waiters.shift()!);
        }
      }
    } finally {
      state.pumping = false;
    }
  }

  const release = (waiter: Waiter) => {
    waiter.signal.removeEventListener('abort', waiter.onAbort);
    waiter.resolve();
  };

  return {
    take(bucket, rate, signal) {
      signal.throwIfAborted();
      const state = stateOf(bucket, rate);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          signal,
          onAbort: () => {
            state.waiters = state.waiters.filter((w) => w !== waiter);
            reject(signal.reason);
          },
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
        state.waiters.push(waiter);
        if (!state.pumping) void pump(bucket, state);
      });
    },
    async pause(bucket, milliseconds) {
      const state = buckets.get(bucket);
      if (state) {
        state.pausedUntil = Math.max(state.pausedUntil, Date.now() + milliseconds);
        // Slots reserved before the 429 belong to a budget Slack says is spent; new ones
        // are reserved after the pause.
        state.slots = [];
      }
      await pauseBucket(db, { key: bucket, milliseconds });
    },
  };
}

/**
 * The database's clock as seen from here. Slots are times on the database's clock; turning
 * them into local times relative to when an answer arrived would shift them by however long
 * the answer waited (a busy process), and a shifted schedule overlaps the next instance's.
 * So the offset is estimated like NTP does: from the round trip with the shortest time, where
 * the statement ran close to the middle; a fresh sample replaces an old one after a minute.
 */
function createClockOffset() {
  let best = { offsetMs: 0, roundTripMs: Number.POSITIVE_INFINITY, takenAt: 0 };
  return {
    sample(askedAt: number, answeredAt: number, databaseAt: number) {
      const roundTripMs = answeredAt - askedAt;
      const stale = answeredAt - best.takenAt > 60_000;
      if (roundTripMs <= best.roundTripMs || stale) {
        best = {
          offsetMs: (askedAt + answeredAt) / 2 - databaseAt,
          roundTripMs,
          takenAt: answeredAt,
        };
      }
    },
    toLocal: (databaseAt: number) => databaseAt + best.offsetMs,
  };
}
