/**
 * A text folded for digit matching, with the way back to the original: every character of
 * `text` came from `original.slice(starts[i], ends[i])`, so a match found in the folded text
 * can be masked in the original (zero-width characters inside it included).
 */
export interface FoldedText {
  text: string;
  starts: number[];
  ends: number[];
}

// Invisible characters people paste or keyboards insert: zero-width space/joiners, word
// joiner, byte order mark, soft hyphen (all Cf), and combining marks (M) such as the
// strike-through or keycap a digit can carry. They hide a number from a plain regex.
const INVISIBLE = /[\p{Cf}\p{M}]/u;
// Every dash (Pd: hyphen, non-breaking hyphen, en/em dash, figure dash…) plus the minus signs.
const DASH = /[\p{Pd}\u2212\u2796\u02D7]/u;
const SPACE = /\s/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * NFKC per character (full-width and mathematical digits become ASCII, non-breaking spaces
 * become spaces), then: invisible characters dropped, dashes to `-`, every run of whitespace
 * to one space, and decimal digits of any script (Arabic-Indic, Devanagari…) to ASCII.
 */
export function foldForDigits(original: string): FoldedText {
  const folded: FoldedText = { text: '', starts: [], ends: [] };
  let index = 0;
  for (const char of original) {
    const end = index + char.length;
    for (const piece of char.normalize('NFKC')) {
      const out = foldChar(piece);
      if (out === '' || (out === ' ' && folded.text.endsWith(' '))) continue;
      folded.text += out;
      folded.starts.push(index);
      folded.ends.push(end);
    }
    index = end;
  }
  return folded;
}

function foldChar(char: string): string {
  if (char >= '0' && char <= '9') return char;
  if (INVISIBLE.test(char)) return '';
  if (DASH.test(char)) return '-';
  if (SPACE.test(char)) return ' ';
  if (DECIMAL_DIGIT.test(char)) return String(digitValue(char));
  return char;
}

/**
 * Unicode assigns decimal digits only in contiguous runs 0–9 (a stability policy), so the
 * value is the distance to the start of the run, modulo 10 where runs sit back to back.
 */
function digitValue(char: string): number {
  const code = char.codePointAt(0)!;
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}
