import { addDays } from '../calendar/swedish-holidays.js';
import { morningOf, type NudgePolicy } from './follow-up-time.js';

/** One of the owner's nudges in a cycle: stage 0 on the due date, 1… while overdue. */
export interface OwnerStage {
  index: number;
  kind: 'due' | 'overdue';
  at: Date;
}

/** What an action looks like to the planner: its due date and this cycle's progress. */
export interface PlannableAction {
  id: string;
  dueDate: string;
  dueRevision: number;
  createdAt: Date;
  dueSetAt: Date | null;
  nudgedStage: number | null;
  escalated: boolean;
}

/**
 * What the tick should do now. Each part names what to mark handled; `send` is false when the
 * moment was planned before the due date was set (an action decided at noon on its due date
 * gets no "due today" nudge), so it is passed over without a message.
 */
export interface NudgeDecision {
  owner: { stage: OwnerStage; send: boolean } | null;
  escalate: { send: boolean } | null;
}

/** The owner's nudges for the current due date, each at the policy's time on a working day. */
export function ownerStages(dueDate: string, timeZone: string, policy: NudgePolicy): OwnerStage[] {
  return [
    { index: 0, kind: 'due', at: morningOf(dueDate, timeZone, policy.time) },
    ...policy.overdueAfterDays.map(
      (days, i): OwnerStage => ({
        index: i + 1,
        kind: 'overdue',
        at: morningOf(addDays(dueDate, days), timeZone, policy.time),
      }),
    ),
  ];
}

/** The manager hears of it the first working morning it is more than N days overdue. */
export function escalationAt(dueDate: string, timeZone: string, policy: NudgePolicy): Date {
  return morningOf(addDays(dueDate, policy.escalateAfterDays + 1), timeZone, policy.time);
}

export const lastOwnerStage = (policy: NudgePolicy): number => policy.overdueAfterDays.length;

/**
 * Only the latest owner stage that has come is sent: after downtime the owner gets one nudge,
 * not a burst of the ones missed. Stages already handled in this cycle are never repeated.
 */
export function decideNudges(
  action: PlannableAction,
  timeZone: string,
  policy: NudgePolicy,
  now: Date,
): NudgeDecision {
  const since = action.dueSetAt ?? action.createdAt;
  const come = ownerStages(action.dueDate, timeZone, policy).filter((s) => s.at <= now);
  const latest = come.at(-1);
  const owner =
    latest && latest.index > (action.nudgedStage ?? -1)
      ? { stage: latest, send: latest.at >= since }
      : null;
  const escalateAt = escalationAt(action.dueDate, timeZone, policy);
  const escalate = !action.escalated && escalateAt <= now ? { send: escalateAt >= since } : null;
  return { owner, escalate };
}

/** Outbox keys: one per stage and due-date revision, so a new due date nudges anew. */
export const nudgeKeys = {
  owner: (action: Pick<PlannableAction, 'id' | 'dueRevision'>, stage: OwnerStage): string =>
    stage.kind === 'due'
      ? `action-due:${action.id}:${action.dueRevision}`
      : `action-overdue:${action.id}:${action.dueRevision}:${stage.index}`,
  escalate: (action: Pick<PlannableAction, 'id' | 'dueRevision'>, managerId: string): string =>
    `action-escalate:${action.id}:${action.dueRevision}:${managerId}`,
};
