import { getRiskSeason, setRiskSeason } from '../../store/queries/risk-seasons.js';
import type { CommandRequest } from '../core/feature.js';
import { guardUnit, say } from '../core/guards.js';
import type { Outcome } from '../core/outcome.js';
import { monthsText, readMonth, seasonOf } from './season.js';

/**
 * `/tillit risk season` shows the unit's risk-dialogue season; `risk season 9 10` (or
 * `säsong okt`) sets it. Whoever may run the unit's dialogues may change it.
 */
export async function riskSeasonCommand(request: CommandRequest, args: string[]): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const guarded = await guardUnit(request, 'run-risk-dialogue', t.risk.what.season);
  if (!guarded.ok) return guarded.outcome;
  const unit = guarded.unit;
  if (args.length === 0) {
    const own = await getRiskSeason(ctx.db, { unitId: unit.id });
    const months = monthsText(t, seasonOf(unit.level, own));
    return say(t.risk.season.current({ unit: unit.name, months, custom: own !== null }));
  }
  const [fromWord = '', toWord, extra] = args.flatMap((a) => a.split(/[-–]/)).filter(Boolean);
  const fromMonth = readMonth(fromWord);
  const toMonth = toWord === undefined ? fromMonth : readMonth(toWord);
  if (!fromMonth || !toMonth || extra !== undefined) return say(t.risk.season.badMonths);
  await setRiskSeason(ctx.db, { unitId: unit.id, fromMonth, toMonth, now: ctx.now });
  const months = monthsText(t, { fromMonth, toMonth });
  return say(t.risk.season.set({ unit: unit.name, months }));
}
