import type { Database } from '../../store/database.js';
import { recordAudit } from '../../store/queries/audit-log.js';
import type { ReviewPair } from '../../store/queries/review-pairs.js';
import type { Actor } from '../core/actor.js';
import type { RequestContext } from '../core/context.js';

/**
 * Pairs set or removed in chat go in the audit log beside role changes, in the same
 * transaction: who reviews a unit decides who reads its outcomes, so a change is kept with
 * who made it. One entry per direction, as each is a unit's reviewer of its own.
 */
export async function recordPairChanges(
  db: Database,
  params: { ctx: RequestContext; actor: Actor; removed: ReviewPair[]; saved: ReviewPair[] },
): Promise<void> {
  const entry = (action: 'pair-set' | 'pair-removed', pair: ReviewPair) => ({
    at: params.ctx.now,
    actorPersonId: params.actor.person.id,
    action,
    subjectPersonId: null,
    unitId: pair.unitId,
    peerUnitId: pair.peerUnitId,
    period: pair.period,
    source: 'chat' as const,
  });
  // A pair removed and set again to the same peer (setting a pair over itself) is no change.
  const same = (a: ReviewPair, b: ReviewPair) =>
    a.unitId === b.unitId && a.peerUnitId === b.peerUnitId && a.period === b.period;
  const removed = params.removed.filter((r) => !params.saved.some((s) => same(r, s)));
  const saved = params.saved.filter((s) => !params.removed.some((r) => same(r, s)));
  await recordAudit(db, [
    ...removed.map((pair) => entry('pair-removed', pair)),
    ...saved.map((pair) => entry('pair-set', pair)),
  ]);
}
