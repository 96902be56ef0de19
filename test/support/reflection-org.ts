import type { RequestContext, Settings } from '../../dialogues/core/context.js';
import type { Inbound } from '../../dialogues/core/inbound.js';
import { createInboundHandler } from '../../dialogues/handle-inbound.js';
import type { Database } from '../../store/database.js';
import { createPersonWithIdentity, type Person, setRole } from '../../store/queries/people.js';
import { createUnit, linkChannel, type Unit } from '../../store/queries/units.js';
import type { Role } from '../../store/schema/index.js';

export const TEAM = 'T0REFLECT';
export const settings: Settings = {
  defaultLang: 'sv',
  defaultTimezone: 'Europe/Stockholm',
  anonymityThreshold: 5,
  publicUrl: null,
};

export interface ReflectionOrg {
  unit: Unit;
  channelId: string;
  manager: Person;
  members: Person[];
}

/** A unit (linked to a channel) with a manager and `count` members, each with a Slack login. */
export async function createReflectionOrg(
  db: Database,
  params: { key: string; count: number },
): Promise<ReflectionOrg> {
  const unit = await createUnit(db, {
    key: params.key,
    name: `Enhet ${params.key}`,
    level: 'unit',
    parentId: null,
  });
  const channelId = `C${params.key.toUpperCase()}`;
  await linkChannel(db, { platform: 'slack', workspace: TEAM, channelId, unitId: unit.id });
  const manager = await addPerson(db, unit, `${params.key}-chef`, 'manager');
  const members: Person[] = [];
  for (let i = 0; i < params.count; i++) {
    members.push(await addPerson(db, unit, `${params.key}-m${i}`, 'member'));
  }
  return { unit, channelId, manager, members };
}

export async function addPerson(
  db: Database,
  unit: Unit,
  key: string,
  role: Role,
): Promise<Person> {
  const person = await createPersonWithIdentity(db, {
    key,
    name: key,
    identity: { platform: 'slack', workspace: TEAM, externalId: userIdOf(key) },
  });
  await setRole(db, { personId: person.id, unitId: unit.id, role });
  return person;
}

export const userIdOf = (key: string): string => `U${key.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

const handle = createInboundHandler();

/** Sends what a person does through the real router, as a channel would. */
export function send(
  db: Database,
  params: { person: Person; now: Date; channelId?: string | null; threshold?: number },
  inbound: Inbound,
) {
  const ctx: RequestContext = {
    db,
    now: params.now,
    settings: { ...settings, anonymityThreshold: params.threshold ?? settings.anonymityThreshold },
    caller: { platform: 'slack', workspace: TEAM, externalId: userIdOf(params.person.key) },
    place: { platform: 'slack', workspace: TEAM, channelId: params.channelId ?? null },
    directory: { displayName: async () => null },
  };
  return handle(ctx, inbound);
}
