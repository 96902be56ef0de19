import { describe, expect, it } from 'vitest';
import { countedKeys, measureKeys } from '../dialogues/summary/measures.js';
import {
  addTo,
  cellKey,
  get,
  measureValue,
  newTally,
  ratingCountKey,
  ratingSumKey,
  tallyKeyOf,
} from '../dialogues/summary/tally.js';

describe('summary measures and tally slots come from one list of keys', () => {
  it('refuses a misspelt key at compile time (npm run typecheck fails without the typing)', () => {
    const tally = newTally();
    // @ts-expect-error: 'actions.opend' is no key of a tally
    addTo(tally, 'actions.opend', 1);
    // @ts-expect-error: nor is a cell outside the 4 × 4 matrix
    get(tally, cellKey(5, 1));
    // @ts-expect-error: a measure that is derived (a share) is no slot to add to
    addTo(tally, 'effect.share', 1);
    // @ts-expect-error: 'rating.al' is no measure
    measureValue(tally, 'rating.al');
    expect(tally.every((n) => n === 0)).toBe(true);
  });

  it('gives every counted measure a slot of its own and reads it back as the measure', () => {
    for (const key of countedKeys) expect(measureKeys).toContain(key);
    countedKeys.forEach((key, i) => {
      const tally = newTally();
      addTo(tally, key, i + 1);
      expect(measureValue(tally, key)).toBe(i + 1);
      expect(countedKeys.filter((other) => get(tally, other) !== 0)).toEqual([key]);
    });
  });

  it('derives ratings from the typed sums and counts', () => {
    const tally = newTally();
    addTo(tally, ratingSumKey('trust'), 14);
    addTo(tally, ratingCountKey('trust'), 4);
    expect(measureValue(tally, 'rating.trust')).toBe(3.5);
    expect(measureValue(tally, 'rating.all')).toBe(3.5);
  });

  it('names a key from a database row only when the summary knows it', () => {
    expect(tallyKeyOf('dialogues.swot')).toBe('dialogues.swot');
    expect(tallyKeyOf('risks.cell.4.1')).toBe('risks.cell.4.1');
    expect(tallyKeyOf('dialogues.new-kind')).toBeNull();
  });
});
