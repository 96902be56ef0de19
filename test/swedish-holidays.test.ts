import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  isDayOff,
  nextWorkingDay,
  swedishHolidays,
} from '../dialogues/calendar/swedish-holidays.js';

const dateOf = (year: number, name: string) =>
  swedishHolidays(year).find((h) => h.name.sv === name)?.date;

describe('Swedish holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2030, '2030-04-21'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it.each([
    [2024, '2024-06-21', '2024-11-02', '2024-05-09'],
    [2025, '2025-06-20', '2025-11-01', '2025-05-29'],
    [2026, '2026-06-19', '2026-10-31', '2026-05-14'],
    [2027, '2027-06-25', '2027-11-06', '2027-05-06'],
  ])(
    '%i: midsommarafton %s, alla helgons dag %s, Kristi himmelsfärd %s',
    (year, eve, saints, ascension) => {
      expect(dateOf(year, 'Midsommarafton')).toBe(eve);
      expect(dateOf(year, 'Alla helgons dag')).toBe(saints);
      expect(dateOf(year, 'Kristi himmelsfärdsdag')).toBe(ascension);
    },
  );

  it('knows days off and the next working day', () => {
    expect(isDayOff('2026-11-21')).toBe(true); // Saturday
    expect(isDayOff('2026-11-23')).toBe(false); // Monday
    expect(isDayOff('2026-12-24')).toBe(true); // julafton
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28');
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07'); // långfredag → tisdag efter annandag påsk
    expect(nextWorkingDay('2026-11-24')).toBe('2026-11-24');
  });
});
