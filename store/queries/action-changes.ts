import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  type ActionEffect,
  type ActionEventKind,
  actionEvents,
  actions,
  outbox,
} from '../schema/index.js';
import type { ActionRow } from './actions.js';

export type ActionEvent = typeof actionEvents.$inferSelect;

export async function getAction(
  db: Database,
  params: { actionId: string },
): Promise<ActionRow | null> {
  const [row] = await db.select().from(actions).where(eq(actions.id, params.actionId));
  return row ?? null;
}

/** The action, locked until the transaction ends: nudges and clicks on it take turns. */
export async function lockAction(
  db: Database,
  params: { actionId: string },
): Promise<ActionRow | null> {
  const [row] = await db
    .select()
    .from(actions)
    .where(eq(actions.id, params.actionId))
    .for('update');
  return row ?? null;
}

async function addEvent(
  db: Database,
  event: {
    actionId: string;
    kind: ActionEventKind;
    by: string | null;
    at: Date;
    reason?: string | null;
    fromDate?: string | null;
    toDate?: string | null;
  },
): Promise<void> {
  await db.insert(actionEvents).values(event);
}

type Change = { actionId: string; by: string; now: Date };

/**
 * Each change below applies only while the action is still open (done: while done), in one
 * statement, so two clicks at once change it once; null means it was no longer open.
 */
export async function markActionDone(db: Database, params: Change): Promise<ActionRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(actions)
      .set({ status: 'done', doneAt: params.now })
      .where(and(eq(actions.id, params.actionId), eq(actions.status, 'open')))
      .returning();
    if (!row) return null;
    await addEvent(tx, { actionId: row.id, kind: 'done', by: params.by, at: params.now });
    return row;
  });
}

export async function dropAction(
  db: Database,
  params: Change & { reason: string },
): Promise<ActionRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(actions)
      .set({ status: 'dropped' })
      .where(and(eq(actions.id, params.actionId), eq(actions.status, 'open')))
      .returning();
    if (!row) return null;
    await addEvent(tx, {
      actionId: row.id,
      kind: 'dropped',
      by: params.by,
      at: params.now,
      reason: params.reason,
    });
    return row;
  });
}

/** A new due date starts a new nudge cycle: the stages handled so far are forgotten. */
export async function rescheduleAction(
  db: Database,
  params: Change & { dueDate: string; reason: string },
): Promise<{ before: string; after: ActionRow } | null> {
  return db.transaction(async (tx) => {
    const current = await lockAction(tx, { actionId: params.actionId });
    if (current?.status !== 'open') return null;
    const [row] = await tx
      .update(actions)
      .set({
        dueDate: params.dueDate,
        dueRevision: sql`${actions.dueRevision} + 1`,
        dueSetAt: params.now,
        nudgedStage: null,
        escalated: false,
      })
      .where(eq(actions.id, params.actionId))
      .returning();
    await addEvent(tx, {
      actionId: current.id,
      kind: 'rescheduled',
      by: params.by,
      at: params.now,
      reason: params.reason,
      fromDate: current.dueDate,
      toDate: params.dueDate,
    });
    return { before: current.dueDate, after: row! };
  });
}

/**
 * Stores the answer to "had it the intended effect?" on a done action. A later answer (after a
 * check-in) replaces the earlier one on the action; every answer stays in the history.
 */
export async function recordEffect(
  db: Database,
  params: Change & { effect: ActionEffect },
): Promise<ActionRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(actions)
      .set({ effect: params.effect, effectAt: params.now })
      .where(and(eq(actions.id, params.actionId), eq(actions.status, 'done')))
      .returning();
    if (!row) return null;
    await addEvent(tx, {
      actionId: row.id,
      kind: 'effect',
      by: params.by,
      at: params.now,
      reason: params.effect,
    });
    return row;
  });
}

/** The optional short note beside the effect answer. */
export async function recordEffectNote(
  db: Database,
  params: Change & { note: string | null },
): Promise<ActionRow | null> {
  const [row] = await db
    .update(actions)
    .set({ effectNote: params.note })
    .where(and(eq(actions.id, params.actionId), eq(actions.status, 'done')))
    .returning();
  return row ?? null;
}

/** Counts a scheduled check-in on the action; the caller enqueues it in the same transaction. */
export async function recordCheckIn(
  db: Database,
  params: Change & { at: Date; maxCheckIns: number },
): Promise<ActionRow | null> {
  const [row] = await db
    .update(actions)
    .set({ checkIns: sql`${actions.checkIns} + 1`, checkInAt: params.at })
    .where(
      and(
        eq(actions.id, params.actionId),
        eq(actions.status, 'done'),
        sql`${actions.checkIns} < ${params.maxCheckIns}`,
      ),
    )
    .returning();
  if (!row) return null;
  await addEvent(db, {
    actionId: row.id,
    kind: 'check-in-scheduled',
    by: params.by,
    at: params.now,
  });
  return row;
}

/**
 * Takes back a scheduled message nobody has started to send (a check-in made moot by an earlier
 * answer). A row already claimed by a sender is left alone: it is on its way.
 */
export async function withdrawQueuedMessage(
  db: Database,
  params: { key: string },
): Promise<boolean> {
  const rows = await db
    .delete(outbox)
    .where(and(eq(outbox.key, params.key), eq(outbox.status, 'queued'), eq(outbox.attempts, 0)))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

export async function listActionEvents(
  db: Database,
  params: { actionId: string },
): Promise<ActionEvent[]> {
  return db
    .select()
    .from(actionEvents)
    .where(eq(actionEvents.actionId, params.actionId))
    .orderBy(asc(actionEvents.at), asc(actionEvents.id));
}
