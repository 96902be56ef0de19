import type { Database } from '../../store/database.js';
import { lockAction } from '../../store/queries/action-changes.js';
import {
  listNudgeCandidates,
  type NudgeCandidate,
  recordNudgeProgress,
} from '../../store/queries/action-nudges.js';
import { enqueueOutbox } from '../../store/queries/outbox.js';
import { getPerson } from '../../store/queries/people.js';
import type { Language } from '../../store/schema/index.js';
import { DEFAULT_LANG } from '../core/defaults.js';
import { nearestManagers } from '../core/nearest-managers.js';
import { todayIn } from '../dialogue/local-time.js';
import { texts } from '../texts/catalogue.js';
import { type ActionBrief, escalationView, nudgeView } from './action-views.js';
import {
  daysBetween,
  defaultNudgePolicy,
  latestTodayAnywhere,
  type NudgePolicy,
} from './follow-up-time.js';
import { decideNudges, lastOwnerStage, type NudgeDecision, nudgeKeys } from './nudge-plan.js';

export interface NudgeTickOptions {
  now: Date;
  defaultLang?: Language;
  policy?: NudgePolicy;
}

/**
 * The nudge tick: for each open action, the owner's due-day or overdue nudge and the manager's
 * escalation once their moment has come, each enqueued at most once (unique outbox key) and
 * within the per-action cap. The action is locked while deciding, so instances ticking at once,
 * or a click on Done at the same moment, take turns; the decision is made again on the locked row.
 */
export async function sendDueNudges(
  db: Database,
  options: NudgeTickOptions,
): Promise<{ nudges: number; escalations: number }> {
  const policy = options.policy ?? defaultNudgePolicy;
  const candidates = await listNudgeCandidates(db, {
    latestDueDate: latestTodayAnywhere(options.now),
    lastStage: lastOwnerStage(policy),
    maxNudges: policy.maxNudgesPerAction,
  });
  const total = { nudges: 0, escalations: 0 };
  for (const candidate of candidates) {
    if (!hasWork(decideNudges(candidate, candidate.timezone, policy, options.now))) continue;
    const sent = await db.transaction((tx) =>
      nudgeAction(tx, candidate, {
        ...options,
        policy,
        defaultLang: options.defaultLang ?? DEFAULT_LANG,
      }),
    );
    total.nudges += sent.nudges;
    total.escalations += sent.escalations;
  }
  return total;
}

const hasWork = (decision: NudgeDecision): boolean =>
  decision.owner !== null || decision.escalate !== null;

async function nudgeAction(
  tx: Database,
  candidate: NudgeCandidate,
  options: { now: Date; defaultLang: Language; policy: NudgePolicy },
): Promise<{ nudges: number; escalations: number }> {
  const { now, policy } = options;
  const action = await lockAction(tx, { actionId: candidate.id });
  if (action?.status !== 'open') return { nudges: 0, escalations: 0 };
  const decision = decideNudges(action, candidate.timezone, policy, now);
  const daysLate = daysBetween(action.dueDate, todayIn(now, candidate.timezone));
  let budget = policy.maxNudgesPerAction - action.nudgeCount;
  let nudges = 0;
  let escalations = 0;
  const owner = await getPerson(tx, { personId: action.ownerId });
  const brief: ActionBrief = {
    ...action,
    unitName: candidate.unitName,
    ownerName: owner?.name ?? '',
  };
  if (decision.owner) {
    const { stage, send } = decision.owner;
    if (send && budget > 0 && owner?.active) {
      const t = texts(owner.lang ?? options.defaultLang);
      const created = await enqueueOutbox(tx, {
        key: nudgeKeys.owner(action, stage),
        target: { kind: 'person', personId: owner.id },
        notBefore: now,
        // Its buttons give way once the action is done or struck (settled-notices.ts).
        updatable: true,
        view: nudgeView(t, owner.lang ?? options.defaultLang, brief, stage, daysLate),
      });
      if (created) {
        nudges = 1;
        budget -= 1;
      }
    }
  }
  if (decision.escalate?.send && budget > 0) {
    // The unit's managers, but never the owner: a manager's own overdue action, or one in a unit
    // without a manager, goes to the nearest manager up the tree, or to the leaders.
    const responsible = await nearestManagers(tx, action.unitId, { except: action.ownerId });
    let created = 0;
    for (const manager of responsible.people) {
      const lang = manager.lang ?? options.defaultLang;
      const ok = await enqueueOutbox(tx, {
        key: nudgeKeys.escalate(action, manager.personId),
        target: { kind: 'person', personId: manager.personId },
        notBefore: now,
        // Its buttons give way once the action is done or struck (settled-notices.ts).
        updatable: true,
        view: escalationView(texts(lang), lang, brief, daysLate, responsible.via === 'stand-in'),
      });
      if (ok) created += 1;
    }
    // One escalation counts once against the cap, however many managers the unit has.
    escalations = created > 0 ? 1 : 0;
  }
  await recordNudgeProgress(tx, {
    actionId: action.id,
    ...(decision.owner ? { nudgedStage: decision.owner.stage.index } : {}),
    ...(decision.escalate ? { escalated: true } : {}),
    sent: nudges + escalations,
  });
  return { nudges, escalations };
}
