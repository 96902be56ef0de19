import { eq } from 'drizzle-orm';
import type { Database } from '../database.js';
import { reflectionSchedules } from '../schema/index.js';

export type ReflectionSchedule = typeof reflectionSchedules.$inferSelect;

export async function getReflectionSchedule(
  db: Database,
  params: { unitId: string },
): Promise<ReflectionSchedule | null> {
  const [row] = await db
    .select()
    .from(reflectionSchedules)
    .where(eq(reflectionSchedules.unitId, params.unitId));
  return row ?? null;
}

export type ScheduleChange = { unitId: string } & Partial<
  Pick<ReflectionSchedule, 'weekday' | 'time' | 'paused'>
>;

/** Creates the unit's schedule with defaults for what is not given, or changes what is. */
export async function saveReflectionSchedule(db: Database, params: ScheduleChange): Promise<void> {
  const { unitId, ...change } = params;
  await db
    .insert(reflectionSchedules)
    .values(params)
    .onConflictDoUpdate({
      target: reflectionSchedules.unitId,
      set: { ...change, updatedAt: new Date() },
    });
}
