import { foldForDigits } from '../../dialogues/safety/fold-for-digits.js';
import { findPersonnummer } from '../../dialogues/safety/personnummer.js';
import { referenceValid } from './support/personnummer-reference.js';

/**
 * `npm run bench -- personnummer`: how often the guard refuses random input, measured against
 * the `personnummer` package. A refusal is "false" when the package finds no valid number in
 * what was refused; those split into samordningsnummer dates the package rejects but
 * Skatteverket issues (month 00, day 60, 31 April) and anything else (the real mistakes).
 * Also the guard's speed against folding alone, in the same run.
 */
const RUNS = 1_000_000;
const TODAY = '2026-12-04';

export async function run(): Promise<void> {
  const random = mulberry32(20261204);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const samples: Record<string, () => string> = {
    'random 10-digit strings': () => digits(10),
    'random 12-digit strings': () => digits(12),
    'random digit strings, 1–16 long': () => digits(1 + Math.floor(random() * 16)),
    'random text with digits, 20–60 long': () => randomText(random),
  };
  console.log(`personnummer guard, ${RUNS.toLocaleString('en')} samples each (seeded)`);
  for (const [name, sample] of Object.entries(samples)) report(name, measure(sample));
  speed(samples['random text with digits, 20–60 long']!);
}

interface Rates {
  refused: number;
  referenceValid: number;
  beyondReference: number;
  other: number;
  examples: string[];
}

function measure(sample: () => string): Rates {
  const rates: Rates = {
    refused: 0,
    referenceValid: 0,
    beyondReference: 0,
    other: 0,
    examples: [],
  };
  for (let i = 0; i < RUNS; i++) {
    const text = sample();
    const spans = findPersonnummer(text, { today: TODAY });
    if (spans.length === 0) continue;
    rates.refused++;
    const numbers = spans.map((s) => foldForDigits(text.slice(s.start, s.end)).text);
    const canonical = numbers.map((n) => n.replace(/[^0-9A-Za-z]/g, ''));
    if (canonical.some(referenceValid)) rates.referenceValid++;
    else if (canonical.some(isCoordinationDate)) rates.beyondReference++;
    else {
      rates.other++;
      if (rates.examples.length < 5) rates.examples.push(text);
    }
  }
  return rates;
}

const isCoordinationDate = (n: string): boolean => Number(n.slice(-6, -4)) >= 60;

function report(name: string, r: Rates): void {
  const pct = (n: number) => `${((100 * n) / RUNS).toFixed(4)} %`;
  console.log(`\n${name}`);
  console.log(`  refused:                                   ${pct(r.refused)}`);
  console.log(`  of which valid by the package:             ${pct(r.referenceValid)}`);
  console.log(`  false refusals (package finds no number):  ${pct(r.beyondReference + r.other)}`);
  console.log(`    samordningsnummer dates Skatteverket uses: ${pct(r.beyondReference)}`);
  console.log(`    anything else:                           ${pct(r.other)}`);
  for (const example of r.examples) console.log(`    e.g. ${JSON.stringify(example)}`);
}

function speed(sample: () => string): void {
  const texts = Array.from({ length: 100_000 }, sample);
  const rate = (work: (t: string) => unknown) => {
    const start = performance.now();
    for (const t of texts) work(t);
    return texts.length / ((performance.now() - start) / 1000);
  };
  const baseline = rate((t) => t.normalize('NFKC'));
  const guard = rate((t) => findPersonnummer(t, { today: TODAY }));
  console.log(
    `\nspeed: ${Math.round(guard).toLocaleString('en')} texts/s, ` +
      `${((100 * guard) / baseline).toFixed(0)} % of NFKC normalisation alone`,
  );
}

/** Digits-heavy text with the separators people use around numbers. */
function randomText(random: () => number): string {
  const alphabet = `${'0123456789'.repeat(6)}  --..+/:,abcdeåäöXYZ`;
  const length = 20 + Math.floor(random() * 41);
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/** A small seeded generator, so every run measures the same samples. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
