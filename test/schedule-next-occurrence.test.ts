import { describe, expect, it } from 'vitest';
import {
  latestOccurrence,
  nextOccurrence,
  type WeeklyTime,
} from '../dialogues/schedule/next-occurrence.js';

const thursdayAt14: WeeklyTime = { weekday: 4, time: '14:00', timeZone: 'Europe/Stockholm' };
const at = (iso: string) => new Date(iso);

describe('weekly occurrences (Thursday 14:00, Europe/Stockholm)', () => {
  it('stays at 14:00 local across the last Sunday of March (CET → CEST)', () => {
    // 2026-03-26 is a Thursday in winter time (UTC+1); 2026-04-02 one in summer time (UTC+2).
    expect(nextOccurrence(thursdayAt14, at('2026-03-24T09:00:00Z'))).toEqual(
      at('2026-03-26T13:00:00Z'),
    );
    expect(nextOccurrence(thursdayAt14, at('2026-03-26T13:00:00Z'))).toEqual(
      at('2026-04-02T12:00:00Z'),
    );
    expect(latestOccurrence(thursdayAt14, at('2026-04-02T11:59:00Z'))).toEqual(
      at('2026-03-26T13:00:00Z'),
    );
    expect(latestOccurrence(thursdayAt14, at('2026-04-02T12:00:00Z'))).toEqual(
      at('2026-04-02T12:00:00Z'),
    );
  });

  it('stays at 14:00 local across the last Sunday of October (CEST → CET)', () => {
    expect(nextOccurrence(thursdayAt14, at('2026-10-20T00:00:00Z'))).toEqual(
      at('2026-10-22T12:00:00Z'),
    );
    expect(nextOccurrence(thursdayAt14, at('2026-10-22T12:00:00Z'))).toEqual(
      at('2026-10-29T13:00:00Z'),
    );
    expect(latestOccurrence(thursdayAt14, at('2026-10-29T12:30:00Z'))).toEqual(
      at('2026-10-22T12:00:00Z'),
    );
    // Between the two, 7 days and one hour pass: the wall clock, not the UTC gap, is weekly.
    const gap = at('2026-10-29T13:00:00Z').getTime() - at('2026-10-22T12:00:00Z').getTime();
    expect(gap).toBe((7 * 24 + 1) * 3_600_000);
  });

  it('latest is at or before now, next strictly after, and a tick a minute later agrees', () => {
    const now = at('2026-05-14T12:00:00Z'); // Thursday 14:00 CEST exactly
    expect(latestOccurrence(thursdayAt14, now)).toEqual(now);
    expect(nextOccurrence(thursdayAt14, now)).toEqual(at('2026-05-21T12:00:00Z'));
    expect(latestOccurrence(thursdayAt14, at('2026-05-14T12:01:00Z'))).toEqual(now);
    expect(latestOccurrence(thursdayAt14, at('2026-05-21T11:59:59Z'))).toEqual(now);
  });

  it('counts weeks on the local calendar: Sunday late evening and Monday just after midnight', () => {
    const sundayLate: WeeklyTime = { weekday: 7, time: '23:30', timeZone: 'Europe/Stockholm' };
    // Monday 2026-06-01 00:10 local is Sunday 22:10 UTC: the Sunday before is the latest.
    expect(latestOccurrence(sundayLate, at('2026-05-31T22:10:00Z'))).toEqual(
      at('2026-05-31T21:30:00Z'),
    );
    const mondayEarly: WeeklyTime = { weekday: 1, time: '00:15', timeZone: 'Europe/Stockholm' };
    expect(nextOccurrence(mondayEarly, at('2026-05-31T22:10:00Z'))).toEqual(
      at('2026-05-31T22:15:00Z'),
    );
  });

  it('moves a wall time that the spring change skips an hour later', () => {
    const sundayNight: WeeklyTime = { weekday: 7, time: '02:30', timeZone: 'Europe/Stockholm' };
    // 2026-03-29 02:30 does not exist in Stockholm; it happens as 03:30 CEST = 01:30 UTC.
    expect(nextOccurrence(sundayNight, at('2026-03-28T12:00:00Z'))).toEqual(
      at('2026-03-29T01:30:00Z'),
    );
  });

  it('follows the zone it is given (New York changes on another Sunday)', () => {
    const newYork: WeeklyTime = { weekday: 4, time: '14:00', timeZone: 'America/New_York' };
    expect(nextOccurrence(newYork, at('2026-03-02T00:00:00Z'))).toEqual(at('2026-03-05T19:00:00Z'));
    expect(nextOccurrence(newYork, at('2026-03-06T00:00:00Z'))).toEqual(at('2026-03-12T18:00:00Z'));
  });

  it('refuses a time or weekday that does not exist', () => {
    const now = at('2026-05-14T12:00:00Z');
    expect(() => nextOccurrence({ ...thursdayAt14, time: '24:00' }, now)).toThrow(RangeError);
    expect(() => nextOccurrence({ ...thursdayAt14, time: '2pm' }, now)).toThrow(RangeError);
    expect(() => nextOccurrence({ ...thursdayAt14, weekday: 0 }, now)).toThrow(RangeError);
  });
});
