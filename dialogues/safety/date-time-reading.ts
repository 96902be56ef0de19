import type { Candidate } from './personnummer.js';

/**
 * `20261204 1430` is both a date-time (4 December 2026, 14:30) and, for one in ten such
 * texts, a valid personnummer written with a space. Nothing in the digits tells them apart,
 * so the clock decides, and only for this one form: twelve digits, a space, a real date
 * (never a samordningsnummer) and a tail that is a clock time HHMM.
 *
 * It reads as a date-time when the date is at most a year before today or later. A birth
 * date is never in the future, and Tillit's own horizon (deadlines, rounds, the yearly risk
 * dialogue, summaries) is the year around today. What passes is the number of a child under
 * one year old written in exactly this form with a serial that reads as a time; the same
 * number written any other way (`-`, `+`, nothing between, ten digits) is refused.
 */
export function readsAsDateTime(c: Candidate, today: string): boolean {
  if (c.century === undefined || c.separator !== ' ' || Number(c.day) > 31) return false;
  if (!/^\d{3}$/.test(c.serial)) return false;
  const hours = Number(c.serial.slice(0, 2));
  const minutes = Number(c.serial.slice(2) + c.check);
  if (hours > 23 || minutes > 59) return false;
  const date = `${c.century}${c.year}-${c.month}-${c.day}`;
  return date >= oneYearBefore(today);
}

const oneYearBefore = (today: string): string =>
  `${String(Number(today.slice(0, 4)) - 1).padStart(4, '0')}${today.slice(4)}`;
