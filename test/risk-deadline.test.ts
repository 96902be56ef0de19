import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../dialogues/core/context.js';
import { riskTicks } from '../dialogues/risk/risk-ticks.js';
import type { TickContext } from '../dialogues/schedule/tick.js';
import type { View } from '../dialogues/view.js';
import type { DatabaseHandle } from '../store/database.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { dialogues } from '../store/schema/index.js';
import { channelOf, driver, formOf, ofKind, riskOrg, viewText } from './support/risk-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await syncOrg(handle.db, riskOrg);
});
afterAll(async () => handle?.close());

const settings: Settings = {
  defaultLang: 'sv',
  defaultTimezone: 'Europe/Stockholm',
  anonymityThreshold: 5,
  publicUrl: null,
};

/** The deadline tick, with what it asks the channels to show collected. */
async function runDeadlineTick(now: Date): Promise<{ key: string; view: View }[]> {
  const refreshed: { key: string; view: View }[] = [];
  const ctx: TickContext = {
    db: handle.db,
    now,
    settings,
    refresh: async (key, view) => {
      refreshed.push({ key, view });
    },
  };
  const tick = riskTicks().find((t) => t.name === 'risk-deadlines')!;
  await tick.run(ctx);
  return refreshed;
}

async function startWithDeadline(manager: string, unitKey: string, deadline: string) {
  const monday = new Date('2026-09-07T08:00:00Z');
  const started = await driver(handle.db, manager, channelOf(unitKey), monday).command(
    `risk "Hösten 2026" ${deadline}`,
  );
  return ofKind(started, 'channel')[0]!.key!;
}

describe('risk dialogue deadline', () => {
  it('moves identify on to assess at the deadline, and the board in the channel shows it', async () => {
    const monday = new Date('2026-09-07T08:00:00Z');
    const as = (who: string) => driver(handle.db, who, channelOf('seka'), monday);
    const started = await as('chef_a').command('risk "Hösten 2026" 2026-09-09');
    const key = ofKind(started, 'channel')[0]!.key!;
    const dialogueId = key.replace('risk:', '');
    const form = formOf(await as('m_a1').click('risk.add', dialogueId));
    await as('m_a1').submit(form.id, form.state, { description: 'Vikarier saknas', anonymous: [] });

    // The deadline is the whole of Wednesday 9 September, Stockholm time.
    expect(await runDeadlineTick(new Date('2026-09-09T21:59:00Z'))).toEqual([]);
    const refreshed = await runDeadlineTick(new Date('2026-09-09T22:00:00Z'));
    expect(refreshed.map((r) => r.key)).toEqual([key]);
    expect(viewText(refreshed[0]!.view)).toContain('Bedömning');
    expect(viewText(refreshed[0]!.view)).toContain('Vikarier saknas');
    const [row] = await handle.db.select().from(dialogues).where(eq(dialogues.id, dialogueId));
    expect(row!.phase).toBe('assess');

    // Once moved, the next tick has nothing to move and nothing to show.
    expect(await runDeadlineTick(new Date('2026-09-09T22:01:00Z'))).toEqual([]);
  });

  it('refreshes the other boards when one cannot be, and reports the one', async () => {
    const failing = await startWithDeadline('chef_b', 'sekb', '2026-09-16');
    const other = await startWithDeadline('chef_enh', 'enh', '2026-09-16');
    const refreshed: string[] = [];
    const tick = riskTicks().find((t) => t.name === 'risk-deadlines')!;
    const run = tick.run({
      db: handle.db,
      now: new Date('2026-09-16T22:00:00Z'),
      settings,
      refresh: async (key) => {
        if (key === failing) throw new Error('the platform is down');
        refreshed.push(key);
      },
    });
    await expect(run).rejects.toThrow('1 board(s) not refreshed');
    expect(refreshed).toEqual([other]);
    // Both moved on, whether or not their board could be refreshed.
    const phases = await handle.db
      .select({ id: dialogues.id, phase: dialogues.phase })
      .from(dialogues);
    for (const key of [failing, other]) {
      expect(phases.find((d) => `risk:${d.id}` === key)?.phase).toBe('assess');
    }
  });
});
