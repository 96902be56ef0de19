import { DEFAULT_TIME_ZONE } from '../core/defaults.js';
import { uuidRanges } from '../core/ids.js';
import { localDate } from '../dialogue/local-time.js';
import { readsAsDateTime } from './date-time-reading.js';
import { foldForDigits } from './fold-for-digits.js';

/**
 * Finds Swedish personal identity numbers in free text so they can be refused before
 * anything is stored, sent or logged: personnummer, samordningsnummer (day + 60; month 00 or
 * day 60 when the birth date is not fully known, as in Skatteverket's published test
 * samordningsnummer) and interim numbers (a letter first in the serial).
 *
 * The text is folded first (NFKC, invisible characters dropped, every dash to `-`, decimal
 * digits of any script to ASCII), so every written form is one form: 10 or 12 digits with
 * `-`, `+`, `.`, a space, `" - "` or nothing between. Only numbers with a real birth date,
 * a serial other than 000 and a valid Luhn check digit count, as in the `personnummer`
 * package, so phone numbers, case numbers, postcodes and amounts are not refused by mistake.
 */
export interface PersonnummerOptions {
  /** Today as YYYY-MM-DD, for the one ambiguous form (see date-time-reading.ts). */
  today?: string;
}

/** Where a number sits in the original text, as UTF-16 offsets (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** The parts of a candidate, digits as written after folding. */
export interface Candidate {
  century: string | undefined;
  year: string;
  month: string;
  day: string;
  separator: string;
  serial: string;
  check: string;
}

const CANDIDATE =
  /(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})( ?[-+.] ?| )?((?!000)\d{3}|[TRSUWXJKLMN]\d{2})(\d)(?!\d)/gi;

export function containsPersonnummer(text: string, options: PersonnummerOptions = {}): boolean {
  return findPersonnummer(text, options).length > 0;
}

/** Every identity number in the text, in order; overlapping readings each count. */
export function findPersonnummer(text: string, options: PersonnummerOptions = {}): Span[] {
  const folded = foldForDigits(text);
  // Select options and buttons carry ids; a uuid whose hex happens to be all digits must not
  // read as a number a person typed.
  const ids = uuidRanges(folded.text);
  const today = options.today ?? localDate(new Date(), DEFAULT_TIME_ZONE);
  const pattern = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  const spans: Span[] = [];
  for (let match = pattern.exec(folded.text); match; match = pattern.exec(folded.text)) {
    // Step one character, not past the match: a rejected reading may hide a valid one.
    pattern.lastIndex = match.index + 1;
    const end = match.index + match[0].length;
    if (ids.some((id) => match!.index < id.end && end > id.start)) continue;
    const candidate = candidateOf(match);
    if (!isIdentityNumber(candidate) || readsAsDateTime(candidate, today)) continue;
    spans.push({ start: folded.starts[match.index]!, end: folded.ends[end - 1]! });
  }
  return spans;
}

function candidateOf(match: RegExpExecArray): Candidate {
  const [, century, year = '', month = '', day = '', separator = '', serial = '', check = ''] =
    match;
  return { century, year, month, day, separator, serial, check };
}

/** A birth date (or samordningsnummer date), a century Skatteverket uses, and Luhn. */
export function isIdentityNumber(c: Candidate): boolean {
  if (c.century !== undefined && !['18', '19', '20'].includes(c.century)) return false;
  if (!isBirthDate(c)) return false;
  // Interim numbers count their letter as a 1 in the check, as the `personnummer` package.
  const serial = c.serial.replace(/^[a-z]/i, '1');
  return luhnValid(`${c.year}${c.month}${c.day}${serial}${c.check}`);
}

function isBirthDate(c: Candidate): boolean {
  const month = Number(c.month);
  const day = Number(c.day);
  if (day >= 60) {
    // Samordningsnummer: day + 60, 00 for a month or day that is not known, and a day up to
    // 31 in any month: Skatteverket's own test samordningsnummer include 31 April and
    // 29 February 2019 (the date is the one a requesting authority gave).
    return month <= 12 && day <= 91;
  }
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(c, month);
}

function daysInMonth(c: Candidate, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  const year = Number(c.year);
  // Without a century, 29 February counts whenever some century makes the year a leap year.
  const leap =
    c.century === undefined ? year % 4 === 0 : isLeapYear(Number(c.century) * 100 + year);
  return leap ? 29 : 28;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The Luhn check over the ten digits YYMMDDNNNN. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let digit = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return sum % 10 === 0;
}
