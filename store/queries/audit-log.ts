import { desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';
import { auditLog, people, units } from '../schema/index.js';

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, 'id'>;

/** Adds entries (in the caller's transaction, with the change they record) and returns them. */
export async function recordAudit(db: Database, entries: NewAuditEntry[]): Promise<AuditEntry[]> {
  if (entries.length === 0) return [];
  return db.insert(auditLog).values(entries).returning();
}

/** An entry with the names a reader needs. */
export interface AuditLine extends AuditEntry {
  /** Null for a pair change, which names units, not a person. */
  subjectName: string | null;
  actorName: string | null;
  unitName: string | null;
  peerUnitName: string | null;
}

const actor = alias(people, 'audit_actor');
const subject = alias(people, 'audit_subject');
const peerUnit = alias(units, 'audit_peer_unit');

function selectLines(db: Database, where: SQL | undefined) {
  return db
    .select({
      entry: auditLog,
      subjectName: subject.name,
      actorName: actor.name,
      unitName: units.name,
      peerUnitName: peerUnit.name,
    })
    .from(auditLog)
    .leftJoin(subject, eq(subject.id, auditLog.subjectPersonId))
    .leftJoin(actor, eq(actor.id, auditLog.actorPersonId))
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .leftJoin(peerUnit, eq(peerUnit.id, auditLog.peerUnitId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

const toLine = (row: {
  entry: AuditEntry;
  subjectName: string | null;
  actorName: string | null;
  unitName: string | null;
  peerUnitName: string | null;
}): AuditLine => ({
  ...row.entry,
  subjectName: row.subjectName,
  actorName: row.actorName,
  unitName: row.unitName,
  peerUnitName: row.peerUnitName,
});

/** The entries with these ids, named, newest first. */
export async function describeAudit(db: Database, params: { ids: string[] }): Promise<AuditLine[]> {
  if (params.ids.length === 0) return [];
  return (await selectLines(db, inArray(auditLog.id, params.ids))).map(toLine);
}

/**
 * One page of the log, newest first: of the given units, or (`'all'`) everything, including
 * administrator changes, which belong to no unit.
 */
export async function listAuditLog(
  db: Database,
  params: { unitIds: string[] | 'all'; limit: number; offset: number },
): Promise<AuditLine[]> {
  if (params.unitIds !== 'all' && params.unitIds.length === 0) return [];
  const where = params.unitIds === 'all' ? undefined : inArray(auditLog.unitId, params.unitIds);
  const rows = await selectLines(db, where).limit(params.limit).offset(params.offset);
  return rows.map(toLine);
}
