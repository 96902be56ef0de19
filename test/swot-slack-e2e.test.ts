import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../bot/log.js';
import { settingsFrom } from '../bot/request-settings.js';
import { createScheduler } from '../bot/scheduler/scheduler.js';
import { localDate } from '../dialogues/dialogue/local-time.js';
import { ticks } from '../dialogues/schedule/ticks.js';
import type { RecordedCall } from '../scripts/bench/support/fake-slack-api.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { actions, dialogues, swotItems, swotVotes } from '../store/schema/index.js';
import { slackPerson, slackSession, slackUnit, textOf, userIdOf } from './support/slack-session.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';

const CHANNEL = 'C0SWOT';
const members = Array.from({ length: 32 }, (_, i) => `m${i + 1}`);
let t: TestTillit;
let s: ReturnType<typeof slackSession>;
let dialogueMessage: RecordedCall;

beforeAll(async () => {
  t = await startTestTillit();
  s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit('sek', CHANNEL), slackUnit('annan', 'C0OTHER')],
    people: [
      slackPerson('chef', [{ unit: 'sek', role: 'manager' }]),
      ...members.map((m) => slackPerson(m, [{ unit: 'sek', role: 'member' }])),
      slackPerson('utanfor', [{ unit: 'annan', role: 'member' }]),
      slackPerson('chef2', [{ unit: 'annan', role: 'manager' }]),
    ],
  });
});
afterAll(async () => t?.close());

/** The dialogue message as it stands after the latest coalesced update. */
async function latestDialogueBlocks(): Promise<unknown> {
  await t.tillit.settle();
  const updates = t.api
    .callsOf('chat.update')
    .filter((c) => c.args.ts === dialogueMessage.args.ts || c.args.ts === dialogueTs());
  return (updates.at(-1) ?? dialogueMessage).args.blocks;
}
const dialogueTs = () => t.api.messagesIn(CHANNEL)[0]?.ts;

async function addItem(who: string, quadrant: string, text: string, anonymous = false) {
  const { triggerId } = await s.click(who, CHANNEL, dialogueMessage.args.blocks, 'swot.add');
  const modal = await s.modalOpenedBy(triggerId);
  return s.submit(who, modal, {
    quadrant: { selected: quadrant },
    text,
    anonymous: { checked: anonymous ? ['yes'] : [] },
  });
}

describe('SWOT in Slack, through the real Bolt app', () => {
  it('refuses to start for a member, and in an unlinked channel', async () => {
    let since = s.since();
    await s.command('m1', CHANNEL, 'swot Vår vardag');
    expect(textOf(await s.privateTo('m1', since))).toContain('behörighet');
    since = s.since();
    await s.command('chef', 'C0NOWHERE', 'swot Vår vardag');
    expect(textOf(await s.privateTo('chef', since))).toContain('hör inte till någon enhet');
    expect(await t.database.db.select().from(dialogues)).toHaveLength(0);
  });

  it('starts with one dialogue message in the channel', async () => {
    await s.command('chef', CHANNEL, 'swot "Vår vardag"');
    dialogueMessage = await s.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL,
    );
    expect(textOf(dialogueMessage)).toContain('Vår vardag');
    expect(textOf(dialogueMessage)).toContain('Styrkor');
  });

  it('collects named and anonymous items; the anonymous one keeps no author', async () => {
    expect((await addItem('m1', 'strengths', 'Vi hjälper varandra')).status).toBe(200);
    expect((await addItem('m2', 'threats', 'Hög personalomsättning', true)).status).toBe(200);
    expect((await addItem('m3', 'weaknesses', 'Dokumentationen tar för mycket tid')).status).toBe(
      200,
    );
    const items = await t.database.db.select().from(swotItems);
    expect(items).toHaveLength(3);
    const anonymous = items.find((i) => i.quadrant === 'threats')!;
    expect(anonymous.authorId).toBeNull();
    expect(JSON.stringify(await latestDialogueBlocks())).toContain('Hög personalomsättning');
    expect(JSON.stringify(await latestDialogueBlocks())).not.toContain('M2');
  });

  it('refuses a personnummer, an empty text and one too long, in the form, storing nothing', async () => {
    const pnr = await addItem('m4', 'threats', 'Brukaren 811218-9876 far illa');
    expect(pnr.body).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(pnr.body)).toContain('personnummer');
    const empty = await addItem('m4', 'threats', '   ');
    expect(empty.body).toMatchObject({ response_action: 'errors' });
    const long = await addItem('m4', 'threats', 'x'.repeat(2_000));
    expect(JSON.stringify(long.body)).toContain('för lång');
    const stored = await t.database.db.select().from(swotItems);
    expect(stored).toHaveLength(3);
    expect(JSON.stringify(stored)).not.toContain('811218');
    expect(t.logLines.join('\n')).not.toContain('811218');
  });

  it('refuses someone from another unit', async () => {
    const since = s.since();
    await s.click('utanfor', CHANNEL, dialogueMessage.args.blocks, 'swot.add');
    expect(textOf(await s.privateTo('utanfor', since))).toContain('behörighet');
    expect(t.api.callsOf('views.open').filter((c) => c.at > since)).toHaveLength(0);
    expect(await t.database.db.select().from(swotItems)).toHaveLength(3);
  });

  it('takes 30 submissions in the same second, loses none, and coalesces the message updates', async () => {
    const updatesBefore = t.api.callsOf('chat.update').length;
    const burst = members
      .slice(0, 30)
      .map((m, i) => addItem(m, 'opportunities', `Idé nummer ${i + 1}`));
    const responses = await Promise.all(burst);
    expect(
      responses.every((r) => r.status === 200 && !JSON.stringify(r.body).includes('errors')),
    ).toBe(true);
    const items = await t.database.db.select().from(swotItems);
    expect(items.filter((i) => i.quadrant === 'opportunities')).toHaveLength(30);
    await t.tillit.settle();
    const updates = t.api.callsOf('chat.update').length - updatesBefore;
    expect(updates).toBeGreaterThanOrEqual(1);
    expect(updates).toBeLessThan(10);
  });

  it('lets only the manager move to voting', async () => {
    const blocks = await latestDialogueBlocks();
    const since = s.since();
    await s.click('m1', CHANNEL, blocks, 'swot.start-vote');
    expect(textOf(await s.privateTo('m1', since))).toMatch(/behörighet|bara/i);
    await s.click('chef', CHANNEL, blocks, 'swot.start-vote');
    await phaseIs('vote');
  });

  it('enforces dot-vote limits under a burst: 5 votes each, 3 on one item', async () => {
    const items = await t.database.db.select().from(swotItems);
    const target = items.find((i) => i.quadrant === 'strengths')!;
    const answersTo = (after: number) =>
      t.api
        .callsOf('chat.postEphemeral')
        .filter((c) => c.args.user === userIdOf('m5') && c.at >= after).length;
    // Six clicks at once on one item: three land, the rest are refused.
    let since = Date.now();
    await Promise.all(
      Array.from({ length: 6 }, () => s.clickRaw('m5', CHANNEL, 'swot.vote::0', target.id)),
    );
    await until(() => answersTo(since) >= 6);
    // Four more items at once: two land, then the five votes are spent.
    since = Date.now();
    const others = items.filter((i) => i.quadrant === 'opportunities').slice(0, 4);
    await Promise.all(others.map((i) => s.clickRaw('m5', CHANNEL, 'swot.vote::0', i.id)));
    await until(() => answersTo(since) >= 4);
    const votes = await t.database.db
      .select()
      .from(swotVotes)
      .where(eq(swotVotes.voterId, await personId('m5')));
    const total = votes.reduce((sum, v) => sum + v.dots, 0);
    expect(votes.find((v) => v.itemId === target.id)?.dots).toBe(3);
    expect(total).toBe(5);
  });

  it('decides an action and closes with a summary in the channel', async () => {
    let blocks = await latestDialogueBlocks();
    await s.click('chef', CHANNEL, blocks, 'swot.end-vote');
    await phaseIs('decide');
    blocks = await latestDialogueBlocks();
    const { triggerId } = await s.click('chef', CHANNEL, blocks, 'swot.action');
    const modal = await s.modalOpenedBy(triggerId);
    const owner = await personId('m1');
    const response = await s.submit('chef', modal, {
      item: { selected: null },
      text: 'Inför kollegial handledning varannan vecka',
      owner: { selected: owner },
      due: { date: '2027-01-15' },
    });
    expect(JSON.stringify(response.body)).not.toContain('errors');
    const [action] = await t.database.db.select().from(actions);
    expect(action).toMatchObject({ ownerId: owner, dueDate: '2027-01-15', status: 'open' });

    const since = s.since();
    await s.click('chef', CHANNEL, await latestDialogueBlocks(), 'swot.close');
    const summary = await s.waitFor(
      (c) => c.at > since && c.method === 'chat.postMessage' && c.args.channel === CHANNEL,
    );
    expect(textOf(summary)).toContain('Sammanfattning');
    expect(textOf(summary)).toContain('kollegial handledning');
    const [row] = await t.database.db.select().from(dialogues);
    expect(row!.phase).toBe('closed');
  });

  it('answers a stale button from the closed dialogue clearly, changing nothing', async () => {
    const items = await t.database.db.select().from(swotItems);
    const before = await t.database.db.select().from(swotVotes);
    const since = s.since();
    await s.clickRaw('m6', CHANNEL, 'swot.vote::0', items[0]!.id);
    expect(textOf(await s.privateTo('m6', since))).toMatch(/avslutad|Inget ändrades/);
    expect(await t.database.db.select().from(swotVotes)).toEqual(before);
  });

  it('moves on at its deadline with nobody clicking, and the channel message shows it', async () => {
    const clock = t.tillit.clock;
    // Tomorrow, so the deadline is ahead whatever the time of day the test runs.
    const tomorrow = localDate(
      new Date(clock.now().getTime() + 24 * 3_600_000),
      'Europe/Stockholm',
    );
    await s.command('chef2', 'C0OTHER', `swot "Till fredag" ${tomorrow} 23:59`);
    const board = await s.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C0OTHER',
    );
    const { triggerId } = await s.click('utanfor', 'C0OTHER', board.args.blocks, 'swot.add');
    await s.submit('utanfor', await s.modalOpenedBy(triggerId), {
      quadrant: { selected: 'threats' },
      text: 'Sjukskrivningar',
      anonymous: { checked: [] },
    });
    // The item's own update goes out after the submission is answered: wait for it.
    await s.waitFor((c) => c.method === 'chat.update' && textOf(c).includes('Sjukskrivningar'));
    await t.tillit.settle();
    const updatesBefore = t.api.callsOf('chat.update').length;

    clock.advance(2 * 24 * 3_600_000);
    const scheduler = createScheduler({
      db: t.database.db,
      clock,
      settings: settingsFrom(t.config),
      log: createLogger('error', () => {}),
      refresh: t.tillit.refresh,
      ticks,
    });
    await scheduler.runOnce();
    await t.tillit.settle();
    const updates = t.api.callsOf('chat.update').slice(updatesBefore);
    const posted = t.api.messagesIn('C0OTHER')[0]!;
    expect(updates.map((u) => [u.args.channel, u.args.ts])).toEqual([['C0OTHER', posted.ts]]);
    expect(textOf(updates[0]!)).toContain('Röstning');
    expect(textOf(updates[0]!)).toContain('Sjukskrivningar');

    // The next minute's tick finds nothing more to move, and updates nothing.
    clock.advance(60_000);
    await scheduler.runOnce();
    await t.tillit.settle();
    expect(t.api.callsOf('chat.update').length).toBe(updatesBefore + 1);
  });
});

async function personId(key: string): Promise<string> {
  const { findPersonByIdentity } = await import('../store/queries/people.js');
  const person = await findPersonByIdentity(t.database.db, {
    platform: 'slack',
    workspace: 'T0TEST',
    externalId: userIdOf(key),
  });
  return person!.id;
}

/** Waits until the dialogue reached the phase and its message update went out. */
async function phaseIs(phase: string) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const [row] = await t.database.db.select().from(dialogues);
    if (row?.phase === phase) break;
    if (Date.now() > deadline) throw new Error(`dialogue never reached ${phase}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // The update is scheduled right after the change is stored.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await t.tillit.settle();
}

async function until(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
