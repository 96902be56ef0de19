import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatRange,
  formatWeekdayDateTime,
} from '../dialogues/calendar/dates.js';
import { formatDeadline } from '../dialogues/dialogue/deadline.js';
import { periodDates, periodLabel } from '../dialogues/summary/format.js';
import { readPeriod } from '../dialogues/summary/period.js';
import { sv } from '../dialogues/texts/sv/index.js';

const ZONE = 'Europe/Stockholm';
const AFTERNOON = new Date('2026-12-04T13:30:00Z'); // 14.30 in Stockholm

describe('one date style everywhere', () => {
  it('writes a day, a moment and a range the same way in Swedish and English', () => {
    expect(formatDate('2026-12-04', 'sv')).toBe('4 dec 2026');
    expect(formatDate('2026-12-04', 'en')).toBe('4 Dec 2026');
    expect(formatDateTime(AFTERNOON, ZONE, 'sv')).toBe('4 dec 2026 kl. 14.30');
    expect(formatDateTime(AFTERNOON, ZONE, 'en')).toBe('4 Dec 2026, 14:30');
    expect(formatWeekdayDateTime(AFTERNOON, ZONE, 'sv')).toBe('fredag 4 dec 2026 kl. 14.30');
    expect(formatRange('2026-01-01', '2026-04-30', 'sv')).toBe('1 jan–30 apr 2026');
    expect(formatRange('2026-01-01', '2026-04-30', 'en')).toBe('1 Jan–30 Apr 2026');
    expect(formatRange('2025-12-01', '2026-01-31', 'sv')).toBe('1 dec 2025–31 jan 2026');
    expect(formatRange('2026-04-01', '2026-04-30', 'sv')).toBe('1–30 apr 2026');
  });

  it('is the style of deadlines, period names and period dates', () => {
    expect(formatDeadline(AFTERNOON, { lang: 'sv', timeZone: ZONE })).toBe('4 dec 2026 kl. 14.30');
    const range = readPeriod('2026-01-15..2026-04-30', '2026-12-04')!;
    expect(periodLabel(range, sv)).toBe('15 jan–30 apr 2026');
    expect(periodDates(readPeriod('T2-2026', '2026-12-04')!, 'sv')).toBe('1 maj–31 aug 2026');
  });

  it('names each year of a range once, and always both ends', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        fc.pre(a <= b);
        const text = formatRange(a, b, 'sv');
        const years = text.match(/\d{4}/g) ?? [];
        expect(years).toEqual(
          a.slice(0, 4) === b.slice(0, 4) ? [a.slice(0, 4)] : [a.slice(0, 4), b.slice(0, 4)],
        );
        expect(text.endsWith(formatDate(b, 'sv'))).toBe(true);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }),
    );
  });
});
