import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsPersonnummer,
  findPersonnummer,
  luhnValid,
} from '../dialogues/safety/personnummer.js';
import { referenceValid } from '../scripts/bench/support/personnummer-reference.js';
import {
  checkDigit,
  INVISIBLES,
  idNumberOf,
  looksLikeDateTime,
  pad,
  SEPARATORS,
  write,
  writtenForms,
} from './support/personnummer-forms.js';

/** The guard's clock in these tests: the date-time reading depends on it. */
const TODAY = '2026-12-04';
const refused = (text: string) => containsPersonnummer(text, { today: TODAY });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('personnummer: every written form of a valid number is refused', () => {
  // 811218-9876: the Tax Agency's classic example; 701063-2391: its samordningsnummer example.
  it.each([
    'Brukaren 811218-9876 behöver stöd',
    '8112189876',
    '19811218-9876',
    '198112189876',
    '811218+9876',
    'samordningsnummer 701063-2391',
    '811218\u20139876', // en dash
    '811218\u22129876', // minus sign
    '811218\u20119876', // non-breaking hyphen
    '811218 - 9876',
    '811218.9876',
    '811218 9876',
    '19811218 9876',
    '８１１２１８－９８７６', // full-width digits and hyphen
    '8112\u200b18-9876',
    '811218-98\u200d76',
    '\ufeff81\u206012\u00ad18\u200c-9876',
    '٨١١٢١٨-٩٨٧٦', // Arabic-Indic digits
    '811218\n9876',
    '191500722390', // Skatteverket's test samordningsnummer: month 00
    '191806602395', // and day 60 (day not known)
    '000101-T220', // interim number
  ])('refuses %s', (text) => {
    expect(refused(text)).toBe(true);
  });

  it('refuses every published test number, in every form', () => {
    const lines = readFileSync(new URL('./fixtures/personnummer-test-numbers.txt', import.meta.url))
      .toString()
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(lines.length).toBeGreaterThan(4_000);
    const missed: string[] = [];
    for (const line of lines) {
      const [kind, published] = line.split(' ') as [string, string];
      const long = published.replace('_', ' ');
      if (kind === 'invalid') {
        if (refused(long)) missed.push(`refused invalid ${long}`);
        continue;
      }
      const [date, last4] = [long.slice(2, 8), long.slice(-4)];
      for (const separator of SEPARATORS) {
        for (const text of [
          `${long.slice(0, 8)}${separator}${last4}`,
          `${date}${separator}${last4}`,
        ])
          if (!refused(text)) missed.push(text);
      }
    }
    expect(missed).toEqual([]);
  });

  it('refuses any valid number born more than a year ago, however it is written', () => {
    const born = fc.date({ min: day('1890-01-01'), max: day('2025-12-03'), noInvalidDate: true });
    fc.assert(
      fc.property(
        born,
        fc.integer({ min: 1, max: 999 }),
        fc.boolean(),
        writtenForms,
        (date, serial, coordination, form) => {
          expect(refused(write(idNumberOf(date, serial, coordination), form))).toBe(true);
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('refuses a baby’s number in every form but a recent date and clock time after a space', () => {
    const born = fc.date({ min: day('2025-12-04'), max: day(TODAY), noInvalidDate: true });
    fc.assert(
      fc.property(
        born,
        fc.integer({ min: 1, max: 999 }),
        fc.boolean(),
        writtenForms,
        (date, serial, coordination, form) => {
          const n = idNumberOf(date, serial, coordination);
          expect(refused(write(n, form))).toBe(!looksLikeDateTime(n, form));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuses samordningsnummer dated as Skatteverket issues them (month 00, day 60, 31 April)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1890, max: 2025 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 60, max: 91 }),
        fc.integer({ min: 1, max: 999 }),
        (year, month, dayPlus60, serial) => {
          const date = `${pad(year % 100)}${pad(month)}${pad(dayPlus60)}`;
          const nnn = pad(serial, 3);
          const last4 = `${nnn}${checkDigit(date + nnn)}`;
          expect(refused(`${date}-${last4}`)).toBe(true);
          expect(refused(`${Math.floor(year / 100)}${date}${last4}`)).toBe(true);
        },
      ),
    );
  });

  it('masks where the number is, invisible characters included', () => {
    const text = `Hej 8112\u200b18-9876!`;
    expect(findPersonnummer(text, { today: TODAY })).toEqual([{ start: 4, end: 16 }]);
    expect(containsPersonnummer('811218-9876')).toBe(true);
  });
});

describe('personnummer: agrees with the personnummer package', () => {
  /** The forms the package reads: 10 or 12 digits, `-`, `+` or nothing between. */
  const standardForms = fc.record({
    century: fc.constantFrom('', '18', '19', '20'),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 92 }),
    year: fc.integer({ min: 0, max: 99 }),
    serial: fc.integer({ min: 0, max: 999 }),
    check: fc.integer({ min: 0, max: 9 }),
    separator: fc.constantFrom('', '-', '+'),
  });

  it('refuses whatever the package calls valid, and beyond it only what Skatteverket issues', () => {
    fc.assert(
      fc.property(standardForms, (f) => {
        const date = `${pad(f.year)}${pad(f.month)}${pad(f.day)}`;
        const text = `${f.century}${date}${f.separator}${pad(f.serial, 3)}${f.check}`;
        const reference = referenceValid(text);
        if (reference) expect(refused(text)).toBe(true);
        else if (refused(text)) expect(beyondReference(f)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses random digit strings exactly where the package calls them valid', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(fc.oneof(digits(10), digits(12)), (text) => {
        fc.pre(text.length === 10 || ['18', '19', '20'].includes(text.slice(0, 2)));
        const ours = refused(text);
        const theirs = referenceValid(text);
        if (ours !== theirs) expect(beyondReference(partsOf(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  /**
   * Where Tillit refuses more than the package: samordningsnummer whose date the package
   * rejects (month 00 or day 60 for a birth date not fully known, 31 April, 29 February in any
   * year: all in Skatteverket's own test samordningsnummer), and 29 February written with ten
   * digits in a year that is a leap year in the other century.
   */
  function beyondReference(f: { century: string; year: number; month: number; day: number }) {
    return f.day >= 60 || (f.century === '' && f.month === 2 && f.day === 29);
  }
  const partsOf = (text: string) => {
    const century = text.length === 12 ? text.slice(0, 2) : '';
    const d = text.slice(century.length);
    return {
      century,
      year: Number(d.slice(0, 2)),
      month: Number(d.slice(2, 4)),
      day: Number(d.slice(4, 6)),
    };
  };
});

describe('personnummer: ordinary numbers are let through', () => {
  it.each([
    '811218-9875', // wrong check digit
    '811318-9876', // month 13
    '811218-0000', // serial 000 is never issued
    'ring 070-123 45 67',
    '0701234567',
    '+46 70 123 45 67',
    'ärende 2024-1234',
    'Dnr 2024-1234',
    'KS 2024/1234',
    '2026-01-01',
    '20261123',
    '20261204 1430',
    '2026-12-04 14:30',
    '123 45',
    'Postnummer 123 45 Stockholm',
    '12 345 678 kr',
    '12\u00a0345\u00a0678 kr',
    'vi var 12 personer och 30 brukare',
    '550e8400-e29b-41d4-a716-446655440000',
    '19850101-1236-4abc-8def-123456789012', // a uuid whose first groups are digits
  ])('lets %s through', (text) => {
    expect(refused(text)).toBe(false);
  });

  it('never refuses a date-time written YYYYMMDD HHMM from a year ago onwards', () => {
    fc.assert(
      fc.property(
        fc.date({ min: day('2025-12-04'), max: day('2031-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(' ', '\u00a0', '  '),
        (date, hours, minutes, space) => {
          const ymd = date.toISOString().slice(0, 10).replaceAll('-', '');
          expect(refused(`mötet ${ymd}${space}${pad(hours)}${pad(minutes)}`)).toBe(false);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('never refuses dates, phone numbers, case numbers, postcodes or amounts', () => {
    const n = (min: number, max: number) => fc.integer({ min, max });
    const ordinary = fc.oneof(
      fc
        .date({ min: day('1900-01-01'), max: day('2100-12-31'), noInvalidDate: true })
        .chain((d) => {
          const iso = d.toISOString().slice(0, 10);
          return fc.constantFrom(iso, iso.replaceAll('-', ''), iso.split('-').reverse().join('/'));
        }),
      fc
        .tuple(fc.constantFrom('70', '72', '73', '76', '79'), n(0, 999), n(0, 99), n(0, 99))
        .chain(([p, a, b, c]) =>
          fc.constantFrom(
            `0${p}-${pad(a, 3)} ${pad(b)} ${pad(c)}`,
            `0${p} ${pad(a, 3)} ${pad(b)} ${pad(c)}`,
            `+46 ${p} ${pad(a, 3)} ${pad(b)} ${pad(c)}`,
          ),
        ),
      fc
        .tuple(n(0, 999), n(0, 999))
        .map(([a, b]) => `08-${pad(a, 3)} ${pad(b, 3)} ${pad(a % 100)}`),
      fc.tuple(n(1990, 2040), n(1, 99_999)).map(([y, k]) => `Dnr ${y}-${k}`),
      fc.tuple(n(1990, 2040), n(1, 9_999)).map(([y, k]) => `KS ${y}/${k}`),
      fc.tuple(n(100, 999), n(0, 99)).map(([a, b]) => `${a} ${pad(b)}`),
      fc
        .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(' ', '\u00a0', '\u202f'))
        .map(([k, space]) => `${k.toString().replace(/\B(?=(\d{3})+(?!\d))/g, space)} kr`),
    );
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(refused(text)).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });

  it('computes Luhn over ten digits', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
    expect(INVISIBLES).toHaveLength(6);
  });
});
