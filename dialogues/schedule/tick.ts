import type { Database } from '../../store/database.js';
import type { Settings } from '../core/context.js';
import type { View } from '../view.js';

/** What a tick gets: the database, the clock's time (never `new Date()`), the settings. */
export interface TickContext {
  db: Database;
  now: Date;
  settings: Settings;
  /**
   * Delivers at once the update of the messages posted under `key`, wherever they are (a
   * dialogue's board after its deadline moved it on), which the tick has written to the outbox
   * (refresh-boards.ts) with `view` as its newest version, like an `update` reply for a click.
   */
  refresh(key: string, view: View): Promise<void>;
}

/**
 * Scheduled work that runs every minute on every instance. A tick only *enqueues* (outbox
 * rows, state changes) and must be idempotent: two instances running it at the same minute,
 * or one running it twice, change things once. The usual shape: for each schedule, take
 * `latestOccurrence(schedule, now)`, skip it if it is older than the tick cares about, and
 * write under a key that names the occurrence (`reflection-round:<unit>:<instant>`), with
 * `enqueueOutbox` / an insert that does nothing on conflict.
 */
export interface Tick {
  /** Short and stable, for logs: `reflection-rounds`, `action-nudges`. */
  name: string;
  run(ctx: TickContext): Promise<void>;
}
