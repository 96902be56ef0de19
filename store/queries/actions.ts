import { asc, eq } from 'drizzle-orm';
import type { Database } from '../database.js';
import { type ActionSource, actions, people } from '../schema/index.js';

export type ActionRow = typeof actions.$inferSelect;

export type NewAction = {
  unitId: string;
  text: string;
  ownerId: string;
  /** YYYY-MM-DD */
  dueDate: string;
  sourceKind: ActionSource;
  sourceDialogueId: string | null;
  sourceItemId: string | null;
  createdBy: string;
  now: Date;
};

export async function createAction(db: Database, params: NewAction): Promise<ActionRow> {
  const { now, ...values } = params;
  const [row] = await db
    .insert(actions)
    .values({ ...values, createdAt: now })
    .returning();
  return row!;
}

export type ActionWithOwner = ActionRow & { ownerName: string };

/** The actions decided in one dialogue, in the order they were decided. */
export async function listActionsOfDialogue(
  db: Database,
  params: { dialogueId: string },
): Promise<ActionWithOwner[]> {
  const rows = await db
    .select({ action: actions, ownerName: people.name })
    .from(actions)
    .innerJoin(people, eq(people.id, actions.ownerId))
    .where(eq(actions.sourceDialogueId, params.dialogueId))
    .orderBy(asc(actions.createdAt), asc(actions.id));
  return rows.map((r) => ({ ...r.action, ownerName: r.ownerName }));
}
