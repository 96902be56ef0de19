import { getUnit, type Unit } from '../../store/queries/units.js';
import { isWord } from '../commands/words.js';
import { isAdmin } from '../core/access.js';
import type { CommandRequest, Feature, Request } from '../core/feature.js';
import { findUnitByText, unknownUnitText } from '../core/find-unit.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import { todayIn } from '../dialogue/local-time.js';
import { showSummary as showReflectionSummary } from '../reflection/summary-view.js';
import { buildSummary } from './build-summary.js';
import type { Period } from './period.js';
import { periodProblemText } from './period-problem.js';
import { allowed, exportValue } from './summary-access.js';
import { exportSummary } from './summary-export-action.js';
import { publishPictures } from './summary-pictures.js';
import { readSummaryArgs, topSummaryUnit } from './summary-target.js';
import { summaryView } from './summary-view.js';

/** `summary reflektion`: the reflection feature's view of a unit's latest rounds. */
const REFLECTION_WORDS = ['reflection', 'reflektion', 'reflect', 'reflektioner'];

/**
 * `/tillit summary [unit] [period]` for managers (their unit and below) and leaders (their
 * subtree): the summary in the person's language, privately. With no unit, the person's
 * highest unit; with no period, the current tertial. Administrators get no summary from being
 * administrators: only the manager and leader roles give one (access.ts, 'view-summary').
 */
async function showSummary(request: CommandRequest): Promise<Outcome> {
  if (isWord(request.args[0], REFLECTION_WORDS)) return showReflectionSummary(request);
  const { ctx, actor } = request;
  const s = actor.t.summary;
  const read = readSummaryArgs(request.args, todayIn(ctx.now, ctx.settings.defaultTimezone));
  if (!read.ok) {
    return say(
      read.problem === 'two-periods'
        ? s.twoPeriods({ text: read.text })
        : periodProblemText(actor.t, read.text, read.problem),
    );
  }
  const unit = read.unitText ? await findUnitByText(ctx.db, read.unitText) : await topUnit(request);
  if (!unit) {
    if (read.unitText) return say(await unknownUnitText(ctx.db, actor, read.unitText));
    return say(isAdmin(actor) ? s.adminOnly : s.noUnit);
  }
  const target = await allowed(request, unit, read.period);
  if (!target.ok) return target.outcome;
  return privately(await renderSummary(request, target.unit, target.period));
}

async function topUnit(request: Request): Promise<Unit | null> {
  const unitId = await topSummaryUnit(request.ctx.db, request.actor);
  return unitId ? getUnit(request.ctx.db, { unitId }) : null;
}

async function renderSummary(request: Request, unit: Unit, period: Period) {
  const { ctx, actor } = request;
  const data = await buildSummary(ctx.db, {
    unitId: unit.id,
    period,
    threshold: ctx.settings.anonymityThreshold,
    timeZone: unit.timezone,
    now: ctx.now,
  });
  const base = ctx.settings.publicUrl;
  const pictures = base
    ? await publishPictures(ctx.db, { data, t: actor.t, lang: actor.lang, base, now: ctx.now })
    : {};
  return summaryView(data, actor.t, actor.lang, pictures, exportValue(unit, period));
}

export const summaryFeature: Feature = {
  name: 'summary',
  commands: { summary: showSummary },
  actions: {
    'summary.export-csv': (request) => exportSummary(request, 'csv'),
    'summary.export-md': (request) => exportSummary(request, 'md'),
  },
};
