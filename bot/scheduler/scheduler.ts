import cron, { type ScheduledTask } from 'node-cron';
import type { Settings } from '../../dialogues/core/context.js';
import type { Tick, TickContext } from '../../dialogues/schedule/tick.js';
import type { Database } from '../../store/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';

export interface SchedulerOptions {
  db: Database;
  clock: Clock;
  settings: Settings;
  log: Logger;
  /** What a tick's `refresh` does: the composition root's, for every platform. */
  refresh: TickContext['refresh'];
  ticks: readonly Tick[];
  /** node-cron expression; default every minute at second 0. */
  every?: string;
  /** Each tick's duration and outcome (for /metrics). */
  observe?: (tick: string, seconds: number, outcome: 'ok' | 'failed') => void;
}

export interface Scheduler {
  /**
   * Runs every tick once at the clock's time as it is now. A run already under way started
   * at an earlier time (the local channel's time travel may have moved the clock since), so
   * this waits for it and then runs again; callers that come meanwhile share that one run.
   */
  runOnce(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs the registered ticks every minute. Every instance runs its own scheduler: ticks only
 * enqueue, idempotently, so running them everywhere is safe and needs no leader election.
 * Ticks run one after another; one that throws is logged and the others still run. A firing
 * that comes while the last one still runs is skipped (the next minute catches up).
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, clock, settings, log, refresh, ticks } = options;
  let task: ScheduledTask | null = null;
  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;

  async function runTicks(): Promise<void> {
    const now = clock.now();
    for (const tick of ticks) {
      const started = Date.now();
      const seconds = () => (Date.now() - started) / 1000;
      try {
        await tick.run({ db, now, settings, refresh });
        log.debug('tick done', { tick: tick.name, ms: Date.now() - started });
        options.observe?.(tick.name, seconds(), 'ok');
      } catch (error) {
        log.error('tick failed', { tick: tick.name, error });
        options.observe?.(tick.name, seconds(), 'failed');
      }
    }
  }

  /** Starts a run unless one is under way; either way, resolves when that run is done. */
  const runOrJoin = (): Promise<void> => {
    running ??= runTicks().finally(() => {
      running = null;
    });
    return running;
  };

  const runOnce = (): Promise<void> => {
    if (!running) return runOrJoin();
    again ??= running.then(() => {
      again = null;
      return runOrJoin();
    });
    return again;
  };

  return {
    runOnce,
    start() {
      // A firing while the last run still goes on joins it; the next minute catches up.
      task ??= cron.schedule(options.every ?? '0 * * * * *', () => runOrJoin(), {
        name: 'tillit-ticks',
        noOverlap: true,
      });
    },
    async stop() {
      await task?.destroy();
      task = null;
      await running;
      await again;
    },
  };
}
