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
import { cellRule, closedRound, whileOpen } from '../privacy/disclosure.js';
import type { Block } from '../view.js';
import { formatWhen } from './prompt-view.js';

/** How far back the per-principle averages reach: each principle comes up about twice. */
export const SUMMARY_WEEKS = 12;

/**
 * `/tillit summary reflection` in a unit's channel, for its managers and leaders. A round that
 * is still open shows only how many have answered so far; ratings, texts and averages come
 * only from closed rounds, each shown or withheld once and for all by the cell rule
 * (dialogues/privacy/disclosure.ts), so asking again after one more answer shows nothing new.
 * The summary feature routes `summary reflektion` here.
 */
export async function showSummary(request: CommandRequest): Promise<Outcome> {
  const t = request.actor.t.reflection.summary;
  const guarded = await guardUnit(request, 'view-summary', t.what);
  if (!guarded.ok) return guarded.outcome;
  const { db } = request.ctx;
  const latest = await latestRoundOfUnit(db, { unitId: guarded.unit.id });
  const title = t.title({ unit: guarded.unit.name });
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (!latest) blocks.push({ type: 'text', text: t.noRounds });
  else {
    if (!latest.closedAt) blocks.push(...(await openRoundBlocks(request, guarded.unit, latest)));
    const closed = latest.closedAt
      ? latest
      : await latestRoundOfUnit(db, { unitId: guarded.unit.id, closed: true });
    if (closed) blocks.push(...(await closedRoundBlocks(request, closed)));
    blocks.push({ type: 'divider' }, ...(await principleBlocks(request, guarded.unit)));
  }
  const threshold = request.ctx.settings.anonymityThreshold;
  blocks.push({ type: 'context', text: t.thresholdNote({ threshold }) });
  return privately({ summary: title, blocks });
}

/** An open round: the count so far, and when the rest will show. */
async function openRoundBlocks(
  { ctx, actor }: CommandRequest,
  unit: Unit,
  round: ReflectionRound,
): Promise<Block[]> {
  const t = actor.t.reflection;
  const { answered } = await roundResponse(ctx.db, { roundId: round.id });
  const { answeredSoFar } = whileOpen(answered);
  const when = formatWhen(actor.t, round.closesAt, unit.timezone);
  return [
    {
      type: 'text',
      text: t.summary.open({
        date: formatIsoDate(round.roundDate, actor.lang),
        principle: t.principles[round.principle],
      }),
    },
    { type: 'text', text: t.summary.answeredSoFar({ count: answeredSoFar, when }) },
  ];
}

/** The latest closed round: each figure only where the cell rule allows it, counts with it. */
async function closedRoundBlocks(
  { ctx, actor }: CommandRequest,
  round: ReflectionRound,
): Promise<Block[]> {
  const t = actor.t.reflection;
  const principle = t.principles[round.principle];
  const date = formatIsoDate(round.roundDate, actor.lang);
  const blocks: Block[] = [{ type: 'text', text: t.summary.latest({ date, principle }) }];
  const response = await roundResponse(ctx.db, { roundId: round.id });
  const figures = await roundFigures(ctx.db, { roundId: round.id });
  const shown = closedRound(
    {
      invited: response.invited,
      answered: figures.answers,
      ratings: figures.ratings,
      ratingSum: figures.ratingSum,
      writers: figures.texts,
    },
    ctx.settings.anonymityThreshold,
  );
  if (!shown.response) return [...blocks, { type: 'text', text: t.summary.withheld }];
  const { answered, invited } = shown.response;
  const percent = invited ? Math.round((100 * answered) / invited) : 0;
  blocks.push({ type: 'text', text: t.summary.responseRate({ answered, invited, percent }) });
  blocks.push({
    type: 'text',
    text: shown.rating
      ? t.summary.average({
          average: decimal(shown.rating.average, actor.lang),
          count: shown.rating.ratings,
        })
      : t.summary.averageWithheld,
  });
  blocks.push({ type: 'text', text: `*${t.summary.textsHeader}*` });
  if (!shown.texts) {
    const none = figures.texts === 0 ? t.summary.noTexts : t.summary.textsWithheld;
    return [...blocks, { type: 'text', text: none }];
  }
  const texts = await listRoundTexts(ctx.db, { roundId: round.id });
  return [...blocks, { type: 'list', items: texts.map((text) => ({ text })) }];
}

async function principleBlocks({ ctx, actor }: CommandRequest, unit: Unit): Promise<Block[]> {
  const t = actor.t.reflection;
  const since = new Date(ctx.now.getTime() - SUMMARY_WEEKS * 7 * 86_400_000);
  const { minPerCell } = cellRule(ctx.settings.anonymityThreshold);
  const figures = new Map(
    (await principleFigures(ctx.db, { unitId: unit.id, since, minPerCell })).map((f) => [
      f.principle,
      f,
    ]),
  );
  const items = reflectionPrinciples.map((key) => {
    const principle = t.principles[key];
    const f = figures.get(key);
    if (!f) return { text: t.summary.principleNone({ principle }) };
    if (f.average === null) return { text: t.summary.principleWithheld({ principle }) };
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
