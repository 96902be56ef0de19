import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { selectRows } from '../raw-rows.js';
import { localMessages, outbox, postedMessages } from '../schema/index.js';
import { messageKeyOf, updateKeyOf } from './message-updates.js';
import { affected } from './reflection-round-forget.js';

/**
 * The lifetime rules' deletions, one statement each, all idempotent: a rule that has nothing
 * to do deletes nothing. The rules themselves (how long) live in dialogues/privacy/lifetimes.ts.
 */

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** The local page's messages (replies, inbox, echoes of commands) posted before `before`. */
export async function deleteLocalMessagesBefore(
  db: Database,
  params: { before: Date },
): Promise<number> {
  return affected(
    await db.execute(sql`delete from local_messages where posted_at < ${at(params.before)}`),
  );
}

/**
 * Outbox rows that are done (sent or failed) since before `before` lose what they said and
 * where it went: only the key (which keeps the message from being scheduled twice), the
 * person and the status stay. Rows still queued or being sent keep everything a retry or a
 * reconciliation needs.
 */
export async function stripDoneOutboxBefore(
  db: Database,
  params: { before: Date },
): Promise<number> {
  return affected(
    await db.execute(
      sql`update outbox set view = '{"summary":"","blocks":[]}'::jsonb, sent_workspace = null,
            sent_channel_id = null, message_id = null, last_error = null
          where status in ('sent', 'failed')
            and coalesce(sent_at, last_attempt_at, created_at) < ${at(params.before)}
            and (message_id is not null or view <> '{"summary":"","blocks":[]}'::jsonb)`,
    ),
  );
}

/** Outbox rows that are done and were created before `before`: gone altogether. */
export async function deleteDoneOutboxBefore(
  db: Database,
  params: { before: Date },
): Promise<number> {
  return affected(
    await db.execute(
      sql`delete from outbox where status in ('sent', 'failed')
          and created_at < ${at(params.before)}`,
    ),
  );
}

/** Teams send states older than `before` whose outbox row is no longer being sent. */
export async function deleteTeamsSendsBefore(
  db: Database,
  params: { before: Date },
): Promise<number> {
  return affected(
    await db.execute(
      sql`delete from teams_sends s where s.updated_at < ${at(params.before)}
          and not exists (select 1 from outbox o where o.key = s.key and o.status in ('queued', 'sending'))`,
    ),
  );
}

/** Teams form cards kept since before `before`: a form that old is refused anyway. */
export async function deleteTeamsFormsBefore(
  db: Database,
  params: { before: Date },
): Promise<number> {
  return affected(
    await db.execute(sql`delete from teams_forms where created_at < ${at(params.before)}`),
  );
}

/** Where messages were posted, for updates in place: forgotten once nothing updates them. */
export async function deletePostedMessagesBefore(
  db: Database,
  params: { before: Date },
): Promise<number> {
  return affected(
    await db.execute(sql`delete from posted_messages where posted_at < ${at(params.before)}`),
  );
}

/**
 * A dialogue's private cards of a phase that is over (a ballot, a "Tack! Din punkt …", a
 * risk sheet), once their retirement has been carried out: the local page's copy, where each
 * was posted, and the update that retired it. Each names its person and when they acted,
 * which is what could tie an unnamed item to its author; after the phase nothing needs them.
 * Returns rows deleted.
 */
export async function deleteRetiredPrivateCards(db: Database): Promise<number> {
  const retired = await selectRows<{ key: string }>(
    db,
    sql`select o.key from outbox o
        join dialogues d on d.id::text = split_part(o.key, ':', 3)
        where o.kind = 'update' and o.status = 'sent'
          and o.key like ${`${updateKeyOf('dialogue:')}%:private:%`}
          and (d.closed_at is not null or split_part(o.key, ':', 5) <> d.phase::text)`,
  );
  if (retired.length === 0) return 0;
  const cards = retired.map((row) => messageKeyOf(row));
  let deleted = 0;
  deleted += affected(await db.delete(localMessages).where(inArray(localMessages.key, cards)));
  deleted += affected(await db.delete(postedMessages).where(inArray(postedMessages.key, cards)));
  deleted += affected(
    await db.delete(outbox).where(
      inArray(
        outbox.key,
        retired.map((row) => row.key),
      ),
    ),
  );
  return deleted;
}

/** Summary pictures and exports past their expiry. */
export async function deleteExpiredSummaryFiles(
  db: Database,
  params: { now: Date },
): Promise<number> {
  return affected(
    await db.execute(sql`delete from summary_files where expires_at <= ${at(params.now)}`),
  );
}

/** Audit log entries older than `before`. */
export async function deleteAuditLogBefore(
  db: Database,
  params: { before: Date },
): Promise<number> {
  return affected(await db.execute(sql`delete from audit_log where at < ${at(params.before)}`));
}
