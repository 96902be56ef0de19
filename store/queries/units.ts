import { and, eq, type SQLWrapper, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { selectRows } from '../raw-rows.js';
import { channelLinks, type Platform, type UnitLevel, units } from '../schema/index.js';

export type Unit = typeof units.$inferSelect;
export type UnitInTree = Pick<Unit, 'id' | 'key' | 'name' | 'level' | 'parentId'> & {
  depth: number;
};

export async function findUnitByKey(db: Database, params: { key: string }): Promise<Unit | null> {
  const [unit] = await db.select().from(units).where(eq(units.key, params.key));
  return unit ?? null;
}

export async function getUnit(db: Database, params: { unitId: string }): Promise<Unit | null> {
  const [unit] = await db.select().from(units).where(eq(units.id, params.unitId));
  return unit ?? null;
}

type TreeRow = {
  id: string;
  key: string;
  name: string;
  level: UnitLevel;
  parent_id: string | null;
  depth: number;
};

const toUnitInTree = (row: TreeRow): UnitInTree => ({
  id: row.id,
  key: row.key,
  name: row.name,
  level: row.level,
  parentId: row.parent_id,
  depth: Number(row.depth),
});

/** The unit and every active unit below it, parents before children (depth 0 is the unit). */
export async function listSubtree(db: Database, params: { unitId: string }): Promise<UnitInTree[]> {
  const rows = await selectRows<TreeRow>(
    db,
    sql`with recursive tree as (
          select id, key, name, level, parent_id, 0 as depth from units where id = ${params.unitId}
          union all
          select u.id, u.key, u.name, u.level, u.parent_id, tree.depth + 1
          from units u join tree on u.parent_id = tree.id
          where u.active
        )
        select * from tree order by depth, name`,
  );
  return rows.map(toUnitInTree);
}

/** The unit's parent, grandparent, … up to the root (depth 1 is the parent). */
export async function listAncestors(
  db: Database,
  params: { unitId: string },
): Promise<UnitInTree[]> {
  const rows = await selectRows<TreeRow>(
    db,
    sql`with recursive chain as (
          select id, key, name, level, parent_id, 0 as depth from units where id = ${params.unitId}
          union all
          select u.id, u.key, u.name, u.level, u.parent_id, chain.depth + 1
          from units u join chain on u.id = chain.parent_id
        )
        select * from chain where depth > 0 order by depth`,
  );
  return rows.map(toUnitInTree);
}

export type ChannelRef = { platform: Platform; workspace: string; channelId: string };

/** Each field a value, or a placeholder for one (store/prepared-once.ts). */
export type ValuesOrPlaceholders<T> = { [K in keyof T]: T[K] | SQLWrapper };

/** The channel_links row of this chat channel (at most one: it is the table's key). */
export const channelIs = (channel: ValuesOrPlaceholders<ChannelRef>) =>
  and(
    eq(channelLinks.platform, channel.platform),
    eq(channelLinks.workspace, channel.workspace),
    eq(channelLinks.channelId, channel.channelId),
  );

/** The unit a chat channel belongs to, or null when the channel is not linked. */
export async function findUnitForChannel(db: Database, params: ChannelRef): Promise<Unit | null> {
  const [row] = await db
    .select({ unit: units })
    .from(channelLinks)
    .innerJoin(units, eq(units.id, channelLinks.unitId))
    .where(channelIs(params));
  return row?.unit ?? null;
}

export async function listChannelsOfUnit(
  db: Database,
  params: { unitId: string },
): Promise<ChannelRef[]> {
  return db
    .select({
      platform: channelLinks.platform,
      workspace: channelLinks.workspace,
      channelId: channelLinks.channelId,
    })
    .from(channelLinks)
    .where(eq(channelLinks.unitId, params.unitId));
}

/** Links a channel to a unit; a channel belongs to one unit, so linking again moves it. */
export async function linkChannel(
  db: Database,
  params: ChannelRef & { unitId: string },
): Promise<void> {
  await db
    .insert(channelLinks)
    .values(params)
    .onConflictDoUpdate({
      target: [channelLinks.platform, channelLinks.workspace, channelLinks.channelId],
      set: { unitId: params.unitId },
    });
}

export type NewUnit = { key: string; name: string; level: UnitLevel; parentId: string | null };

export async function createUnit(db: Database, params: NewUnit): Promise<Unit> {
  const [unit] = await db.insert(units).values(params).returning();
  return unit!;
}

export async function listAllUnits(db: Database): Promise<Unit[]> {
  return db.select().from(units).where(eq(units.active, true)).orderBy(units.name);
}
