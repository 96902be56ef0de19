import type { Language } from '../../store/schema/index.js';
import { formatDate, formatDateTime } from '../calendar/dates.js';
import { texts } from '../texts/catalogue.js';
import { fromLocalTime, readIsoDate, toLocalTime } from './local-time.js';

export type DeadlineRead =
  | { ok: true; deadline: Date }
  | { ok: false; problem: 'unreadable' | 'passed' };

/**
 * What people type after a topic: `2026-12-01` (the whole day, so until midnight),
 * `2026-12-01 15:00` (two words) or `2026-12-01T15:00`, local to the unit's time zone.
 */
export function readDeadline(text: string, params: { now: Date; timeZone: string }): DeadlineRead {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2})[:.](\d{2}))?$/.exec(text.trim());
  const date = match ? readIsoDate(match[1]!) : null;
  if (!match || !date) return { ok: false, problem: 'unreadable' };
  const hasTime = match[2] !== undefined;
  const hour = hasTime ? Number(match[2]) : 0;
  const minute = hasTime ? Number(match[3]) : 0;
  if (hour > 23 || minute > 59) return { ok: false, problem: 'unreadable' };
  const start = fromLocalTime({ ...date, hour, minute }, params.timeZone);
  // A bare date means "through that day": the deadline is the midnight that ends it.
  const deadline = hasTime ? start : fromLocalTime(nextDay(date), params.timeZone);
  if (deadline.getTime() <= params.now.getTime()) return { ok: false, problem: 'passed' };
  return { ok: true, deadline };
}

/** True when the token looks like the date part of a deadline (so it is not part of a topic). */
export const looksLikeDate = (token: string): boolean => /^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(token);
export const looksLikeTime = (token: string): boolean => /^\d{1,2}[:.]\d{2}$/.test(token);

function nextDay(date: { year: number; month: number; day: number }) {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return {
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: 0,
    minute: 0,
  };
}

/** "t.o.m. 1 dec 2026" for a midnight deadline, "1 dec 2026 kl. 15.00" otherwise. */
export function formatDeadline(deadline: Date, params: { lang: Language; timeZone: string }) {
  const t = texts(params.lang).dialogue;
  const local = toLocalTime(deadline, params.timeZone);
  if (local.hour === 0 && local.minute === 0) {
    const dayBefore = toLocalTime(new Date(deadline.getTime() - 12 * 3_600_000), params.timeZone);
    return t.untilEndOf({ date: formatDate(dayBefore, params.lang) });
  }
  return formatDateTime(deadline, params.timeZone, params.lang);
}

/** Dates are written by calendar/dates.ts; this name stays for the many callers. */
export const formatIsoDate = (iso: string, lang: Language): string => formatDate(iso, lang);
