import type {
  InputBlock,
  InputBlockElement,
  KnownBlock,
  ModalView,
  PlainTextOption,
} from '@slack/types';
import {
  controlsOthers,
  FORM_ERROR_KEY,
  type Form,
  type FormValues,
  type Input,
  type Option,
  visibleInputs,
} from '../../dialogues/view.js';
import { mrkdwn, plainText, SLACK_LIMITS, truncate } from './slack-limits.js';

/**
 * A form as a Slack modal. The state rides in `private_metadata`; it is the one limit that is
 * not cut to fit, because a cut state would be silently wrong: callers keep it short, and a
 * state that is too long is a programmer error.
 */
export function renderModal(form: Form, opts: { cancelLabel: string }): ModalView {
  if (form.state.length > SLACK_LIMITS.privateMetadata) {
    throw new Error(
      `renderModal(${form.id}): state is ${form.state.length} characters, ` +
        `Slack's private_metadata holds ${SLACK_LIMITS.privateMetadata}`,
    );
  }
  const intro: KnownBlock[] = form.intro?.trim()
    ? [{ type: 'section', text: mrkdwn(form.intro) }]
    : [];
  return {
    type: 'modal',
    callback_id: idFor(form.id),
    private_metadata: form.state,
    title: plainText(form.title, SLACK_LIMITS.viewTitle),
    submit: plainText(form.submitLabel, SLACK_LIMITS.viewButton),
    close: plainText(opts.cancelLabel, SLACK_LIMITS.viewButton),
    // Only the inputs the current choices call for; a select others depend on dispatches its
    // change, and the modal is rendered again for the new choice (views.update).
    blocks: [
      ...intro,
      ...visibleInputs(form).map((input) => {
        const block = inputBlock(input);
        return controlsOthers(form, input) ? { ...block, dispatch_action: true } : block;
      }),
    ].slice(0, SLACK_LIMITS.viewBlocks),
  };
}

/** Ids name handlers and inputs, so they are cut plainly (no "…"), the same way both ways. */
const idFor = (id: string) => id.slice(0, SLACK_LIMITS.blockId);

function inputBlock(input: Input): InputBlock {
  const id = idFor(input.id);
  const base = {
    type: 'input' as const,
    block_id: id,
    label: plainText(input.label, SLACK_LIMITS.inputLabel),
  };
  switch (input.type) {
    case 'text':
      return {
        ...base,
        optional: input.optional ?? false,
        element: textElement(input, id),
        ...(input.hint ? { hint: plainText(input.hint, SLACK_LIMITS.inputLabel) } : {}),
      };
    case 'select':
      return { ...base, optional: input.optional ?? false, element: selectElement(input, id) };
    case 'checkboxes':
      // Ticking none is an answer too; without `optional` Slack would demand at least one.
      return { ...base, optional: true, element: checkboxesElement(input, id) };
    case 'date':
      return { ...base, optional: input.optional ?? false, element: dateElement(input, id) };
    default: {
      const unknown: never = input;
      throw new Error(`renderModal: unknown input ${JSON.stringify(unknown)}`);
    }
  }
}

type InputOf<T extends Input['type']> = Extract<Input, { type: T }>;

function textElement(input: InputOf<'text'>, actionId: string): InputBlockElement {
  const maxLength = Math.min(
    input.maxLength ?? SLACK_LIMITS.textInputLength,
    SLACK_LIMITS.textInputLength,
  );
  return {
    type: 'plain_text_input',
    action_id: actionId,
    multiline: input.multiline ?? false,
    ...(input.maxLength ? { max_length: maxLength } : {}),
    ...(input.initial ? { initial_value: truncate(input.initial, maxLength) } : {}),
    ...(input.placeholder
      ? { placeholder: plainText(input.placeholder, SLACK_LIMITS.placeholder) }
      : {}),
  };
}

/** Beyond 100 options Slack rejects the view, so the first 100 are offered. */
function selectElement(input: InputOf<'select'>, actionId: string): InputBlockElement {
  const options = input.options.slice(0, SLACK_LIMITS.selectOptions).map(slackOption);
  const initial = options.find((option) => option.value === input.initial);
  return {
    type: 'static_select',
    action_id: actionId,
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

/** Checkboxes hold 10 options at most; a longer list becomes a multi-select with the same values. */
function checkboxesElement(input: InputOf<'checkboxes'>, actionId: string): InputBlockElement {
  const asCheckboxes = input.options.length <= SLACK_LIMITS.checkboxOptions;
  const options = input.options.slice(0, SLACK_LIMITS.selectOptions).map(slackOption);
  const chosen = new Set(input.initial ?? []);
  const initial = options.filter((option) => option.value && chosen.has(option.value));
  const initialOptions = initial.length ? { initial_options: initial } : {};
  return asCheckboxes
    ? { type: 'checkboxes', action_id: actionId, options, ...initialOptions }
    : { type: 'multi_static_select', action_id: actionId, options, ...initialOptions };
}

/** Slack wants `YYYY-MM-DD`; a date-time is cut to its date, anything else is left out. */
function dateElement(input: InputOf<'date'>, actionId: string): InputBlockElement {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(input.initial ?? '')?.[0];
  return { type: 'datepicker', action_id: actionId, ...(date ? { initial_date: date } : {}) };
}

function slackOption(option: Option): PlainTextOption {
  return {
    text: plainText(option.label, SLACK_LIMITS.optionText),
    value: option.value.slice(0, SLACK_LIMITS.optionValue),
  };
}

/** One element's state in `view.state.values`, as much of it as Tillit's inputs produce. */
export interface SlackStateValue {
  type: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[];
  selected_date?: string | null;
}

/** `view.state.values`: block id → action id → state. */
export type SlackStateValues = Record<string, Record<string, SlackStateValue>>;

/**
 * Slack's submitted state back as neutral form values, keyed by input id (the block id).
 * Slack sends null for an empty text or an unchosen option; that becomes `undefined`.
 */
export function readModalValues(stateValues: SlackStateValues): FormValues {
  const values: FormValues = {};
  for (const [blockId, actions] of Object.entries(stateValues)) {
    const state = actions[blockId] ?? Object.values(actions)[0];
    if (state) values[blockId] = stateValue(state);
  }
  return values;
}

function stateValue(state: SlackStateValue): string | string[] | undefined {
  if (state.selected_options) {
    return state.selected_options.flatMap((option) => (option.value ? [option.value] : []));
  }
  if (state.selected_option !== undefined) return state.selected_option?.value ?? undefined;
  if (state.selected_date !== undefined) return state.selected_date ?? undefined;
  return state.value ?? undefined;
}

/**
 * Neutral form errors as Slack's `response_action: 'errors'` wants them: keyed by the block id
 * of an input block, or Slack rejects the answer and the person sees a generic failure.
 * A whole-form error (FORM_ERROR_KEY) has no input of its own, so it is shown at the first input,
 * the nearest place to the top of the form Slack allows; it comes before any message that
 * input already has. With no input at all there is nowhere to show it and it is left out.
 */
export function slackErrors(
  errors: Record<string, string>,
  firstInputId: string | undefined,
): Record<string, string> {
  const { [FORM_ERROR_KEY]: formError, ...inputErrors } = errors;
  const result: Record<string, string> = {};
  if (formError && firstInputId) result[idFor(firstInputId)] = formError;
  for (const [inputId, message] of Object.entries(inputErrors)) {
    const key = idFor(inputId);
    result[key] = result[key] ? `${result[key]} ${message}` : message;
  }
  return result;
}

/**
 * As `slackErrors`, knowing the form's inputs: an error naming no input of the form is shown
 * at the first input too, since Slack would reject the whole answer because of it.
 */
export function formErrorsForSlack(
  errors: Record<string, string>,
  inputs: readonly Input[] = [],
): Record<string, string> {
  const firstInputId = inputs[0]?.id;
  if (!inputs.length) return slackErrors(errors, firstInputId);
  const known = new Set(inputs.map((input) => input.id));
  const stray = Object.entries(errors).filter(([key]) => key !== FORM_ERROR_KEY && !known.has(key));
  const formError = [errors[FORM_ERROR_KEY], ...stray.map(([, message]) => message)]
    .filter(Boolean)
    .join(' ');
  const onInputs = Object.fromEntries(Object.entries(errors).filter(([key]) => known.has(key)));
  return slackErrors(
    formError ? { ...onInputs, [FORM_ERROR_KEY]: formError } : onInputs,
    firstInputId,
  );
}
