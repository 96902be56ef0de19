import type { FormValues } from '../view.js';

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
