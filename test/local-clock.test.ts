import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../bot/clock.js';
import { loadConfig } from '../bot/config.js';
import { createLogger } from '../bot/log.js';
import { type RunningTillit, startTillit } from '../bot/start-tillit.js';
import type { DatabaseHandle } from '../store/database.js';
import { getLocal, listLocalPeople, postLocal } from './support/local-tillit.js';
import { openTestDatabase } from './support/test-database.js';

const DAY_MS = 24 * 3_600_000;
let database: DatabaseHandle;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** The real server on the one database of this file, as a restart would start it. */
const start = (env: Record<string, string> = {}): Promise<RunningTillit> =>
  startTillit({
    config: loadConfig({ PORT: '0', LOCAL_CHANNEL: 'on', ...env }),
    database,
    log: createLogger('error', () => {}),
    clock: createClock(),
    background: false,
  });

const daysAhead = (tillit: RunningTillit) =>
  Math.round((tillit.clock.now().getTime() - Date.now()) / DAY_MS);

describe('the local channel after a restart', () => {
  it('keeps the travelled date, and ignores it where time travel is not allowed', async () => {
    const first = await start();
    expect((await postLocal(first.url, 'time-travel', { days: 11 })).status).toBe(200);
    await first.stop();

    const again = await start();
    expect(daysAhead(again)).toBe(11);
    expect((await postLocal(again.url, 'time-travel', { days: 2 })).status).toBe(200);
    await again.stop();

    const third = await start();
    expect(daysAhead(third)).toBe(13);
    await third.stop();

    // With real credentials nobody may move the clock, so a saved date means nothing there.
    const real = await start({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(daysAhead(real)).toBe(0);
    await real.stop();
  });

  it('offers people in the order of the organisation tree, by name within a unit', async () => {
    const tillit = await start();
    try {
      const people = await listLocalPeople(tillit.url);
      const firstUnits = people.map((p) => p.roles[0]?.unitKey ?? null);
      const groups = firstUnits.filter((key, i) => key !== firstUnits[i - 1]);
      // Each unit once, in the tree order the channel list has (a unit, then those below it).
      const channels = await getLocal<{ channels: { unitKey: string }[] }>(tillit.url, 'channels');
      const tree = channels.body.channels.map((c) => c.unitKey);
      expect(new Set(groups).size).toBe(groups.length);
      expect(groups.length).toBeGreaterThan(10);
      expect(groups).toEqual(tree.filter((key) => groups.includes(key)));
      for (const unit of groups) {
        const names = people.filter((p) => p.roles[0]?.unitKey === unit).map((p) => p.name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
      }
    } finally {
      await tillit.stop();
    }
  });
});
