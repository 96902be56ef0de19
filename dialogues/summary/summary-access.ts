import { getUnit, type Unit } from '../../store/queries/units.js';
import { holdsAnywhere, isAdmin, may } from '../core/access.js';
import type { ActionRequest, Request } from '../core/feature.js';
import { say } from '../core/guards.js';
import { isUuid } from '../core/ids.js';
import type { Outcome } from '../core/outcome.js';
import { todayIn } from '../dialogue/local-time.js';
import { type Period, periodName, readPeriod } from './period.js';
import { defaultPeriod } from './summary-target.js';

export type Target = { ok: true; unit: Unit; period: Period } | { ok: false; outcome: Outcome };

/** The one permission check, for the command and for the export buttons alike. */
export async function allowed(
  request: Request,
  unit: Unit,
  period: Period | null,
): Promise<Target> {
  const { ctx, actor } = request;
  if (!(await may(ctx.db, actor, 'view-summary', unit.id))) {
    const text =
      isAdmin(actor) && !holdsAnywhere(actor, 'view-summary')
        ? actor.t.summary.adminOnly
        : actor.t.common.notAllowed({ what: actor.t.summary.what });
    return { ok: false, outcome: say(text) };
  }
  return { ok: true, unit, period: period ?? defaultPeriod(ctx.now, unit.timezone) };
}

/** `<unit id>|<period name>`: what the export buttons carry (short, ids only). */
export const exportValue = (unit: Unit, period: Period): string =>
  `${unit.id}|${periodName(period)}`;

/** Reads a button value back; null when it is not one (a stale or forged click). */
export async function readExportValue(
  request: ActionRequest,
): Promise<{ unit: Unit; period: Period } | null> {
  const [unitId = '', name = ''] = request.action.value.split('|');
  if (!isUuid(unitId)) return null;
  const unit = await getUnit(request.ctx.db, { unitId });
  const period = readPeriod(
    name,
    todayIn(request.ctx.now, unit?.timezone ?? request.ctx.settings.defaultTimezone),
  );
  return unit && period ? { unit, period } : null;
}
