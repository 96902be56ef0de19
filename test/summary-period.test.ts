import { describe, expect, it } from 'vitest';
import {
  isoWeek,
  periodInstants,
  periodName,
  previousPeriod,
  readPeriod,
  recentPeriods,
  samePeriodLastYear,
} from '../dialogues/summary/period.js';
import { readSummaryArgs } from '../dialogues/summary/summary-target.js';

const TODAY = '2026-06-15'; // a Monday in T2
const read = (text: string) => readPeriod(text, TODAY);

describe('reading a period', () => {
  it('reads the words in Swedish and English as the current period', () => {
    expect(read('tertial')).toEqual({ kind: 'tertial', from: '2026-05-01', to: '2026-08-31' });
    expect(read('vecka')).toEqual({ kind: 'week', from: '2026-06-15', to: '2026-06-21' });
    expect(read('week')).toEqual(read('veckan'));
    expect(read('månad')).toEqual({ kind: 'month', from: '2026-06-01', to: '2026-06-30' });
    expect(read('Halvår')).toEqual({ kind: 'half-year', from: '2026-01-01', to: '2026-06-30' });
    expect(read('år')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(read('year')).toEqual(read('året'));
  });

  it('reads named periods and explicit dates', () => {
    expect(read('T1-2026')).toEqual({ kind: 'tertial', from: '2026-01-01', to: '2026-04-30' });
    expect(read('t3-2025')).toEqual({ kind: 'tertial', from: '2025-09-01', to: '2025-12-31' });
    expect(read('2026-T2')).toEqual(read('T2-2026'));
    expect(read('H2-2025')).toEqual({ kind: 'half-year', from: '2025-07-01', to: '2025-12-31' });
    expect(read('2025')).toEqual({ kind: 'year', from: '2025-01-01', to: '2025-12-31' });
    expect(read('2024-02')).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(read('V1-2026')).toEqual({ kind: 'week', from: '2025-12-29', to: '2026-01-04' });
    expect(read('2025-W53')).toBeNull();
    expect(read('W53-2026')).toEqual({ kind: 'week', from: '2026-12-28', to: '2027-01-03' });
    expect(read('v53-2020')).toEqual({ kind: 'week', from: '2020-12-28', to: '2021-01-03' });
    expect(read('2026-01-01..2026-04-29')).toEqual({
      kind: 'range',
      from: '2026-01-01',
      to: '2026-04-29',
    });
  });

  it('reads a range that is a whole month, tertial, half-year, year or week as that period', () => {
    expect(read('2026-12-01..2026-12-31')).toEqual(read('2026-12'));
    expect(read('2026-01-01..2026-04-30')).toEqual(read('T1-2026'));
    expect(read('2026-07-01..2026-12-31')).toEqual(read('H2-2026'));
    expect(read('2026-01-01..2026-12-31')).toEqual(read('2026'));
    expect(read('2025-12-29..2026-01-04')).toEqual(read('V1-2026'));
  });

  it('refuses what is not a period', () => {
    for (const text of [
      'T4-2026',
      '2026-13',
      '1999',
      'ifo',
      '2026-04-30..2026-01-01',
      '2026-02-30..2026-03-01',
      '2026-01-01..2040-01-01',
    ]) {
      expect(read(text), text).toBeNull();
    }
  });

  it('gives canonical names that read back to the same period', () => {
    for (const text of [
      'T2-2026',
      '2026-05',
      'V12-2026',
      'H1-2026',
      '2026',
      '2026-01-15..2026-03-01',
    ]) {
      const p = read(text)!;
      expect(read(periodName(p))).toEqual(p);
    }
    expect(periodName(read('vecka')!)).toBe('V25-2026');
  });
});

describe('periods to compare with', () => {
  it('goes back one period of the same kind, across year ends', () => {
    expect(previousPeriod(read('T1-2026')!)).toEqual(read('T3-2025'));
    expect(previousPeriod(read('2026-01')!)).toEqual(read('2025-12'));
    expect(previousPeriod(read('H1-2026')!)).toEqual(read('H2-2025'));
    expect(previousPeriod(read('V1-2026')!)).toEqual(read('V52-2025'));
    expect(previousPeriod(read('2026-03-01..2026-03-10')!)).toEqual(read('2026-02-19..2026-02-28'));
  });

  it('takes the same period a year earlier', () => {
    expect(samePeriodLastYear(read('T2-2026')!)).toEqual(read('T2-2025'));
    expect(samePeriodLastYear(read('V12-2026')!)).toEqual(read('V12-2025'));
    expect(samePeriodLastYear(read('V53-2020')!)).toEqual(read('V52-2019'));
    expect(samePeriodLastYear(read('2024-02-01..2024-02-29')!)).toEqual(
      read('2023-02-01..2023-02-28'),
    );
    expect(isoWeek('2026-06-15')).toEqual({ year: 2026, week: 25 });
  });

  it('lists recent periods oldest first for the trend', () => {
    expect(recentPeriods(read('T1-2026')!, 4).map(periodName)).toEqual([
      'T1-2025',
      'T2-2025',
      'T3-2025',
      'T1-2026',
    ]);
  });

  it('starts and ends at local midnight in Stockholm, summer time included', () => {
    const { from, to } = periodInstants(read('T2-2026')!, 'Europe/Stockholm');
    expect(from.toISOString()).toBe('2026-04-30T22:00:00.000Z');
    expect(to.toISOString()).toBe('2026-08-31T22:00:00.000Z');
    const winter = periodInstants(read('2026-01')!, 'Europe/Stockholm');
    expect(winter.from.toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });
});

describe('the command’s arguments', () => {
  it('takes a unit and a period in any order, a name of several words included', () => {
    expect(readSummaryArgs(['ifo', 'T2-2026'], TODAY)).toEqual({
      ok: true,
      unitText: 'ifo',
      period: read('T2-2026'),
    });
    expect(readSummaryArgs(['månad', 'Enhet', 'Årsta'], TODAY)).toEqual({
      ok: true,
      unitText: 'Enhet Årsta',
      period: read('månad'),
    });
    expect(readSummaryArgs([], TODAY)).toEqual({ ok: true, unitText: null, period: null });
    expect(readSummaryArgs(['2026', 'T1-2026'], TODAY)).toEqual({
      ok: false,
      text: 'T1-2026',
      problem: 'two-periods',
    });
  });
});
