import { single } from '../../dialogues/core/form-values.js';
import {
  controlsOthers,
  FORM_ERROR_KEY,
  type Form,
  type FormValues,
  type Input,
  type Option,
  REFRESH_FIELD,
  visibleInputs,
} from '../../dialogues/view.js';
import type { CardData, CardOrigin } from './card-data.js';
import { jsonBytes, TEAMS_LIMITS, truncate } from './card-text.js';
import { type AdaptiveCardJson, type CardElement, emptyCard, textBlock } from './render-card.js';

export interface FormCardOptions {
  origin?: CardOrigin;
  /** The 1:1 card whose button opened the form: replaced when the submit says so. */
  source?: string;
  /** Messages next to inputs (by input id) and at the top (FORM_ERROR_KEY), after a refused submit. */
  errors?: Record<string, string>;
  /** What the person had entered: shown again instead of the form's initial values. */
  values?: FormValues;
  /** Shown by Teams itself when a required input is left empty. */
  requiredText?: string;
  /** The button beside a choice that other inputs depend on: shows the fields it calls for. */
  refreshText?: string;
}

/**
 * A form as a card: inputs with labels (1.5), errors in red under the input they concern, and
 * one submit button whose data names the form and carries its state. Teams merges the input
 * values into that data on submit; multi-select ids are listed so they can be split again.
 */
export function renderFormCard(form: Form, options: FormCardOptions = {}): AdaptiveCardJson {
  // A long list of choices (every member of a big unit) is what can push a form past the size:
  // fewer are offered then, the same way the first 100 are offered when there are more.
  for (let choices: number = TEAMS_LIMITS.choices; ; choices = Math.floor(choices / 2)) {
    const card = formCard(form, options, choices);
    if (jsonBytes(card) <= TEAMS_LIMITS.cardBytes) return card;
    if (choices <= MIN_CHOICES) {
      // Cutting further would change what the form asks; a form this big is a programmer error.
      throw new Error(`renderFormCard(${form.id}): ${jsonBytes(card)} bytes, over Teams' limit`);
    }
  }
}

const MIN_CHOICES = 10;

function formCard(form: Form, options: FormCardOptions, maxChoices: number): AdaptiveCardJson {
  const errors = options.errors ?? {};
  const card = emptyCard(form.title);
  const formError = errors[FORM_ERROR_KEY];
  const multi = form.inputs.filter((input) => input.type === 'checkboxes').map((i) => i.id);
  const data: CardData = {
    tillit: {
      formId: form.id,
      state: form.state,
      ...(options.origin ? { o: options.origin } : {}),
      ...(options.source ? { m: options.source } : {}),
      ...(multi.length ? { multi } : {}),
    },
  };
  card.body = [
    textBlock(form.title, { size: 'Large', weight: 'Bolder', style: 'heading' }),
    ...(form.intro?.trim() ? [textBlock(form.intro)] : []),
    ...(formError ? [errorBlock(formError)] : []),
    ...visibleInputs(form, options.values ?? {}).flatMap((input) => {
      const error = errors[input.id];
      const withValue = applyValue(input, options.values);
      const element = inputElement(withValue, maxChoices);
      if (element.isRequired) element.errorMessage = options.requiredText ?? 'Required';
      const hint = input.type === 'text' && input.hint ? [hintBlock(input.hint)] : [];
      // Adaptive Cards 1.5 cannot react to a choice: a button beside it refreshes the card.
      const refresh = controlsOthers(form, input) ? [refreshButton(data, options.refreshText)] : [];
      return [element, ...hint, ...refresh, ...(error ? [errorBlock(error)] : [])];
    }),
  ];
  card.actions = [
    {
      type: 'Action.Submit',
      title: truncate(form.submitLabel, TEAMS_LIMITS.buttonTitle),
      style: 'positive',
      data,
    },
  ];
  return card;
}

/** The form's own data, marked as a refresh (REFRESH_FIELD): the form comes back, nothing saved. */
function refreshButton(data: CardData, text = 'Show the fields for this choice'): CardElement {
  const title = truncate(text, TEAMS_LIMITS.buttonTitle);
  const refresh = { ...data, [REFRESH_FIELD]: '1' };
  return { type: 'ActionSet', actions: [{ type: 'Action.Submit', title, data: refresh }] };
}

const hintBlock = (text: string): CardElement =>
  textBlock(text, { isSubtle: true, size: 'Small', spacing: 'None' });

/** The form after it was sent: its title and a line that it went, with no inputs left to send twice. */
export function renderSentFormCard(form: Pick<Form, 'title'>, line: string): AdaptiveCardJson {
  const card = emptyCard(form.title);
  card.body = [textBlock(form.title, { weight: 'Bolder' }), textBlock(line, { isSubtle: true })];
  return card;
}

function errorBlock(text: string): CardElement {
  return textBlock(text, { color: 'Attention', weight: 'Bolder', spacing: 'Small' });
}

/** The submitted value as the input's initial one, so a refused form keeps what was typed. */
function applyValue(input: Input, values: FormValues | undefined): Input {
  if (!values || !(input.id in values)) return input;
  const value = values[input.id];
  if (input.type === 'checkboxes') {
    return { ...input, initial: Array.isArray(value) ? value : value ? [value] : [] };
  }
  return { ...input, initial: single(value) };
}

function inputElement(input: Input, maxChoices: number): CardElement {
  const base = { id: input.id, label: truncate(input.label, TEAMS_LIMITS.inputLabel) };
  switch (input.type) {
    case 'text':
      return {
        type: 'Input.Text',
        ...base,
        isMultiline: input.multiline ?? false,
        isRequired: !(input.optional ?? false),
        ...(input.maxLength ? { maxLength: input.maxLength } : {}),
        ...(input.initial ? { value: input.initial } : {}),
        ...(input.placeholder ? { placeholder: truncate(input.placeholder, 150) } : {}),
      };
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: 'compact',
        isRequired: !(input.optional ?? false),
        choices: choices(input.options, maxChoices),
        ...(input.initial ? { value: input.initial } : {}),
      };
    case 'checkboxes':
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: 'expanded',
        isMultiSelect: true,
        choices: choices(input.options, maxChoices),
        ...(input.initial?.length ? { value: input.initial.join(',') } : {}),
      };
    case 'date': {
      const date = /^\d{4}-\d{2}-\d{2}/.exec(input.initial ?? '')?.[0];
      return {
        type: 'Input.Date',
        ...base,
        isRequired: !(input.optional ?? false),
        ...(date ? { value: date } : {}),
      };
    }
    default:
      input satisfies never;
      throw new Error(`renderFormCard: unknown input ${JSON.stringify(input)}`);
  }
}

/** Beyond 100 choices a card grows past what is usable (and past the size); the first are offered. */
function choices(options: Option[], max: number) {
  return options
    .slice(0, max)
    .map((option) => ({ title: truncate(option.label, 200), value: option.value }));
}
