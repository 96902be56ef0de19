import { and, asc, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { type PlaceholderFor, preparedOnce } from '../prepared-once.js';
import {
  channelLinks,
  identities,
  type Language,
  memberships,
  type Platform,
  people,
  type Role,
  units,
} from '../schema/index.js';
import { type ChannelRef, channelIs, type Unit, type ValuesOrPlaceholders } from './units.js';

export type Person = typeof people.$inferSelect;
export type Identity = { platform: Platform; workspace: string; externalId: string };

/**
 * The person behind a platform account. Teams AAD object ids are unique across tenants, so a
 * Teams identity stored without a tenant matches any tenant.
 */
export async function findPersonByIdentity(db: Database, params: Identity): Promise<Person | null> {
  const candidates = await db
    .select({ person: people, workspace: identities.workspace })
    .from(identities)
    .innerJoin(people, eq(people.id, identities.personId))
    .where(identityIs(params));
  return pickIdentity(candidates, params)?.person ?? null;
}

/**
 * The roles a person holds, in active units, by unit name: the one rule, as SQL, so the
 * request's first read (findAsker) and listRolesOfPerson cannot drift apart.
 */
const rolesOf = (personId: SQLWrapper) => sql<UnitRole[] | string>`coalesce((
  select json_agg(json_build_object('unitId', u.id, 'unitKey', u.key, 'unitName', u.name,
                                    'role', m.role) order by u.name)
  from memberships m join units u on u.id = m.unit_id
  where m.person_id = ${personId} and u.active), '[]'::json)`;

/** postgres.js and PGlite both parse json; a driver that does not hands over the text. */
const readRoles = (roles: UnitRole[] | string): UnitRole[] =>
  typeof roles === 'string' ? (JSON.parse(roles) as UnitRole[]) : roles;

/** What every request starts with: who asks, every role they hold, and where they ask. */
export interface Asker {
  person: Person;
  roles: UnitRole[];
  /** The unit of the channel asked in; null in a direct message or an unlinked channel. */
  channelUnit: Unit | null;
}

/**
 * The person behind a platform account, every role they hold and the unit of the channel they
 * ask in, in one statement: every request starts with it, and under a burst each statement
 * costs the server and the database (`npm run bench -- load`), so its SQL is built once.
 * Null for someone unknown.
 */
export async function findAsker(
  db: Database,
  params: { identity: Identity; channel: ChannelRef | null },
): Promise<Asker | null> {
  const { identity, channel } = params;
  const byIdentity = { platform: identity.platform, externalId: identity.externalId };
  const candidates = channel
    ? await askerInChannel(db, {
        ...byIdentity,
        channelPlatform: channel.platform,
        channelWorkspace: channel.workspace,
        channelId: channel.channelId,
      })
    : await askerAnywhere(db, byIdentity);
  const found = pickIdentity(candidates, identity);
  if (!found) return null;
  return { person: found.person, roles: readRoles(found.roles), channelUnit: found.channelUnit };
}

type ByIdentity = { platform: Platform; externalId: string };
type InChannel = ByIdentity & {
  channelPlatform: Platform;
  channelWorkspace: string;
  channelId: string;
};

const askerRows = <V extends ByIdentity>(
  db: Database,
  p: PlaceholderFor<V>,
  channel: SQL | undefined,
) =>
  db
    .select({
      person: people,
      workspace: identities.workspace,
      roles: rolesOf(people.id),
      channelUnit: units,
    })
    .from(identities)
    .innerJoin(people, eq(people.id, identities.personId))
    .leftJoin(channelLinks, channel ?? sql`false`)
    .leftJoin(units, eq(units.id, channelLinks.unitId))
    .where(identityIs({ platform: p('platform'), externalId: p('externalId') }));

const askerAnywhere = preparedOnce<ByIdentity, AskerRow[]>('asker', (db, p) =>
  askerRows(db, p, undefined),
);

const askerInChannel = preparedOnce<InChannel, AskerRow[]>('asker-in-channel', (db, p) =>
  askerRows(
    db,
    p,
    channelIs({
      platform: p('channelPlatform'),
      workspace: p('channelWorkspace'),
      channelId: p('channelId'),
    }),
  ),
);

type AskerRow = {
  person: Person;
  workspace: string;
  roles: UnitRole[] | string;
  channelUnit: Unit | null;
};

const identityIs = (params: ValuesOrPlaceholders<Omit<Identity, 'workspace'>>) =>
  and(eq(identities.platform, params.platform), eq(identities.externalId, params.externalId));

/** The exact workspace's identity, else (Teams) one stored without a tenant. */
function pickIdentity<T extends { workspace: string }>(candidates: T[], params: Identity) {
  const exact = candidates.find((c) => c.workspace === params.workspace);
  const anyTenant =
    params.platform === 'teams' ? candidates.find((c) => c.workspace === '') : undefined;
  return exact ?? anyTenant;
}

export async function getPerson(
  db: Database,
  params: { personId: string },
): Promise<Person | null> {
  const [person] = await db.select().from(people).where(eq(people.id, params.personId));
  return person ?? null;
}

export async function findPersonByKey(
  db: Database,
  params: { key: string },
): Promise<Person | null> {
  const [person] = await db.select().from(people).where(eq(people.key, params.key));
  return person ?? null;
}

export async function listIdentitiesOfPerson(
  db: Database,
  params: { personId: string },
): Promise<Identity[]> {
  return db
    .select({
      platform: identities.platform,
      workspace: identities.workspace,
      externalId: identities.externalId,
    })
    .from(identities)
    .where(eq(identities.personId, params.personId));
}

export type UnitRole = { unitId: string; unitKey: string; unitName: string; role: Role };

/** Every role a person holds, with the unit it is held in. */
export async function listRolesOfPerson(
  db: Database,
  params: { personId: string },
): Promise<UnitRole[]> {
  const [row] = await db
    // The id as a value: drizzle names a column without its table when a query has one table,
    // and inside the subquery a bare "id" would be the unit's.
    .select({ roles: rolesOf(sql`${params.personId}::uuid`) })
    .from(people)
    .where(eq(people.id, params.personId));
  return row ? readRoles(row.roles) : [];
}

export type UnitMember = { personId: string; name: string; role: Role; lang: Language | null };

/** Active people holding a role in the unit itself (not below it). */
export async function listMembers(
  db: Database,
  params: { unitId: string; role?: Role },
): Promise<UnitMember[]> {
  const conditions = [eq(memberships.unitId, params.unitId), eq(people.active, true)];
  if (params.role) conditions.push(eq(memberships.role, params.role));
  return db
    .select({ personId: people.id, name: people.name, role: memberships.role, lang: people.lang })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(...conditions))
    .orderBy(asc(people.name));
}

/** Gives the role; false when the person already held it (nothing changed). */
export async function setRole(
  db: Database,
  params: { personId: string; unitId: string; role: Role },
): Promise<boolean> {
  const added = await db.insert(memberships).values(params).onConflictDoNothing().returning();
  return added.length > 0;
}

export async function setLanguage(
  db: Database,
  params: { personId: string; lang: Language },
): Promise<void> {
  await db
    .update(people)
    .set({ lang: params.lang, updatedAt: new Date() })
    .where(eq(people.id, params.personId));
}

/** A person first met in chat (`setup role @someone …`), with the account they were named by. */
export async function createPersonWithIdentity(
  db: Database,
  params: { key: string; name: string; identity: Identity },
): Promise<Person> {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .insert(people)
      .values({ key: params.key, name: params.name })
      .returning();
    await tx.insert(identities).values({ ...params.identity, personId: person!.id });
    return person!;
  });
}

export async function countActivePeople(db: Database): Promise<number> {
  const rows = await db.select({ id: people.id }).from(people).where(eq(people.active, true));
  return rows.length;
}
