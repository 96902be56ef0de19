import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDueRounds } from '../dialogues/reflection/open-rounds.js';
import { sendBlockAction } from '../scripts/bench/support/slack-requests.js';
import { createAction } from '../store/queries/actions.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { dialogues, people, reflectionRounds, swotItems, units } from '../store/schema/index.js';
import {
  findButton,
  slackPerson,
  slackSession,
  slackUnit,
  TEAM,
  textOf,
  userIdOf,
} from './support/slack-session.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';

/** Thursday 26 Nov 2026, an hour after the weekly reflection opened (14:00 in Stockholm). */
const OPENS = new Date('2026-11-26T13:00:00Z');
const NOW = new Date('2026-11-26T14:00:00Z');
const CHANNEL = 'C0CARDS';
const DM = 'D0CARDSM1';
let t: TestTillit;
let s: ReturnType<typeof slackSession>;

beforeAll(async () => {
  t = await startTestTillit({ start: NOW });
  s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit('kort', CHANNEL)],
    people: [
      slackPerson('chef', [{ unit: 'kort', role: 'manager' }]),
      slackPerson('m1', [{ unit: 'kort', role: 'member' }]),
      slackPerson('m2', [{ unit: 'kort', role: 'member' }]),
    ],
  });
});
afterAll(async () => t?.close());

const personId = async (key: string) =>
  (await t.database.db.select().from(people).where(eq(people.key, key)))[0]!.id;

/** A click in m1's DM with Tillit, on a message there (a nudge, a prompt the outbox sent). */
const clickInDm = (actionId: string, value: string, messageTs: string, triggerId?: string) =>
  sendBlockAction(t.url, SIGNING_SECRET, {
    teamId: TEAM,
    userId: userIdOf('m1'),
    channelId: DM,
    messageTs,
    actionId,
    value,
    ...(triggerId ? { triggerId } : {}),
  });

describe('Slack cards keep up with what was done on them', () => {
  it('shows one ballot that updates in place (response_url), not a new message per vote', async () => {
    await s.command('chef', CHANNEL, 'swot Bemanningen');
    const board = await s.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL,
    );
    const [dialogue] = await t.database.db.select().from(dialogues);
    await t.database.db.insert(swotItems).values({
      dialogueId: dialogue!.id,
      quadrant: 'strengths',
      text: 'Stabil grupp',
      authorId: await personId('m1'),
    });
    await s.click('chef', CHANNEL, board.args.blocks, 'swot.start-vote');
    // The click is answered before it is carried out: wait for the phase to move.
    for (let i = 0; i < 100; i++) {
      const [now] = await t.database.db.select().from(dialogues);
      if (now!.phase === 'vote') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const since = s.since();
    await s.clickRaw('m1', CHANNEL, 'swot.ballot', `${dialogue!.id}:strengths`);
    const ballot = await s.privateTo('m1', since);
    expect(textOf(ballot)).toContain('5 av 5 röster kvar');

    const afterBallot = s.since();
    const vote = findButton(ballot.args.blocks, 'swot.vote');
    const answered = await sendBlockAction(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: userIdOf('m1'),
      channelId: CHANNEL,
      actionId: vote.action_id!,
      value: vote.value!,
      responseUrl: t.api.responseUrl('ballot'),
    });
    expect(answered.status).toBe(200);
    const replaced = await t.api.waitForCall(
      'response_url',
      (_args, c) => c.responseId === 'ballot',
    );
    expect(replaced.args.replace_original).toBe(true);
    expect(textOf(replaced)).toContain('4 av 5 röster kvar');
    expect(textOf(replaced)).not.toContain('5 av 5 röster kvar');
    expect(textOf(replaced)).toContain('Stabil grupp');
    // The vote changed the ballot only: no second private message beside it.
    await t.tillit.settle();
    expect(
      t.api
        .callsOf('chat.postEphemeral')
        .filter((c) => c !== ballot && c.at >= afterBallot && c.args.user === userIdOf('m1'))
        .map((c) => textOf(c)),
    ).toEqual([]);
  });

  it('answers Klar with the effect question as a message of its own: the notices settle through the outbox', async () => {
    const [unit] = await t.database.db.select().from(units).where(eq(units.key, 'kort'));
    const action = await createAction(t.database.db, {
      unitId: unit!.id,
      text: 'Ny rutin för överlämning',
      ownerId: await personId('m1'),
      dueDate: '2026-11-26',
      sourceKind: 'manual',
      sourceDialogueId: null,
      sourceItemId: null,
      createdBy: await personId('chef'),
      now: OPENS,
    });
    expect((await clickInDm('follow-up.done::0', action.id, '1700000000.000100')).status).toBe(200);
    // Put in place of the clicked notice, the question would be overwritten a moment later by
    // the notice's own settled version (settled-notices.ts): it comes as a new DM instead.
    const asked = await s.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === userIdOf('m1'),
    );
    const shown = textOf(asked);
    expect(shown).toContain('Ny rutin för överlämning');
    expect(shown).toContain('follow-up.effect');
    for (const gone of ['follow-up.done', 'follow-up.reschedule', 'follow-up.drop']) {
      expect(shown).not.toContain(`"${gone}`);
    }
  });

  it('replaces an answered reflection prompt: its 1–5 buttons give way to "besvarad"', async () => {
    await openDueRounds(t.database.db, { now: OPENS });
    const [round] = await t.database.db.select().from(reflectionRounds);
    const triggerId = 'trig-prompt-1';
    await clickInDm('reflection.rate::2', `${round!.id}:4`, '1700000000.000200', triggerId);
    const modal = await s.modalOpenedBy(triggerId);
    expect((await s.submit('m1', modal, { rating: { selected: '4' } })).status).toBe(200);
    const update = await s.waitFor(
      (c) => c.method === 'chat.update' && c.args.ts === '1700000000.000200',
    );
    expect(update.args.channel).toBe(DM);
    expect(textOf(update)).toContain('besvarad');
    expect(textOf(update)).not.toContain('reflection.rate');
    // It says that the person answered, never what.
    expect(textOf(update)).not.toMatch(/\b4\b.*betyg|Betyg: 4/);
  });
});
