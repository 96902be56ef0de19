import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  identities,
  type Language,
  type OutboxStatus,
  outbox,
  outboxStatuses,
  type Platform,
  people,
  type StoredView,
} from '../schema/index.js';
import { recordPostedPlaces } from './message-updates.js';
import { uuidList } from './summary-sql.js';

export type OutboxRow = typeof outbox.$inferSelect;

/** Who an outbox message is for: a person (on their preferred platform) or a channel. */
export type OutboxTarget =
  | { kind: 'person'; personId: string }
  | { kind: 'channel'; platform: Platform; workspace: string; channelId: string };

export interface OutboxMessage {
  /** Unique idempotency key, e.g. `reflection-prompt:<round>:<person>`. */
  key: string;
  target: OutboxTarget;
  view: StoredView;
  /**
   * Not delivered before this instant: the use case's `now` for "as soon as possible". Always
   * from the application's clock, never the database's, so a clock moved by the local
   * channel's time travel (or a test's fixed clock) and the sender agree on what is due.
   */
  notBefore: Date;
  /**
   * It may be changed later (enqueueMessageUpdate): where it went is kept in posted_messages.
   * Leave it out for a message that never changes, so its address goes after a week.
   */
  updatable?: boolean;
}

/**
 * Schedules a message. Call it with the transaction of the change that caused it, so both
 * happen or neither does. True when the row was created; false when the key already had one
 * (then nothing changes: the first message stands).
 */
export async function enqueueOutbox(db: Database, message: OutboxMessage): Promise<boolean> {
  return (await enqueueOutboxMany(db, [message])) === 1;
}

/** Many messages in few statements (a reflection round for thousands); returns rows created. */
export async function enqueueOutboxMany(
  db: Database,
  messages: readonly OutboxMessage[],
): Promise<number> {
  let created = 0;
  for (let start = 0; start < messages.length; start += ENQUEUE_CHUNK) {
    const rows = messages.slice(start, start + ENQUEUE_CHUNK).map(toRow);
    const inserted = await db
      .insert(outbox)
      .values(rows)
      .onConflictDoNothing({ target: outbox.key })
      .returning({ id: outbox.id });
    created += inserted.length;
  }
  return created;
}

/** Keeps each insert well under Postgres's 65,535 bind parameters. */
const ENQUEUE_CHUNK = 1_000;

function toRow(message: OutboxMessage): typeof outbox.$inferInsert {
  const { target } = message;
  const place =
    target.kind === 'person'
      ? { personId: target.personId, targetKey: `person:${target.personId}` }
      : {
          platform: target.platform,
          workspace: target.workspace,
          channelId: target.channelId,
          targetKey: `${target.platform}:${target.workspace}:${target.channelId}`,
        };
  return {
    key: message.key,
    view: message.view,
    ...place,
    notBefore: message.notBefore,
    updatable: message.updatable ?? false,
  };
}

/** One message to one place a second at most: Slack's per-channel pace for chat.postMessage. */
const SAME_TARGET_GAP = '1 second';

/**
 * Claims up to `limit` due rows for one worker: queued rows whose time has come, and rows
 * whose sender's lease ran out (marked in doubt: that sender may have delivered before it
 * died). `FOR UPDATE SKIP LOCKED` lets several instances claim at once without waiting on or
 * taking each other's rows; the lease keeps a claimed row theirs after this statement.
 * Per target, at most one row is on its way at a time, and the next is claimed a second
 * after the last one was sent (markSentMany stamps `last_attempt_at` then), so messages to
 * one channel are at least a second apart across all instances. An update row is its own
 * target: one message's updates are a second apart, and the views that came in between are
 * never sent (only the newest waits in the row).
 */
export async function claimDue(
  db: Database,
  params: {
    workerId: string;
    now: Date;
    leaseMs: number;
    limit: number;
    /** Rows the worker is still working on: their lease may have run out, they are not lost. */
    excludeIds?: readonly string[];
    /** Only rows with these keys (a request's board updates, delivered at once). */
    keys?: readonly string[];
  },
): Promise<OutboxRow[]> {
  const now = sql`${params.now.toISOString()}::timestamptz`;
  const leaseUntil = new Date(params.now.getTime() + params.leaseMs);
  const lockedDue = sql`
    select o.id from outbox o
    where ((o.status = 'queued' and o.not_before <= ${now})
        or (o.status = 'sending' and o.lease_until <= ${now}))
      ${excluding(params.excludeIds ?? [])}
      ${params.keys ? keyIn(params.keys) : sql``}
      and (o.kind = 'post' or o.last_attempt_at is null
        or o.last_attempt_at <= ${now} - interval '${sql.raw(SAME_TARGET_GAP)}')
      and not exists (
        select 1 from outbox r
        where r.target_key = o.target_key and r.id <> o.id
          and (r.status = 'sending'
            or r.last_attempt_at > ${now} - interval '${sql.raw(SAME_TARGET_GAP)}'))
    order by o.not_before, o.id
    limit ${params.limit}
    for update of o skip locked`;
  const firstPerTarget = sql`
    select id from (
      select id, row_number() over (partition by target_key order by not_before, id) as n
      from outbox where id in (${lockedDue})
    ) ranked where n = 1`;
  return db
    .update(outbox)
    .set({
      status: 'sending',
      leaseOwner: params.workerId,
      leaseUntil,
      attempts: sql`${outbox.attempts} + 1`,
      firstAttemptAt: sql`coalesce(${outbox.firstAttemptAt}, ${now})`,
      lastAttemptAt: params.now,
      inDoubt: sql`${outbox.inDoubt} or ${outbox.status} = 'sending'`,
    })
    .where(sql`${outbox.id} in (${firstPerTarget})`)
    .returning();
}

/**
 * Lists go as one bound parameter, not one per element: the statement's text stays the same
 * whatever the count, so it is prepared once (store/named-statements.ts), and drizzle does
 * not build hundreds of SQL chunks for every claim.
 */
const excluding = (ids: readonly string[]) =>
  ids.length === 0 ? sql`` : sql`and o.id not in (select unnest(${uuidList(ids)}))`;

/** Keys are any text (commas too): a JSON array of them. */
const keyIn = (keys: readonly string[]) =>
  sql`and o.key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`;

/** The worker's own claim, still held: a row whose lease passed to another changes no more. */
export const heldBy = (id: string, workerId: string) =>
  and(eq(outbox.id, id), eq(outbox.leaseOwner, workerId), eq(outbox.status, 'sending'));

/** Keeps a claim alive for a row still waiting to be sent; false when it was lost. */
export async function renewLease(
  db: Database,
  params: { id: string; workerId: string; leaseUntil: Date },
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ leaseUntil: params.leaseUntil })
    .where(heldBy(params.id, params.workerId))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

export interface SentRow {
  id: string;
  platform: Platform;
  workspace: string;
  channelId: string;
  messageId: string;
}

/**
 * Marks many delivered rows sent in one statement (one commit instead of one per message, the
 * sender's main cost at thousands a second). Returns the ids it marked: a row missing from the
 * answer had passed to another worker, which will find the message and mark it itself.
 */
export async function markSentMany(
  db: Database,
  params: { workerId: string; now: Date; rows: readonly SentRow[] },
): Promise<Set<string>> {
  if (params.rows.length === 0) return new Set();
  // One JSON parameter for all the rows (see `excluding`): hundreds of rows a second.
  const values = JSON.stringify(
    params.rows.map((r) => ({
      id: r.id,
      platform: r.platform,
      workspace: r.workspace,
      channel_id: r.channelId,
      message_id: r.messageId,
    })),
  );
  const marked = await db
    .update(outbox)
    .set({
      status: 'sent',
      sentAt: params.now,
      lastAttemptAt: params.now,
      sentPlatform: sql`v.platform`,
      sentWorkspace: sql`v.workspace`,
      sentChannelId: sql`v.channel_id`,
      messageId: sql`v.message_id`,
      leaseOwner: null,
      leaseUntil: null,
      inDoubt: false,
    })
    .from(
      sql`jsonb_to_recordset(${values}::jsonb)
        as v(id uuid, platform platform, workspace text, channel_id text, message_id text)`,
    )
    .where(
      and(
        sql`${outbox.id} = v.id`,
        eq(outbox.leaseOwner, params.workerId),
        eq(outbox.status, 'sending'),
      ),
    )
    .returning({
      id: outbox.id,
      key: outbox.key,
      platform: outbox.sentPlatform,
      workspace: outbox.sentWorkspace,
      channelId: outbox.sentChannelId,
      messageId: outbox.messageId,
      updatable: outbox.updatable,
    });
  // Where each that may change went, in the one table of posted messages, for its updates.
  const places = marked.flatMap((m) =>
    m.updatable && m.platform && m.channelId && m.messageId
      ? [
          {
            key: m.key,
            platform: m.platform,
            workspace: m.workspace ?? '',
            channelId: m.channelId,
            messageId: m.messageId,
            postedAt: params.now,
          },
        ]
      : [],
  );
  await recordPostedPlaces(db, { places });
  return new Set(marked.map((m) => m.id));
}

/** Gives up on a row for good, visibly: `reason` is an error code such as `no-reachable-identity`. */
export async function markFailed(
  db: Database,
  params: { id: string; workerId: string; reason: string },
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'failed', lastError: params.reason, leaseOwner: null, leaseUntil: null })
    .where(heldBy(params.id, params.workerId))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

/**
 * Puts a claimed row back in the queue until `notBefore`. A failed attempt keeps its count
 * (the backoff grows, and the row gives up after enough); a postponement (rate limit, no
 * token yet) gives it back. `inDoubt` says whether the attempt may have been delivered.
 */
export async function reschedule(
  db: Database,
  params: {
    id: string;
    workerId: string;
    notBefore: Date;
    inDoubt: boolean;
    reason?: string;
    countAttempt: boolean;
  },
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({
      status: 'queued',
      notBefore: params.notBefore,
      inDoubt: params.inDoubt,
      leaseOwner: null,
      leaseUntil: null,
      ...(params.reason ? { lastError: params.reason } : {}),
      ...(params.countAttempt ? {} : { attempts: sql`${outbox.attempts} - 1` }),
    })
    .where(heldBy(params.id, params.workerId))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

export type OutboxCounts = Record<OutboxStatus, number>;

/** Rows per status, for `/tillit setup status` and `npm run outbox -- status`. */
export async function countOutboxByStatus(db: Database): Promise<OutboxCounts> {
  const rows = await db
    .select({ status: outbox.status, count: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.status);
  const counts = Object.fromEntries(outboxStatuses.map((s) => [s, 0])) as OutboxCounts;
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/**
 * When the queued row that has waited longest became due, or null when none is due: the
 * partial index on queued rows answers it without reading the sent ones (/metrics).
 */
export async function oldestDueOutbox(db: Database, params: { asOf: Date }): Promise<Date | null> {
  const [row] = await db
    .select({ due: sql<Date | string | null>`min(${outbox.notBefore})` })
    .from(outbox)
    .where(and(eq(outbox.status, 'queued'), lte(outbox.notBefore, params.asOf)));
  return row?.due ? new Date(row.due) : null;
}

export type FailedOutboxRow = Pick<OutboxRow, 'key' | 'lastError' | 'attempts' | 'createdAt'>;

/** The newest rows given up on, with why (for `npm run outbox -- failed`). */
export async function listFailedOutbox(
  db: Database,
  params: { limit: number },
): Promise<FailedOutboxRow[]> {
  return db
    .select({
      key: outbox.key,
      lastError: outbox.lastError,
      attempts: outbox.attempts,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(eq(outbox.status, 'failed'))
    .orderBy(desc(outbox.createdAt))
    .limit(params.limit);
}

/**
 * Puts failed rows back in the queue (all of them, or one by key) after the cause was fixed:
 * a fresh set of attempts, still looked for first if an attempt may have gone out.
 */
export async function requeueFailed(
  db: Database,
  params: { key?: string; now: Date },
): Promise<number> {
  const failed = eq(outbox.status, 'failed');
  const rows = await db
    .update(outbox)
    .set({ status: 'queued', attempts: 0, notBefore: params.now })
    .where(params.key ? and(failed, eq(outbox.key, params.key)) : failed)
    .returning({ id: outbox.id });
  return rows.length;
}

export async function getOutboxRow(
  db: Database,
  params: { key: string },
): Promise<OutboxRow | null> {
  const [row] = await db.select().from(outbox).where(eq(outbox.key, params.key));
  return row ?? null;
}

export type PersonIdentity = {
  personId: string;
  platform: Platform;
  workspace: string;
  externalId: string;
  /** The person's chosen language; null: the deployment's default. */
  lang: Language | null;
};

/** Every platform account of these people, in one query (a claimed batch's recipients). */
export async function listIdentitiesOfPeople(
  db: Database,
  params: { personIds: readonly string[] },
): Promise<PersonIdentity[]> {
  if (params.personIds.length === 0) return [];
  return db
    .select({
      personId: identities.personId,
      platform: identities.platform,
      workspace: identities.workspace,
      externalId: identities.externalId,
      lang: people.lang,
    })
    .from(identities)
    .innerJoin(people, eq(people.id, identities.personId))
    .where(inArray(identities.personId, [...params.personIds]));
}
