import type { Catalogue } from '../texts/catalogue.js';
import { containsPersonnummer } from './personnummer.js';

export type FreeTextCheck = { ok: true; text: string } | { ok: false; message: string };

/**
 * The check every free text a person writes passes before it is stored: not empty (unless
 * optional), not too long, no personnummer. The inbound boundary (safety/inbound-guard.ts)
 * has already refused a personnummer for everything sent in; the check here is the second
 * line, for use cases called without the boundary (ticks, scripts). The message is in the
 * person's language; the refused text itself is never stored nor logged.
 */
export function checkFreeText(
  t: Catalogue,
  raw: string | undefined,
  limits: { max: number; optional?: boolean },
): FreeTextCheck {
  const text = (raw ?? '').trim();
  if (text === '' && !limits.optional) return { ok: false, message: t.common.empty };
  if (text.length > limits.max) {
    return { ok: false, message: t.common.tooLong({ max: limits.max, length: text.length }) };
  }
  if (containsPersonnummer(text)) return { ok: false, message: t.common.personnummerRefused };
  return { ok: true, text };
}
