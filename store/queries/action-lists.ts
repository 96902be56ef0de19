import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '../database.js';
import { type ActionStatus, actions, people, units } from '../schema/index.js';
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

/** A person's actions with these statuses, earliest due first. */
export async function listActionsOfOwner(
  db: Database,
  params: { ownerId: string; statuses: ActionStatus[] },
): Promise<ListedAction[]> {
  const rows = await joinedActions(db)
    .where(and(eq(actions.ownerId, params.ownerId), inArray(actions.status, params.statuses)))
    .orderBy(asc(actions.dueDate), asc(actions.createdAt), asc(actions.id));
  return rows.map(flatten);
}

/** A person's done actions whose effect nobody has answered yet, done since `since`. */
export async function listDoneWithoutEffect(
  db: Database,
  params: { ownerId: string; since: Date },
): Promise<ListedAction[]> {
  const rows = await joinedActions(db)
    .where(
      and(
        eq(actions.ownerId, params.ownerId),
        eq(actions.status, 'done'),
        isNull(actions.effect),
        gte(actions.doneAt, params.since),
      ),
    )
    .orderBy(asc(actions.doneAt), asc(actions.id));
  return rows.map(flatten);
}

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
