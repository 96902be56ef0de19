import { and, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { outbox, type Platform, postedMessages, type StoredView } from '../schema/index.js';
import { heldBy, type OutboxRow } from './outbox.js';

/**
 * Updates of messages already posted (boards, cards, notices): the one `update` row per
 * message in the outbox, carrying the newest view, and where each message landed
 * (posted_messages), so that every place ends showing the newest version. The queue itself
 * (claims, leases, sent, failed) is outbox.ts.
 */

/** The outbox key of the update row for the message posted under `messageKey`. */
export const updateKeyOf = (messageKey: string) => `update:${messageKey}`;
/** The message an update row is for. */
export const messageKeyOf = (row: Pick<OutboxRow, 'key'>) => row.key.slice('update:'.length);

/**
 * Asks for `view` to be shown in the message posted under `messageKey`, wherever it was posted
 * (posted_messages), on every platform. Call it with the transaction of the change the view
 * shows. One row per message: a newer view replaces a waiting one (the newest version wins,
 * older views are never sent), and a row already sent or given up on is queued again. A row
 * being sent keeps its claim; the sender queues it again when it finishes with an older
 * version (markUpdateDone). Returns the version taken.
 */
export async function enqueueMessageUpdate(
  db: Database,
  params: { messageKey: string; view: StoredView; now: Date },
): Promise<number> {
  const key = updateKeyOf(params.messageKey);
  const now = sql`${params.now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(outbox)
    .values({
      key,
      kind: 'update',
      version: sql`nextval('outbox_update_version')`,
      targetKey: key,
      view: params.view,
      notBefore: params.now,
    })
    .onConflictDoUpdate({
      target: outbox.key,
      set: {
        view: sql`excluded.view`,
        version: sql`excluded.version`,
        status: sql`case when ${outbox.status} = 'sending' then 'sending'::outbox_status else 'queued'::outbox_status end`,
        notBefore: sql`case when ${outbox.status} = 'sending' then ${outbox.notBefore} else ${now} end`,
        attempts: sql`case when ${outbox.status} = 'sending' then ${outbox.attempts} else 0 end`,
        lastError: sql`case when ${outbox.status} = 'sending' then ${outbox.lastError} else null end`,
      },
      setWhere: sql`${outbox.version} < excluded.version`,
    })
    .returning({ version: outbox.version });
  return Number(row?.version ?? 0);
}

/** One place a message was posted at (a row of posted_messages, without what it shows). */
export interface PlaceRef {
  platform: Platform;
  workspace: string;
  channelId: string;
}

/**
 * Finishes a claimed update row: sent when the version carried out is still the newest and
 * every place of the message shows it, or queued again at once when a newer view came, or a
 * place landed that the carrying out never saw (`seen`: the places it listed). That place is
 * a post that was on its way when the update was listed: nobody else would bring it the view.
 * The row is locked before the places are read, as recordPostedPlaces locks it before it adds
 * one: whichever comes second sees what the first did (a place, or a row marked sent).
 */
export async function markUpdateDone(
  db: Database,
  params: {
    id: string;
    workerId: string;
    version: number;
    now: Date;
    seen: readonly PlaceRef[];
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [held] = await tx
      .select({ key: outbox.key })
      .from(outbox)
      .where(heldBy(params.id, params.workerId))
      .for('update');
    if (!held) return false;
    const landed = await landedUnseen(tx, {
      key: messageKeyOf(held),
      version: params.version,
      seen: params.seen,
    });
    const done = landed ? sql`false` : sql`${outbox.version} = ${params.version}`;
    const rows = await tx
      .update(outbox)
      .set({
        status: sql`case when ${done} then 'sent'::outbox_status else 'queued'::outbox_status end`,
        sentAt: params.now,
        notBefore: params.now,
        leaseOwner: null,
        leaseUntil: null,
        inDoubt: false,
        lastError: null,
      })
      .where(heldBy(params.id, params.workerId))
      .returning({ id: outbox.id });
    return rows.length === 1;
  });
}

/** Whether the message landed somewhere, not showing `version` yet, that is not in `seen`. */
async function landedUnseen(
  db: Database,
  params: { key: string; version: number; seen: readonly PlaceRef[] },
): Promise<boolean> {
  const behind = await db
    .select({
      platform: postedMessages.platform,
      workspace: postedMessages.workspace,
      channelId: postedMessages.channelId,
    })
    .from(postedMessages)
    .where(
      and(eq(postedMessages.key, params.key), lt(postedMessages.appliedVersion, params.version)),
    );
  const placeId = (p: PlaceRef) => JSON.stringify([p.platform, p.workspace, p.channelId]);
  const seen = new Set(params.seen.map(placeId));
  return behind.some((p) => !seen.has(placeId(p)));
}

/** Of these outbox keys, those with a row that also meets `condition` (if given). */
async function keysWithRows(
  db: Database,
  keys: readonly string[],
  condition?: SQL,
): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select({ key: outbox.key })
    .from(outbox)
    .where(and(inArray(outbox.key, [...keys]), condition));
  return rows.map((r) => r.key);
}

/** Of these keys, those the outbox has a message (a post) for, sent or not. */
export async function listPostKeys(
  db: Database,
  params: { keys: readonly string[] },
): Promise<string[]> {
  return keysWithRows(db, params.keys, eq(outbox.kind, 'post'));
}

/** Of these message keys, those that have an update row (waiting, or carried out). */
export async function listUpdatedMessageKeys(
  db: Database,
  params: { messageKeys: readonly string[] },
): Promise<string[]> {
  const keys = await keysWithRows(db, params.messageKeys.map(updateKeyOf));
  return keys.map((key) => messageKeyOf({ key }));
}

/** Of these keys, those whose row is not finished yet (queued, or being sent). */
export async function listUnfinished(
  db: Database,
  params: { keys: readonly string[] },
): Promise<string[]> {
  return keysWithRows(db, params.keys, inArray(outbox.status, ['queued', 'sending']));
}

export type NewPlace = PlaceRef & { key: string; messageId: string; postedAt: Date };

/**
 * Records where messages landed (posted_messages), by the outbox sender or a channel replying,
 * and brings each the update that may already be waiting for it: a change that came while the
 * message was on its way (its update row carried out, or being carried out, with no place to
 * go). Per message, its update row is locked first, so one being carried out either finishes
 * before (it is sent, and queued again here) or sees the new place (markUpdateDone). One
 * message at a time: never two update rows held at once, so no lock order to get wrong.
 */
export async function recordPostedPlaces(
  db: Database,
  params: { places: readonly NewPlace[] },
): Promise<void> {
  for (const key of new Set(params.places.map((p) => p.key))) {
    const places = params.places.filter((p) => p.key === key);
    await db.transaction((tx) => recordPlacesOf(tx, { updateKey: updateKeyOf(key), places }));
  }
}

async function recordPlacesOf(
  db: Database,
  params: { updateKey: string; places: readonly NewPlace[] },
): Promise<void> {
  const { updateKey } = params;
  await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.key, updateKey)).for('update');
  await db
    .insert(postedMessages)
    .values([...params.places])
    .onConflictDoUpdate({
      target: [
        postedMessages.key,
        postedMessages.platform,
        postedMessages.workspace,
        postedMessages.channelId,
      ],
      set: { messageId: sql`excluded.message_id`, postedAt: sql`excluded.posted_at` },
    });
  // Only for a place behind it (a place recorded again, already showing it, needs nothing).
  // Its time stays: it was due when it was last claimed, by the clock that claimed it.
  await db
    .update(outbox)
    .set({ status: 'queued', attempts: 0 })
    .where(
      and(
        eq(outbox.key, updateKey),
        inArray(outbox.status, ['sent', 'failed']),
        sql`exists (select 1 from posted_messages p
          where 'update:' || p.key = ${outbox.key} and p.applied_version < ${outbox.version})`,
      ),
    );
}
