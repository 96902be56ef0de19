import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const unitLevels = ['administration', 'department', 'unit', 'section'] as const;
export type UnitLevel = (typeof unitLevels)[number];
export const unitLevel = pgEnum('unit_level', unitLevels);

export const roles = ['member', 'manager', 'facilitator', 'leader'] as const;
export type Role = (typeof roles)[number];
export const role = pgEnum('role', roles);

export const platforms = ['slack', 'teams', 'local'] as const;
export type Platform = (typeof platforms)[number];
export const platform = pgEnum('platform', platforms);

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

/** A node in the organisation tree: förvaltning → avdelning → enhet → sektion, any depth. */
export const units = pgTable(
  'units',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    key: text().notNull(),
    name: text().notNull(),
    level: unitLevel().notNull(),
    parentId: uuid().references((): AnyPgColumn => units.id),
    timezone: text().notNull().default('Europe/Stockholm'),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_key_uq').on(t.key), index('units_parent_idx').on(t.parentId)],
);

export const people = pgTable(
  'people',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    key: text().notNull(),
    name: text().notNull(),
    /** null: the configured default language */
    lang: text().$type<Language>(),
    isAdmin: boolean().notNull().default(false),
    /** People removed from the org file are deactivated, never deleted: their history stays. */
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('people_key_uq').on(t.key)],
);

/**
 * A platform account that belongs to one person: a Slack user in a workspace, a Teams user
 * (AAD object id, globally unique, tenant kept when known) or a local demo login.
 */
export const identities = pgTable(
  'identities',
  {
    platform: platform().notNull(),
    workspace: text().notNull().default(''),
    externalId: text().notNull(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.platform, t.workspace, t.externalId] }),
    index('identities_person_idx').on(t.personId),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    personId: uuid()
      .notNull()
      .references(() => people.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    role: role().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.unitId, t.role] }),
    index('memberships_unit_idx').on(t.unitId),
  ],
);

/** A chat channel (Slack channel, Teams conversation, local room) that belongs to a unit. */
export const channelLinks = pgTable(
  'channel_links',
  {
    platform: platform().notNull(),
    workspace: text().notNull().default(''),
    channelId: text().notNull(),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.platform, t.workspace, t.channelId] }),
    index('channel_links_unit_idx').on(t.unitId),
  ],
);
