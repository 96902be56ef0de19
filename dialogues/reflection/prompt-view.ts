import type { ReflectionRound } from '../../store/queries/reflection-rounds.js';
import { formatWeekdayDateTime } from '../calendar/dates.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Block, Button, View } from '../view.js';
import { questionText } from './question-bank.js';

/** Button values: `<roundId>:<rating>`; "answer without a rating" carries the round id alone. */
export const RATE_ACTION = 'reflection.rate';
export const WRITE_ACTION = 'reflection.write';
export const ANSWER_FORM = 'reflection.answer';

export type PromptRound = Pick<
  ReflectionRound,
  'id' | 'principle' | 'questionIndex' | 'closesAt'
> & { unitName: string; timezone: string };

/**
 * The weekly question: one click on a rating opens the short form (the rating chosen, a text
 * field beside it). The same view is the direct message, the reminder and `/tillit reflect`.
 */
export function promptView(
  t: Catalogue,
  round: PromptRound,
  options: { reminder?: boolean } = {},
): View {
  const r = t.reflection;
  const principle = r.principles[round.principle];
  const blocks: Block[] = [
    { type: 'header', text: r.title },
    ...(options.reminder ? [{ type: 'text' as const, text: r.reminderLead }] : []),
    ...promptBlocks(t, round),
  ];
  const summary = options.reminder ? r.reminderSummary : r.promptSummary({ principle });
  return { summary, blocks };
}

/** The question and its buttons, without a header (for lists of several units' prompts). */
export function promptBlocks(t: Catalogue, round: PromptRound): Block[] {
  const r = t.reflection;
  const principle = r.principles[round.principle];
  return [
    { type: 'text', text: `*${questionText(t, round)}*` },
    {
      type: 'context',
      text: `${r.principleLine({ principle, unit: round.unitName })} · ${r.scale}`,
    },
    { type: 'buttons', buttons: ratingButtons(t, round.id) },
    {
      type: 'context',
      text: `${r.openUntil({ when: formatWhen(t, round.closesAt, round.timezone) })} ${r.anonymity}`,
    },
  ];
}

function ratingButtons(t: Catalogue, roundId: string): Button[] {
  const ratings = [1, 2, 3, 4, 5].map(
    (n): Button => ({ label: String(n), action: { id: RATE_ACTION, value: `${roundId}:${n}` } }),
  );
  return [
    ...ratings,
    { label: t.reflection.withoutRating, action: { id: WRITE_ACTION, value: roundId } },
  ];
}

/** "torsdag 27 nov 2026 kl. 14.00" in the unit's time zone. */
export function formatWhen(t: Catalogue, instant: Date, timeZone: string): string {
  return formatWeekdayDateTime(instant, timeZone, t);
}
