import { like } from 'drizzle-orm';
import type { Database } from '../../store/database.js';
import { type ActionRow, createAction } from '../../store/queries/actions.js';
import type { Person } from '../../store/queries/people.js';
import { createUnit, linkChannel, type Unit } from '../../store/queries/units.js';
import { outbox } from '../../store/schema/index.js';
import { addPerson, TEAM } from './reflection-org.js';

export interface FollowUpOrg {
  department: Unit;
  unit: Unit;
  channelId: string;
  /** Manager of the department above the unit. */
  head: Person;
  manager: Person;
  members: Person[];
}

/** A department with a manager, and below it a unit (linked to a channel) with a manager and two members. */
export async function createFollowUpOrg(db: Database, key: string): Promise<FollowUpOrg> {
  const department = await createUnit(db, {
    key: `${key}-avd`,
    name: `Avdelning ${key}`,
    level: 'department',
    parentId: null,
  });
  const unit = await createUnit(db, {
    key,
    name: `Enhet ${key}`,
    level: 'unit',
    parentId: department.id,
  });
  const channelId = `C${key.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
  await linkChannel(db, { platform: 'slack', workspace: TEAM, channelId, unitId: unit.id });
  const head = await addPerson(db, department, `${key}-avdchef`, 'manager');
  const manager = await addPerson(db, unit, `${key}-chef`, 'manager');
  const members = [
    await addPerson(db, unit, `${key}-m1`, 'member'),
    await addPerson(db, unit, `${key}-m2`, 'member'),
  ];
  return { department, unit, channelId, head, manager, members };
}

export async function newAction(
  db: Database,
  params: { unit: Unit; owner: Person; by: Person; due: string; createdAt: Date; text?: string },
): Promise<ActionRow> {
  return createAction(db, {
    unitId: params.unit.id,
    text: params.text ?? `Åtgärd med förfallodag ${params.due}`,
    ownerId: params.owner.id,
    dueDate: params.due,
    sourceKind: 'manual',
    sourceDialogueId: null,
    sourceItemId: null,
    createdBy: params.by.id,
    now: params.createdAt,
  });
}

/** Outbox rows whose key names this id (an action, a unit, a self-check). */
export async function outboxRowsAbout(db: Database, id: string) {
  const rows = await db
    .select()
    .from(outbox)
    .where(like(outbox.key, `%${id}%`));
  return rows.sort((a, b) => a.key.localeCompare(b.key));
}
