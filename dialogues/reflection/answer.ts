import { AnswerWithdrawn } from '../../store/answer-writer.js';
import {
  type AnswerResult,
  type AnswerToStore,
  storeAnswer,
} from '../../store/queries/reflection-answers.js';
import { reflectionThanksKey } from '../../store/queries/reflection-round-forget.js';
import {
  getRound,
  hasAnswered,
  inviteToOpenRound,
  type ReflectionRound,
} from '../../store/queries/reflection-rounds.js';
import { getUnit } from '../../store/queries/units.js';
import { REFLECTION_TEXT_MAX } from '../../store/schema/index.js';
import { may } from '../core/access.js';
import { TooLate } from '../core/commit-guard.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import { single } from '../core/form-values.js';
import { say } from '../core/guards.js';
import { isUuid } from '../core/ids.js';
import { formError, formErrors, type Outcome, openForm, outcome } from '../core/outcome.js';
import { checkFreeText } from '../safety/free-text.js';
import { type Form, view } from '../view.js';
import { ANSWER_FORM } from './prompt-view.js';
import { questionText } from './question-bank.js';

type Loaded = { ok: true; round: ReflectionRound; unitName: string } | { ok: false; text: string };

/**
 * The round a button or form names, if this person may answer it now: it exists, is open,
 * and belongs to a unit they hold a role in themselves (a leader above does not answer for
 * the units below). A person who joined the unit after it opened is invited now, so the
 * response rate counts them.
 */
async function loadAnswerable(
  request: Request,
  roundId: string,
  options: { invite: boolean },
): Promise<Loaded> {
  const { ctx, actor } = request;
  const t = actor.t.reflection;
  const round = isUuid(roundId) ? await getRound(ctx.db, { roundId }) : null;
  const open = round && !round.closedAt && round.opensAt <= ctx.now && ctx.now < round.closesAt;
  if (!round || !open) return { ok: false, text: t.closed };
  if (!(await may(ctx.db, actor, 'answer-reflection', round.unitId))) {
    return { ok: false, text: t.notYours };
  }
  const unit = await getUnit(ctx.db, { unitId: round.unitId });
  const unitName = unit?.name ?? '';
  if (await hasAnswered(ctx.db, { roundId, personId: actor.person.id })) {
    return { ok: false, text: t.alreadyAnswered({ unit: unitName }) };
  }
  if (options.invite) await inviteToOpenRound(ctx.db, { roundId, personId: actor.person.id });
  return { ok: true, round, unitName };
}

/** A rating button (`<roundId>:<1–5>`) → the form with that rating chosen. */
export async function openWithRating(request: ActionRequest): Promise<Outcome> {
  const [roundId = '', rating = ''] = request.action.value.split(':');
  return openAnswerForm(request, roundId, /^[1-5]$/.test(rating) ? rating : undefined);
}

/** "Answer without a rating" (`<roundId>`), and the home tab's "Answer". */
export async function openWithoutRating(request: ActionRequest): Promise<Outcome> {
  return openAnswerForm(request, request.action.value, undefined);
}

async function openAnswerForm(
  request: Request,
  roundId: string,
  rating: string | undefined,
): Promise<Outcome> {
  const loaded = await loadAnswerable(request, roundId, { invite: true });
  if (!loaded.ok) return say(loaded.text);
  const t = request.actor.t.reflection;
  const form: Form = {
    id: ANSWER_FORM,
    title: t.form.title,
    submitLabel: t.form.submit,
    state: loaded.round.id,
    intro: t.form.intro({ question: questionText(request.actor.t, loaded.round) }),
    inputs: [
      {
        type: 'select',
        id: 'rating',
        label: t.form.ratingLabel,
        options: t.form.ratingOptions.map((label, i) => ({ label, value: String(i + 1) })),
        optional: true,
        ...(rating ? { initial: rating } : {}),
      },
      {
        type: 'text',
        id: 'text',
        label: t.form.textLabel({ max: REFLECTION_TEXT_MAX }),
        multiline: true,
        maxLength: REFLECTION_TEXT_MAX,
        optional: true,
        placeholder: t.form.textPlaceholder,
      },
    ],
  };
  return openForm(form);
}

/**
 * The submitted form. What was said is stored apart from who said it, in one statement; after
 * that the answer cannot be changed, because nothing leads back to it — changing is possible
 * only in the open form, before sending. The text is checked (length, personnummer) first and
 * never logged: a failure is re-thrown without the statement's parameters.
 */
export async function submitAnswer(request: FormRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.reflection;
  const loaded = await loadAnswerable(request, request.state, { invite: false });
  if (!loaded.ok) return formError(loaded.text);
  const ratingValue = single(request.values.rating);
  if (ratingValue !== '' && !/^[1-5]$/.test(ratingValue)) {
    return formErrors({ rating: t.form.badRating });
  }
  const text = checkFreeText(actor.t, single(request.values.text), {
    max: REFLECTION_TEXT_MAX,
    optional: true,
  });
  if (!text.ok) return formErrors({ text: text.message });
  if (ratingValue === '' && text.text === '') return formError(t.form.needSomething);
  const result = await storeWithoutLeaking(ctx, {
    roundId: loaded.round.id,
    personId: actor.person.id,
    now: ctx.now,
    rating: ratingValue === '' ? null : Number(ratingValue),
    text: text.text === '' ? null : text.text,
  });
  switch (result) {
    case 'stored':
      // The prompt whose button opened the form gives way to "answered" (its 1–5 buttons go);
      // sent anew when there is none. It says that, never what: the answer is not linked to
      // the person. Keyed by the round, so the local page forgets it at close.
      return outcome({
        kind: 'replace',
        view: answeredView(request, loaded),
        key: reflectionThanksKey(loaded.round.id),
      });
    case 'already-answered':
      return formError(t.alreadyAnswered({ unit: loaded.unitName }));
    case 'closed':
      return formError(t.closed);
    default:
      return result satisfies never;
  }
}

function answeredView(request: Request, loaded: Extract<Loaded, { ok: true }>) {
  const t = request.actor.t.reflection;
  return view(
    t.thanks,
    { type: 'header', text: t.title },
    { type: 'text', text: `*${questionText(request.actor.t, loaded.round)}*` },
    { type: 'context', text: t.home.answered({ unit: loaded.unitName }) },
    { type: 'text', text: t.thanks },
  );
}

/** Database errors carry the statement's parameters (the text) in their message: drop them. */
export class ReflectionStoreError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(`storing a reflection answer failed (${code}); the text is not shown`);
    this.name = 'ReflectionStoreError';
    this.code = code;
  }
}

/**
 * Through the answer writer where there is one (a shuffled group commit, before the request's
 * own commit: the person hears "stored" only after it), else in the request's transaction.
 */
async function storeWithoutLeaking(
  ctx: Request['ctx'],
  params: AnswerToStore,
): Promise<AnswerResult> {
  const { answerWriter, guard } = ctx;
  try {
    if (!answerWriter) return await storeAnswer(ctx.db, params);
    return await answerWriter.store(params, () => guard?.claim() ?? true);
  } catch (error) {
    if (error instanceof AnswerWithdrawn) throw new TooLate();
    throw new ReflectionStoreError(errorCode(error));
  }
}

/** The SQLSTATE of a database error (itself or its cause), else the error's class name. */
function errorCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.name : 'unknown';
}
