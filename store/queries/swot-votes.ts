import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { swotBallots, swotVotes } from '../schema/index.js';

export type CastResult =
  | { ok: true; used: number; dots: number }
  | { ok: false; reason: 'no-votes-left' | 'item-full' };

/**
 * Casts one dot vote. Both limits are conditional increments on rows the database locks, and
 * check constraints on both tables back them up, so thirty clicks in the same second can never
 * give anyone more than their votes. Call inside a transaction: when the item is already full,
 * the ballot increment is undone before the transaction ends.
 */
export async function castSwotVote(
  tx: Database,
  params: {
    dialogueId: string;
    itemId: string;
    voterId: string;
    votesPerPerson: number;
    maxPerItem: number;
  },
): Promise<CastResult> {
  const [ballot] = await tx
    .insert(swotBallots)
    .values({
      dialogueId: params.dialogueId,
      voterId: params.voterId,
      used: 1,
      votesLimit: params.votesPerPerson,
    })
    .onConflictDoUpdate({
      target: [swotBallots.dialogueId, swotBallots.voterId],
      set: { used: sql`${swotBallots.used} + 1` },
      setWhere: sql`${swotBallots.used} < ${swotBallots.votesLimit}`,
    })
    .returning({ used: swotBallots.used });
  if (!ballot) return { ok: false, reason: 'no-votes-left' };
  const [vote] = await tx
    .insert(swotVotes)
    .values({
      itemId: params.itemId,
      voterId: params.voterId,
      dialogueId: params.dialogueId,
      dots: 1,
      maxPerItem: params.maxPerItem,
    })
    .onConflictDoUpdate({
      target: [swotVotes.itemId, swotVotes.voterId],
      set: { dots: sql`${swotVotes.dots} + 1` },
      setWhere: sql`${swotVotes.dots} < ${swotVotes.maxPerItem}`,
    })
    .returning({ dots: swotVotes.dots });
  if (!vote) {
    await giveBackOne(tx, params);
    return { ok: false, reason: 'item-full' };
  }
  return { ok: true, used: ballot.used, dots: vote.dots };
}

export type WithdrawResult = { ok: true; used: number; dots: number } | { ok: false };

/** Takes back one of the voter's dots on the item; call inside a transaction. */
export async function withdrawSwotVote(
  tx: Database,
  params: { dialogueId: string; itemId: string; voterId: string },
): Promise<WithdrawResult> {
  // Lock the ballot first, in the same order as casting, so the two never deadlock.
  const [ballot] = await tx
    .select({ used: swotBallots.used })
    .from(swotBallots)
    .where(
      and(eq(swotBallots.dialogueId, params.dialogueId), eq(swotBallots.voterId, params.voterId)),
    )
    .for('update');
  if (!ballot) return { ok: false };
  const [vote] = await tx
    .update(swotVotes)
    .set({ dots: sql`${swotVotes.dots} - 1` })
    .where(
      and(
        eq(swotVotes.itemId, params.itemId),
        eq(swotVotes.voterId, params.voterId),
        gt(swotVotes.dots, 0),
      ),
    )
    .returning({ dots: swotVotes.dots });
  if (!vote) return { ok: false };
  const used = await giveBackOne(tx, params);
  return { ok: true, used, dots: vote.dots };
}

async function giveBackOne(
  tx: Database,
  params: { dialogueId: string; voterId: string },
): Promise<number> {
  const [row] = await tx
    .update(swotBallots)
    .set({ used: sql`${swotBallots.used} - 1` })
    .where(
      and(eq(swotBallots.dialogueId, params.dialogueId), eq(swotBallots.voterId, params.voterId)),
    )
    .returning({ used: swotBallots.used });
  return row!.used;
}

/** Dots per item (items without votes are absent). */
export async function listVoteTotals(
  db: Database,
  params: { dialogueId: string },
): Promise<Map<string, number>> {
  const rows = await db
    .select({ itemId: swotVotes.itemId, total: sql<number>`sum(${swotVotes.dots})::int` })
    .from(swotVotes)
    .where(eq(swotVotes.dialogueId, params.dialogueId))
    .groupBy(swotVotes.itemId);
  return new Map(rows.map((r) => [r.itemId, Number(r.total)]));
}

export type VotesOfVoter = { used: number; perItem: Map<string, number> };

export async function listVotesOfVoter(
  db: Database,
  params: { dialogueId: string; voterId: string },
): Promise<VotesOfVoter> {
  const rows = await db
    .select({ itemId: swotVotes.itemId, dots: swotVotes.dots })
    .from(swotVotes)
    .where(and(eq(swotVotes.dialogueId, params.dialogueId), eq(swotVotes.voterId, params.voterId)));
  const perItem = new Map(rows.filter((r) => r.dots > 0).map((r) => [r.itemId, r.dots]));
  const used = [...perItem.values()].reduce((sum, dots) => sum + dots, 0);
  return { used, perItem };
}

/** How many people have at least one vote in the dialogue, and how many dots in all. */
export async function countVoting(
  db: Database,
  params: { dialogueId: string },
): Promise<{ voters: number; dots: number }> {
  const [row] = await db
    .select({
      voters: sql<number>`count(*) filter (where ${swotBallots.used} > 0)::int`,
      dots: sql<number>`coalesce(sum(${swotBallots.used}), 0)::int`,
    })
    .from(swotBallots)
    .where(eq(swotBallots.dialogueId, params.dialogueId));
  return { voters: Number(row?.voters ?? 0), dots: Number(row?.dots ?? 0) };
}
