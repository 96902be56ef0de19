import { findPersonnummer, type PersonnummerOptions } from './personnummer.js';

/** What stands in for a number in a quote: the same in every language, and not a number. */
export const MASK = '******-****';

/**
 * The one way Tillit quotes back what a person typed ("Jag känner inte igen ”…”"): anything
 * that reads as a personnummer is masked, so a reply, and the local channel's stored copy of
 * it, never repeats one. The inbound boundary already refuses such input; this is the second
 * line for every text that reaches a reply by another road.
 */
export function quoteInput(text: string, options: PersonnummerOptions = {}): string {
  const spans = findPersonnummer(text, options);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    // Readings can overlap; mask from wherever the previous mask ended.
    if (span.end <= at) continue;
    out += `${text.slice(at, Math.max(at, span.start))}${span.start >= at ? MASK : ''}`;
    at = span.end;
  }
  return out + text.slice(at);
}
