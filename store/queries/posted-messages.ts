import { and, eq } from 'drizzle-orm';
import type { Database } from '../database.js';
import { type Platform, postedMessages } from '../schema/index.js';

export type PostedMessage = typeof postedMessages.$inferSelect;

export async function rememberPostedMessage(
  db: Database,
  params: Omit<PostedMessage, 'postedAt'>,
): Promise<void> {
  await db
    .insert(postedMessages)
    .values(params)
    .onConflictDoUpdate({
      target: [
        postedMessages.key,
        postedMessages.platform,
        postedMessages.workspace,
        postedMessages.channelId,
      ],
      set: { messageId: params.messageId, postedAt: new Date() },
    });
}

/** Where the message with this key was posted on one platform (every channel it is in). */
export async function findPostedMessages(
  db: Database,
  params: { key: string; platform: Platform },
): Promise<PostedMessage[]> {
  return db
    .select()
    .from(postedMessages)
    .where(and(eq(postedMessages.key, params.key), eq(postedMessages.platform, params.platform)));
}
