/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer: day + 60) in free text, so they can be refused before anything is
 * stored or logged. Accepts YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN and the same without a
 * separator; only numbers with a valid date and Luhn check digit count, so ordinary numbers
 * (phone numbers, case numbers) are not refused by mistake.
 */
const CANDIDATE = /(?<![\d])(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?![\d])/g;

export function containsPersonnummer(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    const [, century, year, month, day, last4] = match;
    if (century !== undefined && !/^(18|19|20)$/.test(century)) continue;
    if (!isDate(Number(month), Number(day))) continue;
    if (luhnValid(`${year}${month}${day}${last4}`)) return true;
  }
  return false;
}

function isDate(month: number, day: number): boolean {
  const realDay = day > 60 ? day - 60 : day;
  return month >= 1 && month <= 12 && realDay >= 1 && realDay <= 31;
}

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
