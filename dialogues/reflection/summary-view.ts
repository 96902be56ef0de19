import {
  listRoundTexts,
  principleFigures,
  roundFigures,
  roundResponse,
} from '../../store/queries/reflection-answers.js';
import { latestRoundOfUnit, type ReflectionRound } from '../../store/queries/reflection-rounds.js';
import type { Unit } from '../../store/queries/units.js';
import { reflectionPrinciples } from '../../store/schema/index.js';
import type { CommandRequest } from '../core/feature.js';
import { guardUnit } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import type { Block } from '../view.js';
import { formatWhen } from './prompt-view.js';

/** How far back the per-principle averages reach: each principle comes up about twice. */
export const SUMMARY_WEEKS = 12;

/**
 * `/tillit summary reflection` in a unit's channel, for its managers and leaders: the latest
 * round's response rate, average and texts, and the average per principle. Every figure drawn
 * from fewer answers than the anonymity threshold is withheld, texts included; texts come in
 * random order. The summary feature routes `summary reflektion` here.
 */
export async function showSummary(request: CommandRequest): Promise<Outcome> {
  const t = request.actor.t.reflection.summary;
  const guarded = await guardUnit(request, 'view-summary', t.what);
  if (!guarded.ok) return guarded.outcome;
  const latest = await latestRoundOfUnit(request.ctx.db, { unitId: guarded.unit.id });
  const title = t.title({ unit: guarded.unit.name });
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (!latest) blocks.push({ type: 'text', text: t.noRounds });
  else {
    blocks.push(...(await latestRoundBlocks(request, guarded.unit, latest)));
    blocks.push({ type: 'divider' }, ...(await principleBlocks(request, guarded.unit)));
  }
  const threshold = request.ctx.settings.anonymityThreshold;
  blocks.push({ type: 'context', text: t.thresholdNote({ threshold }) });
  return privately({ summary: title, blocks });
}

async function latestRoundBlocks(
  { ctx, actor }: CommandRequest,
  unit: Unit,
  round: ReflectionRound,
): Promise<Block[]> {
  const t = actor.t.reflection;
  const threshold = ctx.settings.anonymityThreshold;
  const principle = t.principles[round.principle];
  const blocks: Block[] = [
    {
      type: 'text',
      text: t.summary.latest({ date: formatIsoDate(round.roundDate, actor.lang), principle }),
    },
  ];
  if (!round.closedAt && round.closesAt > ctx.now) {
    const when = formatWhen(actor.t, round.closesAt, unit.timezone);
    blocks.push({ type: 'context', text: t.summary.stillOpen({ when }) });
  }
  const response = await roundResponse(ctx.db, { roundId: round.id });
  const percent = response.invited ? Math.round((100 * response.answered) / response.invited) : 0;
  blocks.push({ type: 'text', text: t.summary.responseRate({ ...response, percent }) });
  const figures = await roundFigures(ctx.db, { roundId: round.id });
  if (figures.answers < threshold) {
    blocks.push({ type: 'text', text: t.summary.withheld });
    return blocks;
  }
  blocks.push({
    type: 'text',
    text:
      figures.average !== null && figures.ratings >= threshold
        ? t.summary.average({
            average: decimal(figures.average, actor.lang),
            count: figures.ratings,
          })
        : `${t.summary.average({ average: '–', count: figures.ratings })} · ${t.summary.withheld}`,
  });
  const texts = await listRoundTexts(ctx.db, { roundId: round.id });
  blocks.push({ type: 'text', text: `*${t.summary.textsHeader}*` });
  blocks.push(
    texts.length
      ? { type: 'list', items: texts.map((text) => ({ text })) }
      : { type: 'text', text: t.summary.noTexts },
  );
  return blocks;
}

async function principleBlocks({ ctx, actor }: CommandRequest, unit: Unit): Promise<Block[]> {
  const t = actor.t.reflection;
  const threshold = ctx.settings.anonymityThreshold;
  const since = new Date(ctx.now.getTime() - SUMMARY_WEEKS * 7 * 86_400_000);
  const figures = new Map(
    (await principleFigures(ctx.db, { unitId: unit.id, since, minAnswers: threshold })).map((f) => [
      f.principle,
      f,
    ]),
  );
  const items = reflectionPrinciples.map((key) => {
    const principle = t.principles[key];
    const f = figures.get(key);
    if (!f) return { text: t.summary.principleNone({ principle }) };
    if (f.average === null || f.ratings < threshold) {
      return { text: t.summary.principleWithheld({ principle }) };
    }
    const average = decimal(f.average, actor.lang);
    return { text: t.summary.principleRow({ principle, average, count: f.ratings }) };
  });
  return [
    { type: 'text', text: t.summary.perPrinciple({ weeks: SUMMARY_WEEKS }) },
    { type: 'list', items },
  ];
}

/** 3,8 in Swedish, 3.8 in English. */
function decimal(value: number, lang: string): string {
  return value.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}
