import type { Database } from '../database.js';
import { localClock } from '../schema/index.js';

/** The time-travel offset last saved, in milliseconds (null: never moved). */
export async function readClockOffset(db: Database): Promise<number | null> {
  const [row] = await db.select({ offsetMs: localClock.offsetMs }).from(localClock).limit(1);
  return row?.offsetMs ?? null;
}

/** Saves the offset after a jump, so the next start goes on from the same date. */
export async function saveClockOffset(db: Database, params: { offsetMs: number }): Promise<void> {
  await db
    .insert(localClock)
    .values({ only: true, offsetMs: params.offsetMs })
    .onConflictDoUpdate({
      target: localClock.only,
      set: { offsetMs: params.offsetMs, updatedAt: new Date() },
    });
}
