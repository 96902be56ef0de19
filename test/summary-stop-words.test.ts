import { describe, expect, it } from 'vitest';
import { STOP_WORDS } from '../dialogues/summary/themes.js';

describe('recurring words leave filler out', () => {
  it('skips Swedish and English filler from the maintained list, and keeps theme words', () => {
    for (const filler of ['behöver', 'behövde', 'alltid', 'kanske', 'också', 'känns', 'veckan']) {
      expect(STOP_WORDS).toContain(filler);
    }
    for (const filler of ['the', 'because', 'really']) expect(STOP_WORDS).toContain(filler);
    for (const theme of ['bemanning', 'personal', 'stöd', 'tillit', 'samarbete', 'stress']) {
      expect(STOP_WORDS).not.toContain(theme);
    }
    expect(STOP_WORDS.every((w) => w.length >= 3 && w === w.toLowerCase())).toBe(true);
    expect(STOP_WORDS.length).toBeGreaterThan(400);
  });
});
