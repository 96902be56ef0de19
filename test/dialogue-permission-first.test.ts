import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../scripts/bench/support/fake-slack-api.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { dialogues } from '../store/schema/index.js';
import {
  findButton,
  slackPerson,
  slackSession,
  slackUnit,
  textOf,
} from './support/slack-session.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';

// Permission is checked before anything about a dialogue is told: a person with no role in
// the dialogue's unit hears "not allowed", never which phase it is in or that it is closed.
const CHANNEL = 'C0MINE';
let t: TestTillit;
let s: ReturnType<typeof slackSession>;
let board: RecordedCall;

beforeAll(async () => {
  t = await startTestTillit();
  s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit('egen', CHANNEL), slackUnit('annan', 'C0OTHER')],
    people: [
      slackPerson('chef', [{ unit: 'egen', role: 'manager' }]),
      slackPerson('medlem', [{ unit: 'egen', role: 'member' }]),
      slackPerson('utanfor', [{ unit: 'annan', role: 'member' }]),
    ],
  });
  await s.command('chef', CHANNEL, 'swot "Vår vecka"');
  board = await s.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL);
});
afterAll(async () => t?.close());

const addButtonValue = () => findButton(board.args.blocks, 'swot.add').value ?? '';

describe('a dialogue of another unit', () => {
  it('tells an outsider "not allowed", not the phase it is in', async () => {
    // Voting has begun (set directly: how it began is not the point here).
    await t.database.db
      .update(dialogues)
      .set({ phase: 'vote' })
      .where(eq(dialogues.id, addButtonValue()));
    let since = s.since();
    await s.clickRaw('medlem', CHANNEL, 'swot.add', addButtonValue());
    const member = textOf(await s.privateTo('medlem', since));
    since = s.since();
    await s.clickRaw('utanfor', 'C0OTHER', 'swot.add', addButtonValue());
    const outsider = textOf(await s.privateTo('utanfor', since));
    expect(outsider).toContain('behörighet');
    // The member of the unit is told the phase; the outsider hears nothing of it.
    const phaseWords = member.match(/\*?([A-ZÅÄÖa-zåäö]+)\*?-?fas/)?.[0];
    expect(member).not.toContain('behörighet');
    if (phaseWords) expect(outsider).not.toContain(phaseWords);
  });

  it('does not tell an outsider that it is closed', async () => {
    await t.database.db
      .update(dialogues)
      .set({ closedAt: new Date() })
      .where(eq(dialogues.id, addButtonValue()));
    const since = s.since();
    await s.clickRaw('utanfor', 'C0OTHER', 'swot.add', addButtonValue());
    const outsider = textOf(await s.privateTo('utanfor', since));
    expect(outsider).not.toContain('avslutad');
  });
});
