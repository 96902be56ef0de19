import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';
import { peerReviews, type ReviewPairSource, reviewPairs, units } from '../schema/index.js';

export type ReviewPair = typeof reviewPairs.$inferSelect;

/** The stored pair of a unit in a period (a tertial, `T3-2026`): who reviews its outcomes. */
export async function findPair(
  db: Database,
  params: { unitId: string; period: string },
): Promise<ReviewPair | null> {
  const [pair] = await db
    .select()
    .from(reviewPairs)
    .where(and(eq(reviewPairs.unitId, params.unitId), eq(reviewPairs.period, params.period)));
  return pair ?? null;
}

/**
 * Sets each unit's peer for the period, replacing whatever pair it had (a suggestion, an
 * admin's or the file's): one pair per unit and period. Returns the rows as they now are.
 */
export async function savePairs(
  db: Database,
  params: {
    period: string;
    source: ReviewPairSource;
    setBy: string | null;
    pairs: { unitId: string; peerUnitId: string }[];
  },
): Promise<ReviewPair[]> {
  if (params.pairs.length === 0) return [];
  return db
    .insert(reviewPairs)
    .values(
      params.pairs.map((p) => ({
        ...p,
        period: params.period,
        source: params.source,
        setBy: params.setBy,
      })),
    )
    .onConflictDoUpdate({
      target: [reviewPairs.unitId, reviewPairs.period],
      set: {
        peerUnitId: sql`excluded.peer_unit_id`,
        source: sql`excluded.source`,
        setBy: sql`excluded.set_by`,
        createdAt: sql`now()`,
      },
    })
    .returning();
}

/**
 * Removes the period's pairs of these units (in either direction: a pair set as two units
 * reviewing each other goes as a whole), but only pairs an admin or the file set: a
 * suggestion is Tillit's own and comes back by itself. Returns what was removed.
 */
export async function removePairsOf(
  db: Database,
  params: { unitIds: string[]; period: string },
): Promise<ReviewPair[]> {
  if (params.unitIds.length === 0) return [];
  const gone = await db
    .select({ id: reviewPairs.id })
    .from(reviewPairs)
    .where(
      and(
        eq(reviewPairs.period, params.period),
        inArray(reviewPairs.source, ['admin', 'org-file']),
        or(
          inArray(reviewPairs.unitId, params.unitIds),
          inArray(reviewPairs.peerUnitId, params.unitIds),
        ),
      ),
    );
  return deletePairs(db, { ids: gone.map((p) => p.id) });
}

/**
 * Deletes pairs by id. A review already shared under one stays as it is, no longer naming a
 * pair that is gone: who shared with whom is on the review itself.
 */
async function deletePairs(db: Database, params: { ids: string[] }): Promise<ReviewPair[]> {
  if (params.ids.length === 0) return [];
  await db.update(peerReviews).set({ pairId: null }).where(inArray(peerReviews.pairId, params.ids));
  return db.delete(reviewPairs).where(inArray(reviewPairs.id, params.ids)).returning();
}

type PairRow = { unitId: string; peerUnitId: string; period: string };

/**
 * Makes the org file's pairs of the tertials not yet over (`isOpen`) exactly `wanted`, each
 * a mutual pair (both review each other): the file's pair replaces whatever pair a unit had in
 * that tertial. Returns the mutual pairs added and removed, each once.
 */
export async function syncFilePairs(
  db: Database,
  params: { wanted: PairRow[]; isOpen: (period: string) => boolean },
): Promise<{ added: PairRow[]; removed: PairRow[] }> {
  const rowKey = (p: PairRow) => `${p.unitId}>${p.peerUnitId}@${p.period}`;
  const slot = (p: PairRow) => `${p.unitId}@${p.period}`;
  const rows = new Map<string, PairRow>();
  for (const p of params.wanted) {
    // A unit paired twice in one tertial (one pair naming it, one the import's tertial) keeps
    // the first, as the unique index allows one.
    for (const row of [p, { unitId: p.peerUnitId, peerUnitId: p.unitId, period: p.period }])
      if (![...rows.values()].some((r) => slot(r) === slot(row))) rows.set(rowKey(row), row);
  }
  const existing = (
    await db.select().from(reviewPairs).where(eq(reviewPairs.source, 'org-file'))
  ).filter((p) => params.isOpen(p.period));
  const stale = existing.filter((p) => !rows.has(rowKey(p)));
  const removed = await deletePairs(db, { ids: stale.map((p) => p.id) });
  const have = new Set(existing.map(rowKey));
  const fresh = [...rows.values()].filter((r) => !have.has(rowKey(r)));
  for (const [period, group] of groupBy(fresh, (r) => r.period)) {
    await savePairs(db, { period, source: 'org-file', setBy: null, pairs: group });
  }
  return { added: onceEach(fresh), removed: onceEach(removed) };
}

/** A mutual pair is two rows; people read it once, in the order of its first row. */
function onceEach(rows: PairRow[]): PairRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = [r.unitId, r.peerUnitId].sort().join('|') + r.period;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** Every stored pair of the period, whoever set it. */
export async function listPairsOfPeriod(
  db: Database,
  params: { period: string },
): Promise<ReviewPair[]> {
  return db.select().from(reviewPairs).where(eq(reviewPairs.period, params.period));
}

/** Pairs set by an admin or the org file, of the given periods. */
export async function listSetPairs(
  db: Database,
  params: { periods: string[]; source?: ReviewPairSource },
): Promise<ReviewPair[]> {
  if (params.periods.length === 0) return [];
  return db
    .select()
    .from(reviewPairs)
    .where(
      and(
        inArray(reviewPairs.period, params.periods),
        params.source
          ? eq(reviewPairs.source, params.source)
          : inArray(reviewPairs.source, ['admin', 'org-file']),
      ),
    )
    .orderBy(reviewPairs.period);
}

/** A set pair with both units' keys and names, for a list a person reads. */
export interface NamedPair {
  pair: ReviewPair;
  unit: { key: string; name: string };
  peer: { key: string; name: string };
}

const peer = alias(units, 'pair_peer');

/** The period's pairs set by an admin or the org file, named, ordered by the sharing unit's name. */
export async function listNamedPairs(
  db: Database,
  params: { period: string },
): Promise<NamedPair[]> {
  return db
    .select({
      pair: reviewPairs,
      unit: { key: units.key, name: units.name },
      peer: { key: peer.key, name: peer.name },
    })
    .from(reviewPairs)
    .innerJoin(units, eq(units.id, reviewPairs.unitId))
    .innerJoin(peer, eq(peer.id, reviewPairs.peerUnitId))
    .where(
      and(
        eq(reviewPairs.period, params.period),
        inArray(reviewPairs.source, ['admin', 'org-file']),
      ),
    )
    .orderBy(units.name, peer.name);
}

/** Every unit, active or not, with what the pairing rule needs (inactive ones shape the tree). */
export async function listUnitsForPairing(db: Database) {
  return db
    .select({
      id: units.id,
      key: units.key,
      name: units.name,
      parentId: units.parentId,
      level: units.level,
      active: units.active,
      timezone: units.timezone,
    })
    .from(units);
}
