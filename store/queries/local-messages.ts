import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { type LocalStoredView, localMessages } from '../schema/index.js';

export type LocalMessage = typeof localMessages.$inferSelect;

/** How many messages a page poll returns at most: the newest ones. */
const PAGE_LIMIT = 200;

export interface NewLocalMessage {
  channelId: string | null;
  personId: string | null;
  authorId?: string | null;
  key?: string | null;
  view: LocalStoredView;
  postedAt: Date;
}

export async function postLocalMessage(
  db: Database,
  params: NewLocalMessage,
): Promise<LocalMessage> {
  if (params.channelId === null && params.personId === null) {
    throw new Error('A local message needs a channel or a person');
  }
  const [row] = await db
    .insert(localMessages)
    .values({
      channelId: params.channelId,
      personId: params.personId,
      authorId: params.authorId ?? null,
      key: params.key ?? null,
      view: params.view,
      postedAt: params.postedAt,
    })
    .returning();
  return row!;
}

/** A message in the person's inbox (a prompt, a nudge): seen by them alone, in no channel. */
export async function addInboxMessage(
  db: Database,
  params: { personId: string; view: LocalStoredView; postedAt: Date; key?: string | null },
): Promise<LocalMessage> {
  return postLocalMessage(db, { ...params, channelId: null });
}

/** A message's new view: its version goes up, so every viewer's next poll redraws it. */
const newVersion = (view: LocalStoredView) => ({
  view,
  version: sql`${localMessages.version} + 1`,
  updatedAt: new Date(),
});

/** Replaces the view of one message by id (an outbox update); false when it is gone. */
export async function replaceLocalMessage(
  db: Database,
  params: { id: string; view: LocalStoredView },
): Promise<boolean> {
  const rows = await db
    .update(localMessages)
    .set(newVersion(params.view))
    .where(eq(localMessages.id, params.id))
    .returning({ id: localMessages.id });
  return rows.length > 0;
}

/** What one person sees in a channel: its messages plus their own private ones, oldest first. */
export async function listChannelMessages(
  db: Database,
  params: { channelId: string; personId: string },
): Promise<LocalMessage[]> {
  const newest = await db
    .select()
    .from(localMessages)
    .where(
      and(
        eq(localMessages.channelId, params.channelId),
        or(isNull(localMessages.personId), eq(localMessages.personId, params.personId)),
      ),
    )
    .orderBy(desc(localMessages.seq))
    .limit(PAGE_LIMIT);
  return newest.reverse();
}

/** The person's inbox, oldest first. */
export async function listInbox(
  db: Database,
  params: { personId: string },
): Promise<LocalMessage[]> {
  const newest = await db
    .select()
    .from(localMessages)
    .where(and(eq(localMessages.personId, params.personId), isNull(localMessages.channelId)))
    .orderBy(desc(localMessages.seq))
    .limit(PAGE_LIMIT);
  return newest.reverse();
}

/** Every message with this key (tests, and a deliverer that must not post twice). */
export async function findLocalMessagesByKey(
  db: Database,
  params: { key: string },
): Promise<LocalMessage[]> {
  return db
    .select()
    .from(localMessages)
    .where(eq(localMessages.key, params.key))
    .orderBy(asc(localMessages.seq));
}

/**
 * Replaces the view of one message only this person sees (a ballot, a nudge, a prompt in their
 * inbox), keeping its place; false when it is not theirs alone, or gone.
 */
export async function replaceOwnLocalMessage(
  db: Database,
  params: { id: string; personId: string; view: LocalStoredView },
): Promise<boolean> {
  const rows = await db
    .update(localMessages)
    .set(newVersion(params.view))
    .where(
      and(
        eq(localMessages.id, params.id),
        eq(localMessages.personId, params.personId),
        isNull(localMessages.authorId),
      ),
    )
    .returning({ id: localMessages.id });
  return rows.length > 0;
}
