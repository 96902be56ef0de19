import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPeriod } from '../dialogues/summary/period.js';
import { periodProblem } from '../dialogues/summary/period-problem.js';

const TODAY = '2026-12-04';
const day = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('a period that is none says why', () => {
  it('a reversed range names the order that works, and that order reads as a period', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        fc.pre(a < b);
        const problem = periodProblem(`${b}..${a}`, TODAY);
        expect(problem).toEqual({ kind: 'reversed', from: b, to: a });
        const within = readPeriod(`${a}..${b}`, TODAY);
        const tooLong = periodProblem(`${a}..${b}`, TODAY);
        expect(within !== null || tooLong?.kind === 'too-long').toBe(true);
      }),
    );
  });

  it('never finds a problem in what reads as a period', () => {
    const tokens = fc.oneof(
      fc.stringMatching(/^[TtHhVvWw]\d{1,2}-20\d\d$/),
      fc.stringMatching(/^20\d\d-\d{1,2}$/),
      fc.stringMatching(/^\d{4}$/),
      fc.string(),
    );
    fc.assert(
      fc.property(tokens, (token) => {
        if (readPeriod(token, TODAY)) expect(periodProblem(token, TODAY)).toBeNull();
      }),
    );
  });

  it('names the part that is wrong', () => {
    expect(periodProblem('T4-2026', TODAY)?.kind).toBe('tertial');
    expect(periodProblem('H3-2026', TODAY)?.kind).toBe('half-year');
    expect(periodProblem('2026-13', TODAY)?.kind).toBe('month');
    expect(periodProblem('V54-2026', TODAY)?.kind).toBe('week');
    expect(periodProblem('T2-1850', TODAY)?.kind).toBe('year');
    expect(periodProblem('2026-02-30..2026-03-01', TODAY)?.kind).toBe('date');
    expect(periodProblem('2000-01-01..2026-01-01', TODAY)?.kind).toBe('too-long');
    expect(periodProblem('Bagarmossen', TODAY)).toBeNull();
  });
});
