import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../../store/database.js';
import { countOutboxByStatus, oldestDueOutbox } from '../../store/queries/outbox.js';
import { outboxStatuses } from '../../store/schema/index.js';
import type { Clock } from '../clock.js';

export type ChannelName = 'slack' | 'teams' | 'local';

/** What Tillit measures, one registry per running instance (so tests do not share counts). */
export interface Metrics {
  registry: Registry;
  /** A request to a channel's route was answered (its ack): counts it and its latency. */
  acked(channel: ChannelName, status: number, seconds: number): void;
  /** The person's reply went out (Slack: after the ack; Teams and local: with it). */
  replied(channel: ChannelName, seconds: number): void;
  /** A platform answered 429. */
  rateLimited(platform: string): void;
  /** One scheduler tick ran. */
  tickDone(tick: string, seconds: number, outcome: 'ok' | 'failed'): void;
}

/** Slack's 3 s ack limit sits between buckets, so a histogram tells how close requests come. */
const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

export function createMetrics(deps: { database: DatabaseHandle; clock: Clock }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tillit_' });
  const requests = new Counter({
    name: 'tillit_requests_total',
    help: 'Requests to a channel, by outcome: ok (2xx/3xx), refused (4xx), failed (5xx)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const ack = new Histogram({
    name: 'tillit_ack_seconds',
    help: 'From a request arriving to its HTTP answer (the ack Slack waits 3 s for)',
    labelNames: ['channel'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const reply = new Histogram({
    name: 'tillit_reply_seconds',
    help: "From a request arriving to the person's reply being sent",
    labelNames: ['channel'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const limited = new Counter({
    name: 'tillit_rate_limited_total',
    help: 'Answers 429 (too many requests) from Slack or Teams',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const ticks = new Histogram({
    name: 'tillit_scheduler_tick_seconds',
    help: 'How long each scheduler tick took',
    labelNames: ['tick', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers: [registry],
  });
  outboxGauges(registry, deps);
  poolGauges(registry, deps.database);
  return {
    registry,
    acked(channel, status, seconds) {
      const outcome = status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'ok';
      requests.inc({ channel, outcome });
      ack.observe({ channel }, seconds);
    },
    replied: (channel, seconds) => reply.observe({ channel }, seconds),
    rateLimited: (platform) => limited.inc({ platform }),
    tickDone: (tick, seconds, outcome) => ticks.observe({ tick, outcome }, seconds),
  };
}

/** Read from the outbox table when scraped: every instance reports the shared queue. */
function outboxGauges(registry: Registry, deps: { database: DatabaseHandle; clock: Clock }) {
  new Gauge({
    name: 'tillit_outbox_rows',
    help: 'Outbox rows by status (queued, sending, sent, failed)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const counts = await countOutboxByStatus(deps.database.db);
      for (const status of outboxStatuses) this.set({ status }, counts[status]);
    },
  });
  new Gauge({
    name: 'tillit_outbox_oldest_due_seconds',
    help: 'How long the longest-waiting due outbox row has been due (0 when none is)',
    registers: [registry],
    async collect() {
      const now = deps.clock.now();
      const due = await oldestDueOutbox(deps.database.db, { asOf: now });
      this.set(due ? Math.max(0, (now.getTime() - due.getTime()) / 1000) : 0);
    },
  });
}

/** What the drivers let us see: the pool's size and the transactions holding a connection. */
function poolGauges(registry: Registry, database: DatabaseHandle) {
  new Gauge({
    name: 'tillit_db_pool_max_connections',
    help: 'Connections the database pool may open (1 for the embedded database)',
    registers: [registry],
    collect() {
      this.set(database.pool?.max ?? 1);
    },
  });
  new Gauge({
    name: 'tillit_db_transactions_in_progress',
    help: 'Transactions holding a pool connection now (every request runs in one)',
    registers: [registry],
    collect() {
      this.set(database.pool?.inTransaction() ?? 0);
    },
  });
}
