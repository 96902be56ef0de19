import type { RefreshMessages } from '../../bot/channel.js';
import type { Clock } from '../../bot/clock.js';
import type { Config } from '../../bot/config.js';
import type { Logger } from '../../bot/log.js';
import type { Deliverer } from '../../bot/outbox/deliverer.js';
import { createSender } from '../../bot/outbox/sender.js';
import { settingsFrom } from '../../bot/request-settings.js';
import { createScheduler } from '../../bot/scheduler/scheduler.js';
import { reflectionTicks } from '../../dialogues/reflection/reflection-ticks.js';
import { ticks } from '../../dialogues/schedule/ticks.js';
import type { Database } from '../../store/database.js';

/**
 * What the background loops do, driven by the contract instead of by time: the scheduler's
 * ticks (every one, as bot/background.ts runs them) and the outbox sender with the platform's
 * own deliverer. Each driver hands in its deliverer; the sender, its retries and its
 * bookkeeping are the real ones.
 */
export function scheduledWork(deps: {
  db: Database;
  clock: Clock;
  config: Config;
  refresh: RefreshMessages;
  log: Logger;
  deliverer: Deliverer;
}) {
  const counts = { delivered: 0, refused: 0 };
  const { deliverer } = deps;
  const counted: Deliverer = {
    ...deliverer,
    async deliver(delivery) {
      try {
        const done = await deliverer.deliver(delivery);
        counts.delivered += 1;
        return done;
      } catch (error) {
        counts.refused += 1;
        throw error;
      }
    },
  };
  const sender = createSender({
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    deliverers: [counted],
    idlePollMs: 20,
  });
  const scheduler = createScheduler({
    db: deps.db,
    clock: deps.clock,
    settings: settingsFrom(deps.config),
    log: deps.log,
    refresh: deps.refresh,
    ticks: [
      ...ticks,
      ...reflectionTicks({ retentionDays: deps.config.REFLECTION_TEXT_RETENTION_DAYS }),
    ],
  });

  /** Delivers until nothing is due: how many messages went out, and how many were refused. */
  async function deliverOutbox(): Promise<{ delivered: number; refused: number }> {
    const before = { ...counts };
    while ((await sender.runOnce()) > 0) {}
    return {
      delivered: counts.delivered - before.delivered,
      refused: counts.refused - before.refused,
    };
  }

  return {
    deliverOutbox,
    async passTime(milliseconds: number): Promise<void> {
      deps.clock.advance(milliseconds);
      await scheduler.runOnce();
      await deliverOutbox();
    },
  };
}
