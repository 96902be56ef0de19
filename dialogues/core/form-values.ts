import type { FormValues, Input } from '../view.js';

/**
 * Reading what a form sent, the same in every feature. A channel may send a field as one
 * string or as a list (Slack checkboxes, Teams multi-selects), or not at all.
 */

type FormValue = FormValues[string];

/** The value of the one option of a one-box checkbox ("anonymous"). */
export const CHECKED = 'yes';

/** The first value sent for an input, '' when none was. */
export const single = (value: FormValue): string => (Array.isArray(value) ? value[0] : value) ?? '';

/** A one-box checkbox ticked. */
export const isChecked = (value: FormValue): boolean =>
  Array.isArray(value) ? value.includes(CHECKED) : value === CHECKED;

/** The input id of the "anonymous" box where people add something to a dialogue. */
export const ANONYMOUS = 'anonymous';

/** The "anonymous" box, the same in SWOT and risk. */
export const anonymousInput = (label: string, option: string): Input => ({
  type: 'checkboxes',
  id: ANONYMOUS,
  label,
  options: [{ label: option, value: CHECKED }],
});

/** Did the person ask to add it anonymously? */
export const askedAnonymity = (values: FormValues): boolean => isChecked(values[ANONYMOUS]);
