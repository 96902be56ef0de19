import { recordAudit } from '../../store/queries/audit-log.js';
import { setRole } from '../../store/queries/people.js';
import type { Role } from '../../store/schema/index.js';
import type { Actor } from '../core/actor.js';
import type { RequestContext } from '../core/context.js';
import { announceRoleChanges } from './role-notices.js';

/**
 * `setup role`: gives the role, keeps it in the audit log and announces it in the unit's
 * channels, all in one transaction. False when the person already held the role.
 */
export async function giveRole(
  ctx: RequestContext,
  actor: Actor,
  params: { personId: string; unitId: string; role: Role },
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    if (!(await setRole(tx, params))) return false;
    const entries = await recordAudit(tx, [
      {
        at: ctx.now,
        actorPersonId: actor.person.id,
        action: 'role-added',
        subjectPersonId: params.personId,
        unitId: params.unitId,
        roleAfter: params.role,
        source: 'chat',
      },
    ]);
    await announceRoleChanges(tx, entries, { lang: ctx.settings.defaultLang, now: ctx.now });
    return true;
  });
}
