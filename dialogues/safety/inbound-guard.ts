import type { Inbound } from '../core/inbound.js';
import { formErrors, type Outcome, privately } from '../core/outcome.js';
import type { Catalogue } from '../texts/catalogue.js';
import { view } from '../view.js';
import { containsPersonnummer } from './personnummer.js';

/**
 * The one place every text a person sends passes before any feature sees it: a command's
 * whole text (so no argument, topic or quoted echo can carry a number on) and every value of
 * a submitted form. A refusal names the field, changes nothing and repeats nothing of the
 * input. Buttons carry only values Tillit made itself, so they are not read.
 *
 * `today` (YYYY-MM-DD in the organisation's zone) settles the one ambiguous form, a
 * `YYYYMMDD HHMM` date-time (see date-time-reading.ts).
 */
export function refusePersonnummer(t: Catalogue, inbound: Inbound, today: string): Outcome | null {
  const found = (text: string) => containsPersonnummer(text, { today });
  const refused = t.common.personnummerRefused;
  switch (inbound.kind) {
    case 'command':
      return found(inbound.text) ? privately(view(refused, { type: 'text', text: refused })) : null;
    case 'submit': {
      const errors: Record<string, string> = {};
      for (const [field, value] of Object.entries(inbound.values)) {
        const texts = Array.isArray(value) ? value : [value ?? ''];
        if (texts.some(found)) errors[field] = refused;
      }
      return Object.keys(errors).length > 0 ? formErrors(errors) : null;
    }
    case 'action':
    case 'home':
      return null;
  }
}
