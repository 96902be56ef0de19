import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from './org.js';

/**
 * When a unit's weekly reflection is prompted. Stored by `setup schedule` or the org file;
 * the reflection scheduler reads it. Weekday is ISO (1 = Monday … 7 = Sunday).
 */
export const reflectionSchedules = pgTable('reflection_schedules', {
  unitId: uuid()
    .primaryKey()
    .references(() => units.id),
  weekday: integer().notNull().default(4),
  time: text().notNull().default('14:00'),
  paused: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
