import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people, role, units } from './org.js';

export const auditActions = [
  'role-added',
  'role-removed',
  'admin-added',
  'admin-removed',
  // A register extract or an erasure (GDPR art. 15, 17); an erasure's subject is the stand-in.
  'gdpr-export',
  'gdpr-erase',
  // A review pair set or removed in chat (issue 21): who reviews a unit's outcomes in a tertial.
  'pair-set',
  'pair-removed',
] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditAction = pgEnum('audit_action', auditActions);

/** Where a change came from: chat, an import of the org file, or a command on the server. */
export const auditSources = ['chat', 'org-file', 'command-line'] as const;
export type AuditSource = (typeof auditSources)[number];
export const auditSource = pgEnum('audit_source', auditSources);

/**
 * Every change of who holds which role (and who is an administrator): roles decide who may
 * read a unit's summaries, so an administrator making themselves manager must be seen
 * (issue 15). Rows are only ever added; leaders and administrators read them with
 * `setup audit`, and each role change is also announced in the unit's channel.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    at: timestamp({ withTimezone: true }).notNull(),
    /** Who made the change; null for an org-file import (whoever ran it on the server). */
    actorPersonId: uuid().references(() => people.id),
    action: auditAction().notNull(),
    /** Whose role changed; null for a pair change, which is about two units. */
    subjectPersonId: uuid().references(() => people.id),
    /**
     * The unit of a role change; null for administrator changes, which hold for all units. For
     * a pair change, the unit whose outcomes are reviewed.
     */
    unitId: uuid().references(() => units.id),
    /** A pair change's reviewing unit. */
    peerUnitId: uuid().references(() => units.id),
    /** A pair change's tertial, `T3-2026`. */
    period: text(),
    roleBefore: role(),
    roleAfter: role(),
    source: auditSource().notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_unit_at_idx').on(t.unitId, t.at)],
);
