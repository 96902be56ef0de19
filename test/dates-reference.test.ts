import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dialogues/calendar/swedish-holidays.js';
import { fromLocalTime, localDate, toLocalTime } from '../dialogues/dialogue/local-time.js';
import {
  addMonths,
  daysBetween,
  weekOf as followUpWeekOf,
  isoWeekday,
} from '../dialogues/follow-up/follow-up-time.js';
import {
  comparedPeriods,
  currentPeriod,
  isoWeek,
  type Period,
  periodInstants,
  previousPeriod,
  samePeriodLastYear,
} from '../dialogues/summary/period.js';

/**
 * Tillit's own date and time-zone code, checked against Temporal (the polyfill of the coming
 * standard) over 2000–2100 in zones ahead of, behind and at UTC, with half-hour offsets and
 * southern summers among them.
 */
const ZONES = ['Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
const RUNS = { numRuns: 400 };

const FIRST = Temporal.PlainDate.from('2000-01-01');
const DAYS = FIRST.until(Temporal.PlainDate.from('2100-12-31')).days;
const plainDate = fc.integer({ min: 0, max: DAYS }).map((n) => FIRST.add({ days: n }));
const zone = fc.constantFrom(...ZONES);
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 31) })
  .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));

const year = fc.integer({ min: 2000, max: 2100 });
/** Any date, or one at the end of a February or another month, where clamping goes wrong. */
const date = fc.oneof(
  plainDate,
  fc
    .record({ year, month: fc.integer({ min: 1, max: 12 }), day: fc.constantFrom(28, 29, 30, 31) })
    .map((d) => Temporal.PlainDate.from(d, { overflow: 'constrain' })),
);

/** The zone's changes of offset in a year (none in UTC or Kolkata). */
function transitions(y: number, timeZone: string): Temporal.ZonedDateTime[] {
  const found: Temporal.ZonedDateTime[] = [];
  let at = Temporal.ZonedDateTime.from({ year: y, month: 1, day: 1, timeZone });
  for (;;) {
    const next = at.getTimeZoneTransition('next');
    if (!next || next.year !== y) return found;
    found.push(next);
    at = next;
  }
}

/** Wall times anywhere, and within 90 minutes of a change of offset, so gaps and repeats come up. */
const wallTime = (timeZone: string) =>
  fc.oneof(
    fc.record({
      date: plainDate,
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    }),
    fc
      .record({ y: year, pick: fc.nat(), shift: fc.integer({ min: -90, max: 90 }) })
      .map(({ y, pick, shift }) => {
        const changes = transitions(y, timeZone);
        const change = changes[pick % Math.max(changes.length, 1)];
        // Before the change, as the clock on the wall read it, then moved by a few minutes.
        const wall = change
          ? change
              .subtract({ minutes: 1 })
              .toPlainDateTime()
              .add({ minutes: 1 + shift })
          : Temporal.PlainDateTime.from({ year: y, month: 3, day: 1, hour: 2 });
        return { date: wall.toPlainDate(), hour: wall.hour, minute: wall.minute };
      }),
  );

const asLocal = (d: Temporal.PlainDate, hour: number, minute: number) => ({
  year: d.year,
  month: d.month,
  day: d.day,
  hour,
  minute,
});

const kind = fc.constantFrom('month', 'tertial', 'half-year', 'year') as fc.Arbitrary<
  'month' | 'tertial' | 'half-year' | 'year'
>;
const MONTHS = { month: 1, tertial: 4, 'half-year': 6, year: 12 } as const;

/** The reference period: `months` whole months aligned to the year. */
function referencePeriod(k: keyof typeof MONTHS, d: Temporal.PlainDate): Period {
  const months = MONTHS[k];
  const first = Math.floor((d.month - 1) / months) * months + 1;
  const from = Temporal.PlainDate.from({ year: d.year, month: first, day: 1 });
  const to = from.add({ months }).subtract({ days: 1 });
  return { kind: k, from: from.toString(), to: to.toString() };
}

/** toLocalTime reads the instant as Temporal does; gives Temporal's reading for more checks. */
function expectWallTimeOfTemporal(at: Date, timeZone: string): Temporal.ZonedDateTime {
  const z = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  expect(toLocalTime(at, timeZone)).toEqual({
    year: z.year,
    month: z.month,
    day: z.day,
    hour: z.hour,
    minute: z.minute,
  });
  return z;
}

describe('time zones agree with Temporal', () => {
  it('reads an instant as the same wall time and date', () => {
    fc.assert(
      fc.property(instant, zone, (at, timeZone) => {
        const z = expectWallTimeOfTemporal(at, timeZone);
        expect(localDate(at, timeZone)).toBe(z.toPlainDate().toString());
      }),
      RUNS,
    );
  });

  it('reads instants around every change of offset, to the millisecond, as Temporal does', () => {
    // toLocalTime keeps a zone's offset per hour: an hour holding a change must not reuse it.
    const odd = [...ZONES, 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns'];
    const near = fc
      .record({
        timeZone: fc.constantFrom(...odd),
        y: year,
        pick: fc.nat(),
        shiftMs: fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }),
      })
      .map(({ timeZone, y, pick, shiftMs }) => {
        const changes = transitions(y, timeZone);
        const change = changes[pick % Math.max(changes.length, 1)];
        const base = change ? change.epochMilliseconds : Date.UTC(y, 5, 1);
        return { timeZone, at: new Date(base + shiftMs) };
      });
    fc.assert(
      fc.property(near, ({ timeZone, at }) => {
        expectWallTimeOfTemporal(at, timeZone);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads instants at the very ends of the Date range', () => {
    const edges = [8.64e15, 8.64e15 - 1, 8.64e15 - 3_600_000, -8.64e15, -8.64e15 + 3_600_000];
    for (const ms of edges) {
      for (const timeZone of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
        const read = toLocalTime(new Date(ms), timeZone);
        expect(Object.values(read).every(Number.isInteger), `${ms} ${timeZone}`).toBe(true);
        // Years before 1 come as the formatter writes them (era years), as they always did.
        if (ms > 0 && ms < 8.64e15) expectWallTimeOfTemporal(new Date(ms), timeZone);
      }
    }
  });

  it('turns a wall time into the instant Temporal picks: the earlier of two, forward out of a gap', () => {
    fc.assert(
      fc.property(
        zone.chain((timeZone) => fc.tuple(wallTime(timeZone), fc.constant(timeZone))),
        ([{ date, hour, minute }, timeZone]) => {
          const expected = Temporal.ZonedDateTime.from(
            { ...asLocal(date, hour, minute), timeZone },
            { disambiguation: 'compatible' },
          ).epochMilliseconds;
          expect(fromLocalTime(asLocal(date, hour, minute), timeZone).getTime()).toBe(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('moves a time in the spring gap forward, behind UTC as ahead of it', () => {
    const newYork = fromLocalTime(
      asLocal(Temporal.PlainDate.from('2025-03-09'), 2, 30),
      'America/New_York',
    );
    expect(toLocalTime(newYork, 'America/New_York')).toMatchObject({ day: 9, hour: 3, minute: 30 });
    const stockholm = fromLocalTime(
      asLocal(Temporal.PlainDate.from('2025-03-30'), 2, 30),
      'Europe/Stockholm',
    );
    expect(toLocalTime(stockholm, 'Europe/Stockholm')).toMatchObject({
      day: 30,
      hour: 3,
      minute: 30,
    });
  });

  it('starts and ends a period at local midnight', () => {
    fc.assert(
      fc.property(plainDate, kind, zone, (date, k, timeZone) => {
        const p = currentPeriod(k, date.toString());
        const { from, to } = periodInstants(p, timeZone);
        const start = (d: string) =>
          Temporal.PlainDate.from(d).toZonedDateTime({ timeZone }).epochMilliseconds;
        expect(from.getTime()).toBe(start(p.from));
        expect(to.getTime()).toBe(start(Temporal.PlainDate.from(p.to).add({ days: 1 }).toString()));
      }),
      RUNS,
    );
  });
});

describe('calendar arithmetic agrees with Temporal', () => {
  it('adds days, counts days between, names weekdays and ISO weeks', () => {
    fc.assert(
      fc.property(plainDate, fc.integer({ min: -800, max: 800 }), (date, n) => {
        const d = date.toString();
        const later = date.add({ days: n });
        expect(addDays(d, n)).toBe(later.toString());
        expect(daysBetween(d, later.toString())).toBe(n);
        expect(isoWeekday(d)).toBe(date.dayOfWeek);
        expect(isoWeek(d)).toEqual({ year: date.yearOfWeek, week: date.weekOfYear });
        const monday = date.subtract({ days: date.dayOfWeek - 1 });
        expect(followUpWeekOf(d)).toEqual({
          monday: monday.toString(),
          sunday: monday.add({ days: 6 }).toString(),
        });
      }),
      RUNS,
    );
  });

  it('adds months clamped to the month end', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -30, max: 30 }), (date, months) => {
        expect(addMonths(date.toString(), months)).toBe(
          date.add({ months }, { overflow: 'constrain' }).toString(),
        );
      }),
      RUNS,
    );
  });

  it('finds the period holding a date, the one before and the same a year earlier', () => {
    fc.assert(
      fc.property(date, kind, (date, k) => {
        const p = currentPeriod(k, date.toString());
        expect(p).toEqual(referencePeriod(k, date));
        expect(previousPeriod(p)).toEqual(
          referencePeriod(k, Temporal.PlainDate.from(p.from).subtract({ days: 1 })),
        );
        expect(samePeriodLastYear(p)).toEqual(referencePeriod(k, date.subtract({ years: 1 })));
      }),
      RUNS,
    );
  });

  it('compares February 2025 with the whole of February 2024, to the 29th', () => {
    const february = currentPeriod('month', '2025-02-10');
    expect(samePeriodLastYear(february)).toEqual({
      kind: 'month',
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });

  it('compares a range of days with the same days a year earlier, a week with its week', () => {
    fc.assert(
      fc.property(plainDate, fc.integer({ min: 0, max: 400 }), (date, length) => {
        const p: Period = {
          kind: 'range',
          from: date.toString(),
          to: date.add({ days: length }).toString(),
        };
        const back = (d: string) => Temporal.PlainDate.from(d).subtract({ years: 1 }).toString();
        const { previous, lastYear } = comparedPeriods(p);
        expect(lastYear).toEqual({ kind: 'range', from: back(p.from), to: back(p.to) });
        expect(previous).toEqual(lastYear);
        const week = currentPeriod('week', date.toString());
        const earlier = samePeriodLastYear(week);
        const before = Temporal.PlainDate.from(earlier.from);
        expect(before.dayOfWeek).toBe(1);
        // The same ISO week number a year earlier; week 53 becomes that year's last week.
        const lastYearOfWeeks = Temporal.PlainDate.from({
          year: date.yearOfWeek! - 1,
          month: 12,
          day: 28,
        });
        expect(before.yearOfWeek).toBe(date.yearOfWeek! - 1);
        expect(before.weekOfYear).toBe(Math.min(date.weekOfYear!, lastYearOfWeeks.weekOfYear!));
      }),
      RUNS,
    );
  });
});
