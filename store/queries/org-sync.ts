import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  channelLinks,
  identities,
  memberships,
  type Platform,
  people,
  type Role,
  type UnitLevel,
  units,
} from '../schema/index.js';
import { type AuditEntry, type NewAuditEntry, recordAudit } from './audit-log.js';
import { syncFilePairs } from './review-pairs.js';

/** A validated organisation, keyed by the stable keys of the org file. */
export interface OrgPlan {
  units: PlannedUnit[];
  people: PlannedPerson[];
  /** Review pairs (issue 21); absent: the pairs are left as they are. */
  pairs?: PlannedPair[];
}
/** Two units that review each other in a tertial (`T1-2027`); null: the tertial of the import. */
export interface PlannedPair {
  units: [string, string];
  tertial: string | null;
}
export interface PlannedUnit {
  key: string;
  name: string;
  level: UnitLevel;
  parent: string | null;
  channels: { platform: Platform; workspace: string; channelId: string }[];
}
export interface PlannedPerson {
  key: string;
  name: string;
  admin: boolean;
  identities: { platform: Platform; workspace: string; externalId: string }[];
  roles: { unit: string; role: Role }[];
}

/** One line a person can read: `+ unit ifo`, `~ person anna: name …`, `- person bo (deactivated)`. */
export type OrgChange = string;

export interface SyncOptions {
  /** When the import happened, for the audit log; default: now. */
  now?: Date;
  /**
   * Called in the import's transaction with its audit entries (role and administrator
   * changes), so that what announces them is written with them or not at all.
   */
  onAudit?: (tx: Database, entries: AuditEntry[]) => Promise<void>;
  /** Told as each step begins (1-based, of `total`), for a long import's progress. */
  onStep?: (index: number, total: number, step: SyncStep) => void;
  /**
   * The tertial of the import and which tertials are not over yet: the file's pairs replace
   * its earlier pairs of those only, as a pair of a past tertial is history. Required when
   * the plan has pairs (the store does not know the calendar); without it, a plan with none
   * leaves the pairs as they are (a test's or the demo's organisation).
   */
  tertials?: { current: string; isOpen: (tertial: string) => boolean };
}

export const syncSteps = [
  'units',
  'channels',
  'people',
  'identities',
  'roles',
  'pairs',
  'audit',
] as const;
export type SyncStep = (typeof syncSteps)[number];

/** Role and administrator changes found while syncing, for the audit log. */
type AuditDraft = Omit<NewAuditEntry, 'at' | 'source' | 'actorPersonId'>;

/**
 * Makes the database match the plan, in one transaction, and says what changed. The plan is
 * authoritative for what it lists: roles, identities and channel links of listed units and
 * people are replaced; units and people missing from it are deactivated, never deleted.
 * Every change of a role or of who is an administrator is kept in the audit log.
 */
export async function syncOrg(
  db: Database,
  plan: OrgPlan,
  options: SyncOptions = {},
): Promise<OrgChange[]> {
  return db.transaction(async (tx) => {
    const changes: OrgChange[] = [];
    const audit: AuditDraft[] = [];
    const step = (name: SyncStep) =>
      options.onStep?.(syncSteps.indexOf(name) + 1, syncSteps.length, name);
    step('units');
    const unitIds = await syncUnits(tx, plan.units, changes);
    step('channels');
    await syncChannels(tx, plan.units, unitIds, changes);
    step('people');
    const personIds = await syncPeople(tx, plan.people, changes, audit);
    step('identities');
    await syncIdentities(tx, plan.people, personIds, changes);
    step('roles');
    await syncRoles(tx, plan.people, personIds, unitIds, changes, audit);
    step('pairs');
    if (plan.pairs?.length || options.tertials)
      await syncPairs(tx, plan.pairs ?? [], unitIds, options, changes);
    step('audit');
    const at = options.now ?? new Date();
    const entries = await recordAudit(
      tx,
      audit.map((draft) => ({ ...draft, at, source: 'org-file' as const, actorPersonId: null })),
    );
    if (entries.length > 0) await options.onAudit?.(tx, entries);
    return changes;
  });
}

async function syncUnits(db: Database, planned: PlannedUnit[], changes: OrgChange[]) {
  const existing = new Map((await db.select().from(units)).map((u) => [u.key, u]));
  const ids = new Map<string, string>();
  // Insert or update without parents first, so any order of the file works, then set parents.
  for (const unit of planned) {
    const current = existing.get(unit.key);
    if (!current) {
      const [row] = await db
        .insert(units)
        .values({ key: unit.key, name: unit.name, level: unit.level })
        .returning({ id: units.id });
      ids.set(unit.key, row!.id);
      changes.push(`+ unit ${unit.key} (${unit.name})`);
      continue;
    }
    ids.set(unit.key, current.id);
    const diffs = describeDiffs([
      ['name', current.name, unit.name],
      ['level', current.level, unit.level],
      ['active', String(current.active), 'true'],
    ]);
    if (diffs.length > 0) {
      await db
        .update(units)
        .set({ name: unit.name, level: unit.level, active: true, updatedAt: new Date() })
        .where(eq(units.id, current.id));
      changes.push(`~ unit ${unit.key}: ${diffs.join(', ')}`);
    }
  }
  const keyOfId = new Map([...existing.values()].map((u) => [u.id, u.key]));
  for (const unit of planned) {
    const parentId = unit.parent ? ids.get(unit.parent)! : null;
    const current = existing.get(unit.key);
    if (current && current.parentId === parentId) continue;
    await db
      .update(units)
      .set({ parentId })
      .where(eq(units.id, ids.get(unit.key)!));
    if (current) {
      const before = current.parentId ? keyOfId.get(current.parentId) : 'none';
      changes.push(`~ unit ${unit.key}: parent ${before} → ${unit.parent ?? 'none'}`);
    }
  }
  for (const [key, unit] of existing) {
    if (ids.has(key) || !unit.active) continue;
    await db
      .update(units)
      .set({ active: false, updatedAt: new Date() })
      .where(eq(units.id, unit.id));
    changes.push(`- unit ${key} (deactivated)`);
  }
  return ids;
}

async function syncChannels(
  db: Database,
  planned: PlannedUnit[],
  unitIds: Map<string, string>,
  changes: OrgChange[],
) {
  const current = await db.select().from(channelLinks);
  const show = (c: { platform: string; workspace: string; channelId: string }) =>
    `${c.platform}:${c.workspace ? `${c.workspace}/` : ''}${c.channelId}`;
  const wanted = new Map<
    string,
    { unitKey: string; unitId: string; link: PlannedUnit['channels'][number] }
  >();
  for (const unit of planned) {
    for (const link of unit.channels) {
      wanted.set(show(link), { unitKey: unit.key, unitId: unitIds.get(unit.key)!, link });
    }
  }
  const listedUnitIds = new Set(unitIds.values());
  for (const link of current) {
    const want = wanted.get(show(link));
    if (want && want.unitId === link.unitId) {
      wanted.delete(show(link));
      continue;
    }
    if (!want && !listedUnitIds.has(link.unitId)) continue;
    await db
      .delete(channelLinks)
      .where(
        and(
          eq(channelLinks.platform, link.platform),
          eq(channelLinks.workspace, link.workspace),
          eq(channelLinks.channelId, link.channelId),
        ),
      );
    if (!want) changes.push(`- channel ${show(link)}`);
  }
  for (const [shown, want] of wanted) {
    await db.insert(channelLinks).values({ ...want.link, unitId: want.unitId });
    changes.push(`+ channel ${shown} → ${want.unitKey}`);
  }
}

async function syncPeople(
  db: Database,
  planned: PlannedPerson[],
  changes: OrgChange[],
  audit: AuditDraft[],
) {
  const adminChange = (subjectPersonId: string, admin: boolean) =>
    audit.push({ action: admin ? 'admin-added' : 'admin-removed', subjectPersonId });
  const existing = new Map((await db.select().from(people)).map((p) => [p.key, p]));
  const ids = new Map<string, string>();
  for (const person of planned) {
    const current = existing.get(person.key);
    if (!current) {
      const [row] = await db
        .insert(people)
        .values({ key: person.key, name: person.name, isAdmin: person.admin })
        .returning({ id: people.id });
      ids.set(person.key, row!.id);
      if (person.admin) adminChange(row!.id, true);
      changes.push(`+ person ${person.key} (${person.name})${person.admin ? ', admin' : ''}`);
      continue;
    }
    ids.set(person.key, current.id);
    const diffs = describeDiffs([
      ['name', current.name, person.name],
      ['admin', String(current.isAdmin), String(person.admin)],
      ['active', String(current.active), 'true'],
    ]);
    if (diffs.length === 0) continue;
    if (current.isAdmin !== person.admin) adminChange(current.id, person.admin);
    await db
      .update(people)
      .set({ name: person.name, isAdmin: person.admin, active: true, updatedAt: new Date() })
      .where(eq(people.id, current.id));
    changes.push(`~ person ${person.key}: ${diffs.join(', ')}`);
  }
  for (const [key, person] of existing) {
    if (ids.has(key) || !person.active) continue;
    if (person.isAdmin) adminChange(person.id, false);
    await db
      .update(people)
      .set({ active: false, isAdmin: false, updatedAt: new Date() })
      .where(eq(people.id, person.id));
    changes.push(`- person ${key} (deactivated)`);
  }
  return ids;
}

async function syncIdentities(
  db: Database,
  planned: PlannedPerson[],
  personIds: Map<string, string>,
  changes: OrgChange[],
) {
  const show = (i: { platform: string; workspace: string; externalId: string }) =>
    `${i.platform}:${i.workspace ? `${i.workspace}/` : ''}${i.externalId}`;
  const ids = [...personIds.values()];
  const current = ids.length
    ? await db.select().from(identities).where(inArray(identities.personId, ids))
    : [];
  for (const person of planned) {
    const personId = personIds.get(person.key)!;
    const mine = current.filter((i) => i.personId === personId);
    const wanted = new Set(person.identities.map(show));
    for (const identity of mine) {
      if (wanted.has(show(identity))) continue;
      // Only while it is still theirs: a person earlier in the file may have taken it over.
      await db
        .delete(identities)
        .where(
          and(
            eq(identities.platform, identity.platform),
            eq(identities.workspace, identity.workspace),
            eq(identities.externalId, identity.externalId),
            eq(identities.personId, personId),
          ),
        );
      changes.push(`- identity ${show(identity)} of ${person.key}`);
    }
    const have = new Set(mine.map(show));
    for (const identity of person.identities) {
      if (have.has(show(identity))) continue;
      // An account moves to its new owner: the file is the truth about who is who.
      await db
        .insert(identities)
        .values({ ...identity, personId })
        .onConflictDoUpdate({
          target: [identities.platform, identities.workspace, identities.externalId],
          set: { personId },
        });
      changes.push(`+ identity ${show(identity)} of ${person.key}`);
    }
  }
}

async function syncRoles(
  db: Database,
  planned: PlannedPerson[],
  personIds: Map<string, string>,
  unitIds: Map<string, string>,
  changes: OrgChange[],
  audit: AuditDraft[],
) {
  const listed = [...personIds.values()];
  const removed = (m: { personId: string; unitId: string; role: Role }) =>
    audit.push({
      action: 'role-removed',
      subjectPersonId: m.personId,
      unitId: m.unitId,
      roleBefore: m.role,
    });
  // All units, not only listed ones: a role may be held in a unit the file no longer has.
  const allUnits = await db.select({ id: units.id, key: units.key }).from(units);
  const keyOfUnit = new Map(allUnits.map((u) => [u.id, u.key]));
  const current = listed.length
    ? await db.select().from(memberships).where(inArray(memberships.personId, listed))
    : [];
  // Roles of people no longer in the file go with their deactivation.
  const dropped = await db
    .delete(memberships)
    .where(listed.length ? notInArray(memberships.personId, listed) : undefined)
    .returning();
  for (const membership of dropped) removed(membership);
  for (const person of planned) {
    const personId = personIds.get(person.key)!;
    const wanted = new Set(person.roles.map((r) => `${r.role}@${r.unit}`));
    const mine = current.filter((m) => m.personId === personId);
    const have = new Set(mine.map((m) => `${m.role}@${keyOfUnit.get(m.unitId)}`));
    for (const membership of mine) {
      const shown = `${membership.role}@${keyOfUnit.get(membership.unitId)}`;
      if (wanted.has(shown)) continue;
      await db
        .delete(memberships)
        .where(
          and(
            eq(memberships.personId, personId),
            eq(memberships.unitId, membership.unitId),
            eq(memberships.role, membership.role),
          ),
        );
      removed(membership);
      changes.push(`- role ${person.key} ${shown}`);
    }
    for (const role of person.roles) {
      const shown = `${role.role}@${role.unit}`;
      if (have.has(shown)) continue;
      // A role listed twice is inserted once (the primary key would refuse the second).
      have.add(shown);
      const unitId = unitIds.get(role.unit)!;
      await db.insert(memberships).values({ personId, unitId, role: role.role });
      audit.push({ action: 'role-added', subjectPersonId: personId, unitId, roleAfter: role.role });
      changes.push(`+ role ${person.key} ${shown}`);
    }
  }
}

async function syncPairs(
  db: Database,
  planned: PlannedPair[],
  unitIds: Map<string, string>,
  options: SyncOptions,
  changes: OrgChange[],
) {
  const tertials = options.tertials;
  if (!tertials) throw new Error('syncOrg: a plan with pairs needs options.tertials');
  const wanted = planned.map((p) => ({
    unitId: unitIds.get(p.units[0])!,
    peerUnitId: unitIds.get(p.units[1])!,
    period: p.tertial ?? tertials.current,
  }));
  const keyOf = new Map([...unitIds].map(([key, id]) => [id, key]));
  const shown = (p: { unitId: string; peerUnitId: string; period: string }) =>
    `pair ${keyOf.get(p.unitId) ?? p.unitId}–${keyOf.get(p.peerUnitId) ?? p.peerUnitId} (${p.period})`;
  const { added, removed } = await syncFilePairs(db, { wanted, isOpen: tertials.isOpen });
  for (const pair of removed) changes.push(`- ${shown(pair)}`);
  for (const pair of added) changes.push(`+ ${shown(pair)}`);
}

function describeDiffs(pairs: [field: string, before: string, after: string][]): string[] {
  return pairs
    .filter(([, before, after]) => before !== after)
    .map(
      ([field, before, after]) => `${field} ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    );
}
