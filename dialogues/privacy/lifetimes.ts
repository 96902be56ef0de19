import type { Database } from '../../store/database.js';
import { ERASED_TABLES } from '../../store/queries/person-data.js';
import { vacuumTables } from '../../store/queries/reflection-round-forget.js';
import {
  deleteAuditLogBefore,
  deleteDoneOutboxBefore,
  deleteExpiredSummaryFiles,
  deleteLocalMessagesBefore,
  deletePostedMessagesBefore,
  deleteRetiredPrivateCards,
  deleteTeamsFormsBefore,
  deleteTeamsSendsBefore,
  stripDoneOutboxBefore,
} from '../../store/queries/retention.js';
import type { Tick } from '../schedule/tick.js';

const DAY_MS = 86_400_000;

/**
 * How long Tillit keeps the records that exist only to carry a message, in days, and why that
 * long. docs/PRIVACY.md lists the same figures; the reflection's free text has its own setting
 * (REFLECTION_TEXT_RETENTION_DAYS, dialogues/reflection/purge.ts).
 */
export const LIFETIME_DAYS = {
  /** The local page's messages: a demo and test channel, a month of history is plenty. */
  localMessages: 30,
  /** A sent message's text and address: a week covers every retry, look-up and support question. */
  outboxContent: 7,
  /**
   * A sent message's key and person: its key keeps the same message from being scheduled
   * twice, and the season nudges are keyed by year, so a year and a month.
   */
  outboxRow: 400,
  /** Teams send states: only a row in doubt needs one, and no row is in doubt for a week. */
  teamsSends: 7,
  /** Teams form cards: an older form is refused as stale anyway. */
  teamsForms: 30,
  /** Where channel messages were posted: dialogues end within weeks, their boards with them. */
  postedMessages: 180,
  /**
   * Who changed roles, and who made a register extract or an erasure: two years, so this and
   * last year's changes can always be checked (who could read which unit's summaries when).
   */
  auditLog: 730,
} as const;

export type LifetimeResult = Record<
  keyof typeof LIFETIME_DAYS | 'summaryFiles' | 'retiredPrivateCards',
  number
>;

/**
 * Applies every lifetime rule at `now`: deletes (or strips) what has outlived its purpose,
 * then vacuums what it deleted from. Idempotent and safe on several instances at once: each
 * rule is one statement that deletes rows past a fixed age.
 */
export async function applyLifetimes(
  db: Database,
  options: { now: Date },
): Promise<LifetimeResult> {
  const before = (days: number) => new Date(options.now.getTime() - days * DAY_MS);
  const result: LifetimeResult = {
    localMessages: await deleteLocalMessagesBefore(db, {
      before: before(LIFETIME_DAYS.localMessages),
    }),
    outboxRow: await deleteDoneOutboxBefore(db, { before: before(LIFETIME_DAYS.outboxRow) }),
    outboxContent: await stripDoneOutboxBefore(db, { before: before(LIFETIME_DAYS.outboxContent) }),
    teamsSends: await deleteTeamsSendsBefore(db, { before: before(LIFETIME_DAYS.teamsSends) }),
    teamsForms: await deleteTeamsFormsBefore(db, { before: before(LIFETIME_DAYS.teamsForms) }),
    postedMessages: await deletePostedMessagesBefore(db, {
      before: before(LIFETIME_DAYS.postedMessages),
    }),
    summaryFiles: await deleteExpiredSummaryFiles(db, { now: options.now }),
    // Not by age: a private card goes once its phase is over and it has been retired.
    retiredPrivateCards: await deleteRetiredPrivateCards(db),
    auditLog: await deleteAuditLogBefore(db, { before: before(LIFETIME_DAYS.auditLog) }),
  };
  // An erasure from chat ran inside its request's transaction, where VACUUM cannot: its
  // tables are vacuumed here, cheaply when nothing is dead.
  await vacuumTables(db, [...new Set([...touchedTables(result), ...ERASED_TABLES])]);
  return result;
}

const TABLE_OF: Record<keyof LifetimeResult, string> = {
  localMessages: 'local_messages',
  outboxContent: 'outbox',
  outboxRow: 'outbox',
  teamsSends: 'teams_sends',
  teamsForms: 'teams_forms',
  postedMessages: 'posted_messages',
  summaryFiles: 'summary_files',
  retiredPrivateCards: 'posted_messages',
  auditLog: 'audit_log',
};

const touchedTables = (result: LifetimeResult): string[] => [
  ...new Set(
    (Object.keys(result) as (keyof LifetimeResult)[])
      .filter((rule) => result[rule] > 0)
      .map((rule) => TABLE_OF[rule]),
  ),
];

/**
 * The daily tick: every instance applies the lifetimes once per calendar day (UTC) of its
 * clock, at the first minute it runs that day. Several instances doing so at once is safe
 * (see applyLifetimes); a day the bot was down is caught up the next.
 */
export function lifetimeTick(): Tick {
  let lastDay: string | null = null;
  return {
    name: 'privacy-lifetimes',
    run: async ({ db, now }) => {
      const day = now.toISOString().slice(0, 10);
      if (day === lastDay) return;
      await applyLifetimes(db, { now });
      lastDay = day;
    },
  };
}
