import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { DEFAULT_LANG } from '../../dialogues/core/defaults.js';
import type { View } from '../../dialogues/view.js';
import type { Database } from '../../store/database.js';
import {
  listUnfinished,
  markUpdateDone,
  messageKeyOf,
  updateKeyOf,
} from '../../store/queries/message-updates.js';
import { claimDue, type OutboxRow, renewLease } from '../../store/queries/outbox.js';
import { listPlacesBehind, markVersionApplied } from '../../store/queries/posted-messages.js';
import type { Language, Platform } from '../../store/schema/index.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { type Deliverer, DeliveryError } from './deliverer.js';
import { createBookkeeping } from './outcomes.js';
import { createRateLimiter } from './rate-limiter.js';
import { type Routing, routeRows } from './routes.js';
import { sleep } from './sleep.js';

export interface SenderOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  deliverers: readonly Deliverer[];
  /** The language of the platforms' own words where no person's choice applies (LANG_DEFAULT). */
  defaultLang?: Language;
  /** Names this instance's claims; default host:pid:random. */
  workerId?: string;
  /** How long a claim is this worker's alone; past it another instance reconciles the row. */
  leaseMs?: number;
  /**
   * Rows claimed and not yet finished at most (waiting for a slot or in flight). Default:
   * about a second of the deliverers' budgets, at least 64: enough to keep the budget busy
   * while calls and bookkeeping take their time, few enough that a crashed instance holds
   * little back.
   */
  maxInFlight?: number;
  /** How often to look for due rows when there were none. */
  idlePollMs?: number;
  /** Attempts before a row that keeps failing is given up (status failed). */
  maxAttempts?: number;
  /** First retry delay; it doubles per attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A platform answered 429 (for /metrics). */
  rateLimited?: (platform: Platform) => void;
}

export interface Sender {
  workerId: string;
  start(): void;
  /** Stops claiming, releases rows still waiting for a token, waits for those in flight. */
  stop(): Promise<void>;
  /** One claim and all its rows carried out (tests drive the sender with this). */
  runOnce(): Promise<number>;
  /**
   * Carries out the update rows of these message keys now, on this instance, rather than at
   * the next poll: a click's board update shows at once. A row another instance holds, or one
   * paced a second behind the last update of its message, is tried again shortly, until it is
   * done or `DELIVER_NOW_MS` has passed (then the loop of some instance takes it).
   */
  deliverNow(messageKeys: readonly string[]): Promise<void>;
  /** Resolves when every `deliverNow` started has finished (tests, shutdown). */
  settle(): Promise<void>;
}

/**
 * A platform call starts only with this many of the deliverer's timeouts left on the lease:
 * the call has ended (or been abandoned) well before another instance may take the row over
 * and look for the message, so the look cannot race the call it is looking for.
 */
const LEASE_COVER = 3;
const DEFAULT_CALL_TIMEOUT_MS = 10_000;
/**
 * Rows one claim takes at most: reading and starting a big batch holds the event loop, and
 * while it is held, send slots pass unused.
 */
const CLAIM_BATCH = 200;
/** How long `deliverNow` keeps trying a row it cannot claim yet. */
const DELIVER_NOW_MS = 5_000;
const DELIVER_NOW_RETRY_MS = 200;

function defaultInFlight(deliverers: readonly Deliverer[]): number {
  const perSecond = deliverers.reduce((sum, d) => sum + d.rate.perSecond, 0);
  return Math.min(2_000, Math.max(64, Math.ceil(perSecond)));
}

/**
 * Delivers outbox rows. Any number of instances run one each against the same database: a row
 * is claimed by one (FOR UPDATE SKIP LOCKED + lease), paced by the shared rate buckets, sent
 * through the deliverer of the person's platform, and marked sent with the platform's message
 * id. Bookkeeping (sent, retry with backoff, failed) is in outcomes.ts.
 */
export function createSender(options: SenderOptions): Sender {
  const settings = {
    workerId: options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    leaseMs: options.leaseMs ?? 60_000,
    maxInFlight: options.maxInFlight ?? defaultInFlight(options.deliverers),
    idlePollMs: options.idlePollMs ?? 1_000,
  };
  const { db, clock, log } = options;
  const defaultLang = options.defaultLang ?? DEFAULT_LANG;
  const deliverers = new Map<Platform, Deliverer>(options.deliverers.map((d) => [d.platform, d]));
  const limiter = createRateLimiter(db, log);
  const books = createBookkeeping({
    db,
    clock,
    log,
    workerId: settings.workerId,
    maxAttempts: options.maxAttempts ?? 10,
    backoffMs: options.backoffMs ?? 5_000,
    maxBackoffMs: options.maxBackoffMs ?? 15 * 60_000,
  });
  const stopping = new AbortController();
  // Every row waiting for a token listens for the stop: many listeners here are expected.
  setMaxListeners(0, stopping.signal);
  const inFlight = new Set<Promise<void>>();
  /** Rows this instance is working on: never reclaimed by it, even if their lease ran out. */
  const workingOn = new Set<string>();
  let loop: Promise<void> | null = null;
  let wakeLoop = () => {};
  /** `deliverNow` loops by update row key, and the keys asked for again while one runs. */
  const deliveringNow = new Map<string, Promise<void>>();
  const again = new Set<string>();
  /** Platforms a post may go to: not one that only updates (Teams in emulator mode). */
  const postPlatforms = new Set(
    options.deliverers.filter((d) => d.postsOwnMessages !== false).map((d) => d.platform),
  );

  async function claimAndStart(limit: number): Promise<number> {
    return (await claimAndStartTasks(limit)).length;
  }

  /** Claims due rows (only these keys, if given) and starts carrying each out. */
  async function claimAndStartTasks(
    limit: number,
    keys?: readonly string[],
  ): Promise<Promise<void>[]> {
    const rows = await claimDue(db, {
      workerId: settings.workerId,
      now: clock.now(),
      leaseMs: settings.leaseMs,
      limit,
      excludeIds: [...workingOn],
      ...(keys ? { keys } : {}),
    });
    if (rows.length === 0) return [];
    const routing = await routeRows(db, rows, postPlatforms, defaultLang);
    const started: Promise<void>[] = [];
    for (const row of rows) {
      workingOn.add(row.id);
      const task = carryOut(row, routing.get(row.id)!)
        // Bookkeeping itself failed (the database went away): the row stays claimed, and
        // when its lease runs out a sender reconciles it.
        .catch((error: unknown) => log.error('outbox bookkeeping failed', { key: row.key, error }))
        .finally(() => {
          inFlight.delete(task);
          workingOn.delete(row.id);
          wakeLoop();
        });
      inFlight.add(task);
      started.push(task);
    }
    return started;
  }

  async function carryOut(row: OutboxRow, routing: Routing): Promise<void> {
    if (row.kind === 'update') return carryOutUpdate(row);
    if ('unreachable' in routing) return books.failed(row, routing.unreachable);
    const { route } = routing;
    const deliverer = deliverers.get(route.platform)!;
    const bucket = deliverer.bucketOf(route);
    // The view was written by a use case in dialogues/ as a View; the store keeps it as JSON.
    const delivery = { row, route, view: row.view as unknown as View };
    try {
      if (row.inDoubt) {
        if (!(await leaseCovers(row, deliverer))) return;
        const found = await deliverer.findAlreadySent(delivery);
        if (found) return await books.sent(row, route, found, 'reconciled');
      }
      await limiter.take(bucket, deliverer.rate, stopping.signal);
      if (!(await leaseCovers(row, deliverer))) return;
      const delivered = await deliverer.deliver(delivery);
      await books.sent(row, route, delivered, 'delivered');
    } catch (error) {
      if (stopping.signal.aborted && error === stopping.signal.reason) {
        return await books.released(row);
      }
      // The route is paused exactly when the platform said 429.
      await books.problem(row, error, (ms) => {
        options.rateLimited?.(route.platform);
        return limiter.pause(bucket, ms);
      });
    }
  }

  /**
   * An update row: its view into every place its message was posted that shows an older
   * version, one platform call each, paced like posts. A place that fails keeps the row for a
   * retry (the places already done are not called again: their version is recorded). Done
   * when the row's version is still the newest, queued again at once when a newer one came.
   */
  async function carryOutUpdate(row: OutboxRow): Promise<void> {
    const view = row.view as unknown as View;
    const key = messageKeyOf(row);
    let pausing: ((ms: number) => Promise<void>) | null = null;
    try {
      const places = await listPlacesBehind(db, { key, version: row.version });
      for (const place of places) {
        const deliverer = deliverers.get(place.platform);
        // A platform not configured (every instance runs the same ones): nothing can reach it.
        if (!deliverer) continue;
        const route = {
          platform: place.platform,
          workspace: place.workspace,
          address: place.channelId,
          direct: false,
          lang: defaultLang,
        };
        // Edits spend from a budget of their own (Slack's chat.update is limited apart from
        // chat.postMessage): a click's board update never waits behind a round of prompts.
        const bucket = `${deliverer.bucketOf(route)}:update`;
        pausing = (ms) => {
          options.rateLimited?.(place.platform);
          return limiter.pause(bucket, ms);
        };
        await limiter.take(bucket, deliverer.rate, stopping.signal);
        if (!(await leaseCovers(row, deliverer))) return;
        try {
          await deliverer.update({ row, route, messageId: place.messageId, view });
        } catch (error) {
          if (!(error instanceof DeliveryError && error.failure.kind === 'permanent')) throw error;
          // This place can never show it (the message was deleted): the others still should.
          log.warn('outbox update refused', { key: row.key, reason: error.reason });
        }
        await markVersionApplied(db, { ...place, version: row.version });
      }
      const done = await markUpdateDone(db, {
        id: row.id,
        workerId: settings.workerId,
        version: row.version,
        now: clock.now(),
        // A place not among these landed meanwhile (a post on its way): the row goes again.
        seen: places,
      });
      if (!done) log.warn('outbox row was taken over by another sender', { key: row.key });
    } catch (error) {
      if (stopping.signal.aborted && error === stopping.signal.reason) {
        return await books.released(row);
      }
      await books.problem(row, error, (ms) => pausing?.(ms) ?? Promise.resolve());
    }
  }

  /** Renews the claim when too little is left for a platform call (a long wait for tokens). */
  async function leaseCovers(row: OutboxRow, deliverer: Deliverer): Promise<boolean> {
    const now = clock.now().getTime();
    const needed = LEASE_COVER * (deliverer.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
    if ((row.leaseUntil?.getTime() ?? 0) - now >= needed) return true;
    const leaseUntil = new Date(now + Math.max(settings.leaseMs, needed));
    const renewed = await renewLease(db, { id: row.id, workerId: settings.workerId, leaseUntil });
    if (!renewed) log.warn('outbox row was taken over by another sender', { key: row.key });
    row.leaseUntil = leaseUntil;
    return renewed;
  }

  async function run(): Promise<void> {
    const { signal } = stopping;
    // Claiming a handful at a time would cost a statement per handful.
    const worthClaiming = Math.max(1, Math.floor(Math.min(CLAIM_BATCH, settings.maxInFlight) / 4));
    while (!signal.aborted) {
      const batch = Math.min(CLAIM_BATCH, settings.maxInFlight - inFlight.size);
      if (batch >= worthClaiming) {
        let claimed = 0;
        try {
          claimed = await claimAndStart(batch);
        } catch (error) {
          log.error('outbox claim failed', { error });
        }
        // Nothing more is due now: rows in flight go on while this waits.
        if (claimed < batch) await sleep(settings.idlePollMs, signal);
        continue;
      }
      // Full: wait for a row to finish (or the stop) before claiming more.
      await new Promise<void>((resolve) => {
        const wake = () => {
          signal.removeEventListener('abort', wake);
          wakeLoop = () => {};
          resolve();
        };
        wakeLoop = wake;
        signal.addEventListener('abort', wake, { once: true });
      });
    }
  }

  return {
    workerId: settings.workerId,
    start() {
      loop ??= run();
    },
    async stop() {
      stopping.abort(new Error('sender stopping'));
      await loop;
      await Promise.allSettled([...inFlight]);
    },
    async runOnce() {
      const claimed = await claimAndStart(Math.min(CLAIM_BATCH, settings.maxInFlight));
      await Promise.allSettled([...inFlight]);
      return claimed;
    },
    deliverNow(messageKeys) {
      return Promise.all(messageKeys.map((key) => deliverSoon(updateKeyOf(key)))).then(() => {});
    },
    async settle() {
      while (deliveringNow.size > 0) await Promise.allSettled([...deliveringNow.values()]);
      await Promise.allSettled([...inFlight]);
    },
  };

  /**
   * One loop per row at a time, however many requests ask: a request that asks while the loop
   * runs marks the row again, so the loop looks once more before it ends (the new version may
   * have come just after its last look).
   */
  function deliverSoon(key: string): Promise<void> {
    again.add(key);
    const running = deliveringNow.get(key);
    if (running) return running;
    const task = deliverUntilDone(key)
      .catch((error: unknown) => log.error('outbox update failed', { key, error }))
      .finally(() => deliveringNow.delete(key));
    deliveringNow.set(key, task);
    return task;
  }

  async function deliverUntilDone(key: string): Promise<void> {
    const until = Date.now() + DELIVER_NOW_MS;
    while (!stopping.signal.aborted) {
      again.delete(key);
      // Only this row is waited for, not a batch of posts the loop has on its way.
      await Promise.allSettled(await claimAndStartTasks(1, [key]));
      const waiting = (await stillQueued([key])).length > 0;
      if ((!waiting && !again.has(key)) || Date.now() > until) return;
      if (waiting) await sleep(DELIVER_NOW_RETRY_MS, stopping.signal);
    }
  }

  /** The keys whose rows still wait (queued or being sent by someone). */
  async function stillQueued(keys: readonly string[]): Promise<string[]> {
    const rows = await listUnfinished(db, { keys });
    return rows;
  }
}
