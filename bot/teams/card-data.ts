import type { Action, FormValues } from '../../dialogues/view.js';

/**
 * The conversation a card acts for when it was sent somewhere else: a button or form sent
 * privately (in the person's 1:1 chat) on behalf of a channel. `c` is the conversation that
 * channel replies go to, `p` the channel id a unit is linked by (null: none).
 */
export interface CardOrigin {
  c: string;
  p: string | null;
}

/**
 * What an `Action.Submit` carries back. Teams merges the card's input values into the same
 * object, beside `tillit`, keyed by input id.
 */
export type CardData =
  | { tillit: { id: string; value: string; o?: CardOrigin } }
  | { tillit: { formId: string; state: string; o?: CardOrigin; m?: string; multi?: string[] } };

export const buttonData = (action: Action, origin?: CardOrigin): CardData => ({
  tillit: { id: action.id, value: action.value, ...(origin ? { o: origin } : {}) },
});

export type CardSubmission =
  | { kind: 'action'; action: Action; origin: CardOrigin | null }
  | {
      kind: 'submit';
      formId: string;
      state: string;
      values: FormValues;
      origin: CardOrigin | null;
      /** The card whose button opened the form (an activity id in the same 1:1 chat). */
      source: string | null;
    };

/**
 * A message activity's `value` (an Action.Submit) as a click or a form submission; null when
 * it is not one of Tillit's cards. Multi-select inputs come back as "a,b" and are split.
 */
export function readCardValue(value: unknown): CardSubmission | null {
  if (!isRecord(value) || !isRecord(value.tillit)) return null;
  const { tillit, ...inputs } = value;
  const origin = readOrigin(tillit.o);
  if (typeof tillit.formId === 'string') {
    const multi = new Set(Array.isArray(tillit.multi) ? tillit.multi.map(String) : []);
    const values: FormValues = {};
    for (const [id, raw] of Object.entries(inputs)) {
      const text = raw === undefined || raw === null ? '' : String(raw);
      values[id] = multi.has(id) ? text.split(',').filter(Boolean) : text === '' ? undefined : text;
    }
    for (const id of multi) values[id] ??= [];
    const state = typeof tillit.state === 'string' ? tillit.state : '';
    const source = typeof tillit.m === 'string' && tillit.m ? tillit.m : null;
    return { kind: 'submit', formId: tillit.formId, state, values, origin, source };
  }
  if (typeof tillit.id === 'string') {
    const actionValue = typeof tillit.value === 'string' ? tillit.value : '';
    return { kind: 'action', action: { id: tillit.id, value: actionValue }, origin };
  }
  return null;
}

function readOrigin(raw: unknown): CardOrigin | null {
  if (!isRecord(raw) || typeof raw.c !== 'string' || !raw.c) return null;
  return { c: raw.c, p: typeof raw.p === 'string' && raw.p ? raw.p : null };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
