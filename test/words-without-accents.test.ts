import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../dialogues/commands/parse-command.js';
import { foldWord, isWord, wordTable } from '../dialogues/commands/words.js';
import { readStartArgs } from '../dialogues/dialogue/start-args.js';
import { readLevel, readRole, readWeekday } from '../dialogues/setup/words.js';
import { readPeriod } from '../dialogues/summary/period.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Database } from '../store/database.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { channelOf, driver, formOf, privateText, riskOrg } from './support/risk-org.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';

/**
 * Swedish words work with and without å, ä and ö, and in any case, everywhere a command reads
 * a word: one comparison (commands/words.ts) instead of lists that each name, or forget, the
 * spelling without them.
 */

const stripped = (word: string) => word.replace(/[åä]/g, 'a').replace(/ö/g, 'o');
const TODAY = '2026-10-06';

describe('one comparison of typed words', () => {
  it('ignores case and accents', () => {
    expect(foldWord('Åtgärder')).toBe('atgarder');
    expect(isWord('ATGARDER', ['åtgärder'])).toBe(true);
    expect(isWord('lägg', ['lagg'])).toBe(true);
    expect(isWord(undefined, ['lägg'])).toBe(false);
    expect(wordTable({ halvår: 1 })('HALVAR')).toBe(1);
  });

  it('knows every command word of the Swedish help without å, ä and ö too', () => {
    const words = sv.help.commands.map(([command]) => command.split(' ')[0]!);
    expect(words.some((w) => /[åäö]/.test(w))).toBe(true);
    for (const word of words) {
      const name = parseCommand(word).name;
      expect(name, word).not.toBe('unknown');
      expect(parseCommand(stripped(word)).name, stripped(word)).toBe(name);
      expect(parseCommand(word.toUpperCase()).name, word.toUpperCase()).toBe(name);
    }
  });

  it('reads options, periods, levels and weekdays without å, ä and ö', () => {
    const options = [{ names: ['year', 'år'], takesValue: true }];
    for (const option of ['--år', '--ar', '--ÅR']) {
      const read = readStartArgs(['Vår risk', option, '2027'], options);
      expect(read, option).toMatchObject({ ok: true, options: new Map([['year', '2027']]) });
    }
    for (const [word, plain] of [
      ['månaden', 'manaden'],
      ['halvåret', 'halvaret'],
      ['året', 'aret'],
    ] as const) {
      expect(readPeriod(plain, TODAY), plain).toEqual(readPeriod(word, TODAY));
      expect(readPeriod(word, TODAY), word).not.toBeNull();
    }
    expect(readLevel('forvaltning')).toBe('administration');
    expect(readRole('Chef')).toBe('manager');
    expect(readWeekday('lordag')).toBe(6);
    expect(readWeekday('sön')).toBe(7);
    expect(readWeekday('son')).toBe(7);
  });
});

describe('sub-commands without å, ä and ö, through the handler', () => {
  let t: TestTillit;
  let db: Database;
  const NOW = new Date('2026-10-06T08:00:00Z');
  beforeAll(async () => {
    t = await startTestTillit();
    db = t.database.db;
    await syncOrg(db, riskOrg);
  });
  afterAll(async () => t?.close());
  const as = (who: string) => driver(db, who, channelOf('enh'), NOW);

  it('`atgarder lagg` opens the same form as `åtgärder lägg`', async () => {
    const accented = formOf(await as('chef_enh').command('åtgärder lägg'));
    const plain = formOf(await as('chef_enh').command('atgarder lagg'));
    expect(plain).toEqual(accented);
  });

  it('`risk lage` and `risk sasong` answer as `risk läge` and `risk säsong`', async () => {
    for (const [word, plain] of [
      ['läge', 'lage'],
      ['säsong', 'sasong'],
    ]) {
      const accented = privateText(await as('chef_enh').command(`risk ${word}`));
      expect(accented, word).not.toBe('');
      expect(privateText(await as('chef_enh').command(`risk ${plain}`)), plain).toBe(accented);
    }
  });
});
