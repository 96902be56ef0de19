import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  channelLinks,
  identities,
  type Language,
  memberships,
  type Platform,
  people,
  type Role,
  type UnitLevel,
  units,
} from '../schema/index.js';

export interface PersonOnPlatform {
  personId: string;
  /** The person's account on the platform (the local channel uses the person key). */
  externalId: string;
  name: string;
  isAdmin: boolean;
  lang: Language | null;
  roles: { unitKey: string; unitName: string; role: Role }[];
}

/** Active people with an account on the platform, with their roles, by name. */
export async function listPeopleOnPlatform(
  db: Database,
  params: { platform: Platform; workspace: string },
): Promise<PersonOnPlatform[]> {
  const rows = await db
    .select({
      personId: people.id,
      externalId: identities.externalId,
      name: people.name,
      isAdmin: people.isAdmin,
      lang: people.lang,
    })
    .from(identities)
    .innerJoin(people, eq(people.id, identities.personId))
    .where(
      and(
        eq(identities.platform, params.platform),
        eq(identities.workspace, params.workspace),
        eq(people.active, true),
      ),
    )
    .orderBy(asc(people.name));
  const roles = await db
    .select({
      personId: memberships.personId,
      unitKey: units.key,
      unitName: units.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(eq(units.active, true))
    .orderBy(asc(units.name));
  return rows.map((row) => ({
    ...row,
    roles: roles
      .filter((r) => r.personId === row.personId)
      .map(({ unitKey, unitName, role }) => ({ unitKey, unitName, role })),
  }));
}

export interface ChannelOnPlatform {
  channelId: string;
  unitKey: string;
  unitName: string;
  level: UnitLevel;
}

/** Channels of the platform that belong to an active unit, by unit name. */
export async function listChannelsOnPlatform(
  db: Database,
  params: { platform: Platform; workspace: string },
): Promise<ChannelOnPlatform[]> {
  return db
    .select({
      channelId: channelLinks.channelId,
      unitKey: units.key,
      unitName: units.name,
      level: units.level,
    })
    .from(channelLinks)
    .innerJoin(units, eq(units.id, channelLinks.unitId))
    .where(
      and(
        eq(channelLinks.platform, params.platform),
        eq(channelLinks.workspace, params.workspace),
        eq(units.active, true),
      ),
    )
    .orderBy(asc(units.name));
}

/** True once any unit exists, active or not: the organisation has been set up. */
export async function hasAnyUnit(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: units.id }).from(units).limit(1);
  return row !== undefined;
}
