import fc from 'fast-check';

/** A number's parts: the century (19…), YYMMDD as issued (day + 60 for samordningsnummer). */
export interface IdNumber {
  century: string;
  date: string;
  serial: string;
  check: string;
}

/** Every separator people put between the date and the last four. */
export const SEPARATORS = [
  '',
  '-',
  '+',
  ' ',
  '\u2013', // en dash
  '\u2014', // em dash
  '\u2212', // minus sign
  '\u2011', // non-breaking hyphen
  ' - ',
  ' \u2013 ',
  '.',
  '\u00a0', // no-break space
  '\u00a0-\u00a0',
] as const;

/** Characters that show nothing and that a paste or a phone keyboard slips in. */
export const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'] as const;

/** The Luhn check digit for the nine digits YYMMDDNNN (written independently of the guard). */
export function checkDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return String((10 - (sum % 10)) % 10);
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A valid number for someone born on the UTC calendar day of `born`. */
export function idNumberOf(born: Date, serial: number, coordination: boolean): IdNumber {
  const year = pad(born.getUTCFullYear(), 4);
  const day = born.getUTCDate() + (coordination ? 60 : 0);
  const date = `${year.slice(2)}${pad(born.getUTCMonth() + 1)}${pad(day)}`;
  const nnn = pad(serial, 3);
  return { century: year.slice(0, 2), date, serial: nnn, check: checkDigit(date + nnn) };
}

export interface WrittenForm {
  long: boolean;
  separator: string;
  fullWidth: boolean;
  /** An invisible character and where it goes (0..n), or null. */
  invisible: { char: string; at: number } | null;
  before: string;
  after: string;
}

export const writtenForms: fc.Arbitrary<WrittenForm> = fc.record({
  long: fc.boolean(),
  separator: fc.constantFrom(...SEPARATORS),
  fullWidth: fc.boolean(),
  invisible: fc.option(
    fc.record({ char: fc.constantFrom(...INVISIBLES), at: fc.integer({ min: 0, max: 14 }) }),
  ),
  before: fc.constantFrom('', 'Brukaren ', 'pnr: ', '(', '”', 'se ärende, '),
  after: fc.constantFrom('', ' behöver stöd', ')', '”', '.', ', tack'),
});

const FULL_WIDTH_ZERO = 0xff10;

/** The number as a person might write it in a sentence. */
export function write(n: IdNumber, form: WrittenForm): string {
  let text = `${form.long ? n.century : ''}${n.date}${form.separator}${n.serial}${n.check}`;
  if (form.fullWidth) {
    text = text.replace(/\d/g, (d) => String.fromCharCode(FULL_WIDTH_ZERO + Number(d)));
  }
  if (form.invisible) {
    const at = Math.min(form.invisible.at, text.length);
    text = `${text.slice(0, at)}${form.invisible.char}${text.slice(at)}`;
  }
  return `${form.before}${text}${form.after}`;
}

/** Whether this number, written this way, is the one form read as a date-time when recent. */
export function looksLikeDateTime(n: IdNumber, form: WrittenForm): boolean {
  const spaced = [' ', '\u00a0'].includes(form.separator);
  const hhmm = `${n.serial}${n.check}`;
  const day = Number(n.date.slice(4));
  return (
    form.long && spaced && day <= 31 && Number(hhmm.slice(0, 2)) < 24 && Number(hhmm.slice(2)) < 60
  );
}
