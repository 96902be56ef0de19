import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  type DialogueKind,
  type DialogueSettings,
  dialogues,
  type Language,
  type Platform,
} from '../schema/index.js';

export type Dialogue = typeof dialogues.$inferSelect;

export type NewDialogue = {
  kind: DialogueKind;
  unitId: string;
  platform: Platform;
  workspace: string;
  channelId: string;
  topic: string;
  phase: string;
  deadline: Date | null;
  settings: DialogueSettings;
  lang: Language;
  alongside: boolean;
  startedBy: string;
  now: Date;
};

/**
 * Starts a dialogue; null when the channel already has an open one of this kind that the new
 * one may not stand beside (the partial unique index decides, so a race cannot make two).
 */
export async function createDialogue(db: Database, params: NewDialogue): Promise<Dialogue | null> {
  const { now, ...values } = params;
  const [row] = await db
    .insert(dialogues)
    .values({ ...values, createdAt: now })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function getDialogue(
  db: Database,
  params: { dialogueId: string },
): Promise<Dialogue | null> {
  const [row] = await db.select().from(dialogues).where(eq(dialogues.id, params.dialogueId));
  return row ?? null;
}

/** Open dialogues of a kind in one channel, oldest first. */
export async function listOpenDialoguesInChannel(
  db: Database,
  params: { kind: DialogueKind; platform: Platform; workspace: string; channelId: string },
): Promise<Dialogue[]> {
  return db
    .select()
    .from(dialogues)
    .where(
      and(
        eq(dialogues.kind, params.kind),
        eq(dialogues.platform, params.platform),
        eq(dialogues.workspace, params.workspace),
        eq(dialogues.channelId, params.channelId),
        isNull(dialogues.closedAt),
      ),
    )
    .orderBy(asc(dialogues.createdAt));
}

/** Open dialogues of a kind whose current phase has passed its deadline. */
export async function listDueDialogues(
  db: Database,
  params: { kind: DialogueKind; now: Date },
): Promise<Dialogue[]> {
  return db
    .select()
    .from(dialogues)
    .where(
      and(
        eq(dialogues.kind, params.kind),
        isNull(dialogues.closedAt),
        lte(dialogues.deadline, params.now),
      ),
    )
    .orderBy(asc(dialogues.deadline));
}

/**
 * Moves a dialogue from one phase to the next, only if it is still in `from`: of two people
 * (or a person and the scheduler) moving it at once, exactly one succeeds. Returns the updated
 * dialogue, or null when someone else moved it first.
 */
export async function changePhase(
  db: Database,
  params: {
    dialogueId: string;
    from: string;
    to: string;
    deadline: Date | null;
    closedAt?: Date | null;
  },
): Promise<Dialogue | null> {
  const [row] = await db
    .update(dialogues)
    .set({ phase: params.to, deadline: params.deadline, closedAt: params.closedAt ?? null })
    .where(
      and(
        eq(dialogues.id, params.dialogueId),
        eq(dialogues.phase, params.from),
        isNull(dialogues.closedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Takes a shared lock on the dialogue while it is in one of `phases`, for the rest of the
 * transaction: many people may add or vote at once, but a phase change waits until they are
 * done, so nothing lands in a phase that has already ended. Null when it is in another phase.
 */
export async function lockDialogueInPhase(
  tx: Database,
  params: { dialogueId: string; phases: string[] },
): Promise<Dialogue | null> {
  const [row] = await tx
    .select()
    .from(dialogues)
    .where(and(eq(dialogues.id, params.dialogueId), isNull(dialogues.closedAt)))
    .for('share');
  if (!row || !params.phases.includes(row.phase)) return null;
  return row;
}
