import { describe, expect, it } from 'vitest';
import { containsPersonnummer, luhnValid } from '../dialogues/safety/personnummer.js';

describe('personnummer', () => {
  // 811218-9876 is the Swedish Tax Agency's classic test number (valid Luhn).
  it.each([
    'Brukaren 811218-9876 behöver stöd',
    '8112189876',
    '19811218-9876',
    '198112189876',
    '811218+9876',
    'samordningsnummer 701063-2391',
  ])('refuses %s', (text) => {
    expect(containsPersonnummer(text)).toBe(true);
  });

  it.each([
    '811218-9875', // wrong check digit
    'ring 070-123 45 67',
    'ärende 2024-1234',
    '20261123',
    '811318-9876', // month 13
    'vi var 12 personer och 30 brukare',
  ])('lets %s through', (text) => {
    expect(containsPersonnummer(text)).toBe(false);
  });

  it('computes Luhn over ten digits', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
  });
});
