import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Database } from '../database.js';
import { preparedOnce } from '../prepared-once.js';
import { actions, people, units } from '../schema/index.js';
import type { ActionRow } from './actions.js';

export type ListedAction = ActionRow & { ownerName: string; unitName: string; timezone: string };

const listed = {
  action: actions,
  ownerName: people.name,
  unitName: units.name,
  timezone: units.timezone,
};

type Joined = { action: ActionRow; ownerName: string; unitName: string; timezone: string };
const flatten = (r: Joined): ListedAction => ({
  ...r.action,
  ownerName: r.ownerName,
  unitName: r.unitName,
  timezone: r.timezone,
});

function joinedActions(db: Database) {
  return db
    .select(listed)
    .from(actions)
    .innerJoin(people, eq(people.id, actions.ownerId))
    .innerJoin(units, eq(units.id, actions.unitId));
}

/**
 * A person's own actions as their list shows them (own-actions.ts splits them). Every click
 * in an action list reads it, so its SQL is built once (store/prepared-once.ts).
 */
export async function listOwnOpenAndDone(
  db: Database,
  params: { ownerId: string },
): Promise<ListedAction[]> {
  return (await ownOpenAndDone(db, params)).map(flatten);
}

const ownOpenAndDone = preparedOnce<{ ownerId: string }, Joined[]>('own-actions', (db, p) =>
  joinedActions(db).where(
    and(eq(actions.ownerId, p('ownerId')), inArray(actions.status, ['open', 'done'])),
  ),
);

/** The unit's open actions (optionally only those due by a date), earliest due first. */
export async function listOpenActionsOfUnit(
  db: Database,
  params: { unitId: string; dueBy?: string },
): Promise<ListedAction[]> {
  const conditions = [eq(actions.unitId, params.unitId), eq(actions.status, 'open')];
  if (params.dueBy) conditions.push(lte(actions.dueDate, params.dueBy));
  const rows = await joinedActions(db)
    .where(and(...conditions))
    .orderBy(asc(actions.dueDate), asc(actions.createdAt), asc(actions.id));
  return rows.map(flatten);
}

/** Done actions, latest done first: a person's (`ownerId`) or a unit's (`unitId`). */
export async function listDoneActions(
  db: Database,
  params: { ownerId: string } | { unitId: string },
): Promise<ListedAction[]> {
  const whose =
    'ownerId' in params ? eq(actions.ownerId, params.ownerId) : eq(actions.unitId, params.unitId);
  const rows = await joinedActions(db)
    .where(and(whose, eq(actions.status, 'done')))
    .orderBy(desc(actions.doneAt), asc(actions.id));
  return rows.map(flatten);
}
