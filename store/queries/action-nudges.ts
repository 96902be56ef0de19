import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { actions, units } from '../schema/index.js';
import type { ActionRow } from './actions.js';

export type NudgeCandidate = ActionRow & {
  unitName: string;
  timezone: string;
};

/**
 * Open actions the nudge tick may still have to do something about: due by `latestDueDate`
 * (tomorrow in UTC covers every zone's today), under the cap, and with an owner stage or the
 * escalation not yet handled in this cycle. Actions with nothing left drop out of the scan.
 */
export async function listNudgeCandidates(
  db: Database,
  params: { latestDueDate: string; lastStage: number; maxNudges: number },
): Promise<NudgeCandidate[]> {
  const rows = await db
    .select({ action: actions, unitName: units.name, timezone: units.timezone })
    .from(actions)
    .innerJoin(units, eq(units.id, actions.unitId))
    .where(
      and(
        eq(actions.status, 'open'),
        lte(actions.dueDate, params.latestDueDate),
        lt(actions.nudgeCount, params.maxNudges),
        or(
          isNull(actions.nudgedStage),
          lt(actions.nudgedStage, params.lastStage),
          eq(actions.escalated, false),
        ),
      ),
    );
  return rows.map((r) => ({ ...r.action, unitName: r.unitName, timezone: r.timezone }));
}

/** What the tick did in this cycle: the stage handled, the escalation, and messages sent. */
export async function recordNudgeProgress(
  db: Database,
  params: { actionId: string; nudgedStage?: number; escalated?: boolean; sent: number },
): Promise<void> {
  await db
    .update(actions)
    .set({
      ...(params.nudgedStage === undefined ? {} : { nudgedStage: params.nudgedStage }),
      ...(params.escalated === undefined ? {} : { escalated: params.escalated }),
      nudgeCount: sql`${actions.nudgeCount} + ${params.sent}`,
    })
    .where(eq(actions.id, params.actionId));
}
