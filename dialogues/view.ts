import type { Capability } from './core/access.js';

/**
 * The platform-neutral description of what to show. Use cases return these; each channel
 * (Slack Block Kit, Teams Adaptive Cards, the local HTML page) renders them with one
 * exhaustive switch, so a new element a renderer forgets is a compile error.
 *
 * Text is plain, with *bold* and _italic_ as the only markup: every platform renders those.
 */
export interface View {
  /** Short plain summary: notification text, screen readers, fallbacks. */
  summary: string;
  blocks: Block[];
}

export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'list'; items: ListItem[]; ordered?: boolean }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'context'; text: string }
  | { type: 'divider' }
  | { type: 'matrix'; matrix: Matrix }
  | { type: 'meter'; label: string; value: number; max: number; text?: string }
  | { type: 'image'; url: string; alt: string }
  /**
   * A file to download: an absolute https address (PUBLIC_URL), or a path on Tillit's own
   * server (`/exports/…`), which only the local page can open; elsewhere it shows the label.
   */
  | { type: 'download'; label: string; url: string };

export type BlockType = Block['type'];

export interface Field {
  label: string;
  value: string;
}

/** A line in a list, optionally with buttons that act on it (edit, vote, remove…). */
export interface ListItem {
  text: string;
  buttons?: Button[];
}

export interface Button {
  label: string;
  action: Action;
  style?: 'primary' | 'danger';
  /**
   * Only for those who may (steering a dialogue): a renderer that draws for one person (a
   * private message, the local page per viewer) leaves it out for the others; a message
   * shared by many (a Slack or Teams channel) shows `who` beside the label instead.
   */
  only?: ButtonAudience;
}

export interface ButtonAudience {
  capability: Extract<Capability, 'run-dialogue' | 'run-risk-dialogue' | 'lead-review'>;
  unitId: string;
  /** "för chef/samtalsledare", in the message's language. */
  who: string;
}

/**
 * What a click means: `id` names the handler (e.g. `swot.vote`), `value` carries its small
 * argument (an item id). Values must stay short: platforms cap them (Slack: 2,000 chars).
 */
export interface Action {
  id: string;
  value: string;
}

/** A grid such as the 4×4 risk matrix: rows top to bottom, each cell with text and a tone. */
export interface Matrix {
  title: string;
  columnLabels: string[];
  rowLabels: string[];
  cells: MatrixCell[][];
  /** Axis names, e.g. "Konsekvens" across, "Sannolikhet" down. */
  columnAxis: string;
  rowAxis: string;
}

/**
 * "Sannolikhet ↓ · Konsekvens →" for a matrix whose axes mean something; null when it has
 * none (an overview of figures by period reads by its labels alone).
 */
export const matrixAxes = (matrix: Pick<Matrix, 'rowAxis' | 'columnAxis'>): string | null =>
  matrix.rowAxis && matrix.columnAxis ? `${matrix.rowAxis} ↓ · ${matrix.columnAxis} →` : null;

export interface MatrixCell {
  text: string;
  tone: Tone;
}

export type Tone = 'neutral' | 'green' | 'yellow' | 'orange' | 'red';

/**
 * The key of a refused form's message about the whole form rather than one input (errors are
 * otherwise keyed by input id); every channel shows it at the top of the form.
 */
export const FORM_ERROR_KEY = '_form';

/** A form: a Slack modal, a Teams card with inputs, an HTML form. */
export interface Form {
  /** Names the submit handler, e.g. `swot.add-item`. */
  id: string;
  title: string;
  submitLabel: string;
  /** Opaque state carried back on submit (ids, never secrets; Slack caps it at 3,000 chars). */
  state: string;
  intro?: string;
  inputs: Input[];
}

export type Input = (
  | {
      type: 'text';
      id: string;
      label: string;
      multiline?: boolean;
      maxLength?: number;
      optional?: boolean;
      initial?: string;
      placeholder?: string;
      /** Shown under the field before it is used, e.g. "Högst 280 tecken". */
      hint?: string;
    }
  | {
      type: 'select';
      id: string;
      label: string;
      options: Option[];
      optional?: boolean;
      initial?: string;
    }
  | { type: 'checkboxes'; id: string; label: string; options: Option[]; initial?: string[] }
  | { type: 'date'; id: string; label: string; optional?: boolean; initial?: string }
) & { shownWhen?: ShownWhen };

/**
 * An input that belongs to one choice of a select in the same form (the fields of the
 * chosen handling): shown only while that select has one of these values. Each renderer
 * implements it: Slack re-renders the modal when the select changes, Teams refreshes the
 * card from a button beside the select, the local page shows and hides in place.
 */
export interface ShownWhen {
  input: string;
  is: string[];
}

/**
 * Sent along with the values when a person changes a select that others depend on (Slack,
 * Teams): the form's submit handler answers with the form again, nothing saved.
 */
export const REFRESH_FIELD = '_refresh';

export const isFormRefresh = (values: FormValues): boolean => values[REFRESH_FIELD] !== undefined;

/** Whether other inputs of the form are shown or hidden by this one's value. */
export const controlsOthers = (form: Form, input: Input): boolean =>
  form.inputs.some((other) => other.shownWhen?.input === input.id);

/** The inputs to show, given the values chosen so far (else each select's initial value). */
export function visibleInputs(form: Form, values: FormValues = {}): Input[] {
  const current = (id: string): string | undefined => {
    const given = values[id];
    if (typeof given === 'string') return given;
    const input = form.inputs.find((i) => i.id === id);
    return input?.type === 'select' ? input.initial : undefined;
  };
  return form.inputs.filter((input) => {
    const when = input.shownWhen;
    if (!when) return true;
    const value = current(when.input);
    return value !== undefined && when.is.includes(value);
  });
}

export type InputType = Input['type'];

export interface Option {
  label: string;
  value: string;
}

/** What came back from a form: input id → text, option value, or several option values. */
export type FormValues = Record<string, string | string[] | undefined>;

export const view = (summary: string, ...blocks: Block[]): View => ({ summary, blocks });
