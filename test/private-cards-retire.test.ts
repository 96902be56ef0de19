import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLifetimes } from '../dialogues/privacy/lifetimes.js';
import { buildDemoOrg } from '../dialogues/setup/demo-org.js';
import { sendBlockAction } from '../scripts/bench/support/slack-requests.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { erasePerson } from '../store/queries/person-data.js';
import {
  dialogues,
  localMessages,
  outbox,
  people,
  postedMessages,
  swotItems,
} from '../store/schema/index.js';
import {
  getLocal,
  type LocalPerson,
  type LocalTestTillit,
  listLocalPeople,
  postLocal,
  startLocalTillit,
} from './support/local-tillit.js';
import {
  findButton,
  slackPerson,
  slackSession,
  slackUnit,
  TEAM,
  textOf,
  userIdOf,
} from './support/slack-session.js';
import { startTeamsTillit, type TeamsTestTillit } from './support/start-teams-tillit.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';
import {
  cardOf,
  findAllActions,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  textOf as teamsTextOf,
  teamsUnit,
} from './support/teams-session.js';

/**
 * Issue 20: private cards of a SWOT phase (the ballot, the "Tack! Din punkt…" confirmation with
 * its edit buttons) give way once the phase is over, through outbox updates, instead of
 * offering buttons that can only be refused.
 */

const MOVED_ON = 'Dialogen har gått vidare';

async function waitForPhase(db: TestTillit['database']['db'], phase: string) {
  for (let i = 0; i < 100; i++) {
    const [now] = await db.select().from(dialogues);
    if (now?.phase === phase) return now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the dialogue never reached ${phase}`);
}

describe('Slack: a ballot someone voted on gives way when voting ends', () => {
  let t: TestTillit;
  const CHANNEL = 'C0BALLOT';
  beforeAll(async () => {
    t = await startTestTillit();
    await syncOrg(t.database.db, {
      units: [slackUnit('rost', CHANNEL)],
      people: [
        slackPerson('chef', [{ unit: 'rost', role: 'manager' }]),
        slackPerson('m1', [{ unit: 'rost', role: 'member' }]),
      ],
    });
  });
  afterAll(async () => t?.close());

  it('replaces the ephemeral ballot through its response_url: no vote buttons left', async () => {
    const s = slackSession(t);
    await s.command('chef', CHANNEL, 'swot Bemanningen');
    const board = await s.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL,
    );
    const [dialogue] = await t.database.db.select().from(dialogues);
    const [m1] = await t.database.db.select().from(people).where(eq(people.key, 'm1'));
    await t.database.db.insert(swotItems).values({
      dialogueId: dialogue!.id,
      quadrant: 'strengths',
      text: 'Stabil grupp',
      authorId: m1!.id,
    });
    await s.click('chef', CHANNEL, board.args.blocks, 'swot.start-vote');
    await waitForPhase(t.database.db, 'vote');
    const since = s.since();
    await s.clickRaw('m1', CHANNEL, 'swot.ballot', `${dialogue!.id}:strengths`);
    const ballot = await s.privateTo('m1', since);
    const vote = findButton(ballot.args.blocks, 'swot.vote');
    await sendBlockAction(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: userIdOf('m1'),
      channelId: CHANNEL,
      actionId: vote.action_id!,
      value: vote.value!,
      responseUrl: t.api.responseUrl('ballot-m1'),
    });
    await t.api.waitForCall('response_url', (_args, c) => c.responseId === 'ballot-m1');
    const usesBefore = t.api.calls.filter((c) => c.responseId === 'ballot-m1').length;

    // The manager ends voting: the ballot must not keep offering votes.
    await t.tillit.settle();
    const current = await s.waitFor(
      (c) => c.method === 'chat.update' && JSON.stringify(c.args.blocks).includes('swot.end-vote'),
    );
    await s.click('chef', CHANNEL, current.args.blocks, 'swot.end-vote');
    await waitForPhase(t.database.db, 'decide');
    await t.tillit.settle();
    await t.tillit.sender.runOnce();
    const retired = t.api.calls.filter((c) => c.responseId === 'ballot-m1').slice(usesBefore);
    expect(retired).toHaveLength(1);
    expect(retired[0]!.args.replace_original).toBe(true);
    expect(textOf(retired[0]!)).toContain(MOVED_ON);
    expect(textOf(retired[0]!)).not.toContain('swot.vote');
    expect(textOf(retired[0]!)).not.toContain('swot.unvote');
  });
});

describe('local channel: the ballot and the "Tack!" confirmation give way when the phase moves on', () => {
  let t: LocalTestTillit;
  let manager: LocalPerson;
  let member: LocalPerson;
  const section = buildDemoOrg().units.find((u) => u.level === 'section')!.key;

  interface PageMessage {
    id: string;
    version: number;
    private: boolean;
    summary: string;
    html: string;
  }
  const messagesOf = async (person: LocalPerson) =>
    (
      await getLocal<{ messages: PageMessage[] }>(t.url, 'messages', {
        person: person.key,
        channel: section,
      })
    ).body.messages;
  const act = (person: LocalPerson, id: string, value: string) =>
    postLocal(t.url, 'action', { person: person.key, channel: section, action: { id, value } });

  beforeAll(async () => {
    t = await startLocalTillit();
    const everyone = await listLocalPeople(t.url);
    const inSection = (role: string) =>
      everyone.find((p) => p.roles.some((r) => r.unitKey === section && r.role === role))!;
    manager = inSection('manager');
    member = inSection('member');
  });
  afterAll(async () => t?.close());

  it('updates each private card in place, once, with no buttons', async () => {
    await postLocal(t.url, 'command', {
      person: manager.key,
      channel: section,
      text: 'swot "Vår vardag"',
    });
    const [dialogue] = await t.database.db.select().from(dialogues);
    const added = await postLocal(t.url, 'submit', {
      person: member.key,
      channel: section,
      formId: 'swot.add-item',
      state: dialogue!.id,
      values: { quadrant: 'strengths', text: 'Vi hjälper varandra', anonymous: [] },
    });
    expect(added.status).toBe(200);
    const thanks = (await messagesOf(member)).find((m) => m.private && m.html.includes('Tack!'))!;
    expect(thanks.html).toContain('swot.edit');

    await act(manager, 'swot.start-vote', dialogue!.id);
    await t.tillit.sender.runOnce();
    const thanksNow = (await messagesOf(member)).find((m) => m.id === thanks.id)!;
    expect(thanksNow.version).toBe(thanks.version + 1);
    expect(thanksNow.html).toContain(MOVED_ON);
    expect(thanksNow.html).not.toContain('swot.edit');
    expect(thanksNow.html).not.toContain('swot.delete');

    await act(member, 'swot.ballot', `${dialogue!.id}:strengths`);
    const ballot = (await messagesOf(member)).find(
      (m) => m.private && m.html.includes('swot.vote'),
    )!;
    await act(manager, 'swot.end-vote', dialogue!.id);
    await t.tillit.sender.runOnce();
    const after = await messagesOf(member);
    const ballotNow = after.find((m) => m.id === ballot.id)!;
    expect(ballotNow.html).toContain(MOVED_ON);
    expect(ballotNow.html).not.toContain('swot.vote');
    // The confirmation was retired once, not again when voting ended.
    expect(after.find((m) => m.id === thanks.id)!.version).toBe(thanksNow.version);
    // The manager's page shows no private card of the member's.
    expect((await messagesOf(manager)).some((m) => m.id === ballot.id)).toBe(false);

    // Erasing the member leaves no key naming them where messages were posted, nor an update.
    const [person] = await t.database.db.select().from(people).where(eq(people.key, member.key));
    const naming = async () =>
      [
        ...(await t.database.db.select({ key: postedMessages.key }).from(postedMessages)),
        ...(await t.database.db.select({ key: outbox.key }).from(outbox)),
      ].filter((r) => r.key.includes(person!.id));
    expect(await naming()).not.toEqual([]);
    await erasePerson(t.database.db, {
      personKey: member.key,
      deletedName: 'borttagen person',
      now: new Date(),
      audit: { actorPersonId: null, source: 'command-line' },
    });
    expect(await naming()).toEqual([]);
  });

  it("retires a risk dialogue's named confirmation and assessment sheet; an unnamed one has no key", async () => {
    const started = await postLocal(t.url, 'command', {
      person: manager.key,
      channel: section,
      text: 'risk',
    });
    expect(started.status).toBe(200);
    // The member of the SWOT test above was erased at its end: the manager writes here.
    const writer = manager;
    const [risk] = await t.database.db.select().from(dialogues).where(eq(dialogues.kind, 'risk'));
    expect(risk).toBeDefined();
    const add = (text: string, anonymous: string[]) =>
      postLocal(t.url, 'submit', {
        person: writer.key,
        channel: section,
        formId: 'risk.add-risk',
        state: risk!.id,
        values: { description: text, anonymous },
      });
    expect((await add('Nycklar försvinner', [])).status).toBe(200);
    expect((await add('Stress i teamet', ['yes'])).status).toBe(200);
    const confirmations = (await messagesOf(writer)).filter(
      (m) => m.private && m.html.includes('risk.add'),
    );
    expect(confirmations).toHaveLength(2);
    const keyed = await t.database.db
      .select({ key: postedMessages.key })
      .from(postedMessages)
      .where(like(postedMessages.key, `dialogue:${risk!.id}:private:%`));
    // Only the named risk's confirmation is recorded where it went.
    expect(keyed).toHaveLength(1);

    await act(manager, 'risk.start-assess', risk!.id);
    await t.tillit.sender.runOnce();
    const now = await messagesOf(writer);
    const retired = now.filter((m) => confirmations.some((c) => c.id === m.id));
    expect(retired.filter((m) => m.html.includes(MOVED_ON))).toHaveLength(1);
    expect(retired.filter((m) => m.html.includes('risk.add'))).toHaveLength(1);

    await act(writer, 'risk.sheet', risk!.id);
    const sheet = (await messagesOf(writer)).find(
      (m) => m.private && m.html.includes('risk.estimate'),
    )!;
    await act(manager, 'risk.start-decide', risk!.id);
    await t.tillit.sender.runOnce();
    const sheetNow = (await messagesOf(writer)).find((m) => m.id === sheet.id)!;
    expect(sheetNow.html).toContain(MOVED_ON);
    expect(sheetNow.html).not.toContain('risk.estimate');

    // Once retired, the cards of phases that are over go with the daily lifetime tick: the
    // page's copy, where each was posted, and the update: nothing left naming the person.
    const left = async () =>
      [
        ...(await t.database.db.select({ key: localMessages.key }).from(localMessages)),
        ...(await t.database.db.select({ key: postedMessages.key }).from(postedMessages)),
        ...(await t.database.db.select({ key: outbox.key }).from(outbox)),
      ].filter((r) => r.key?.includes(`dialogue:${risk!.id}:private:`));
    expect(await left()).not.toEqual([]);
    const applied = await applyLifetimes(t.database.db, { now: new Date() });
    expect(applied.retiredPrivateCards).toBeGreaterThan(0);
    expect(await left()).toEqual([]);
  });
});

describe('Teams: the ballot in the 1:1 chat gives way when voting ends', () => {
  let t: TeamsTestTillit;
  const CHANNEL = teamsChannelId('kort');
  beforeAll(async () => {
    t = await startTeamsTillit();
    await syncOrg(t.database.db, {
      units: [teamsUnit('kort', CHANNEL)],
      people: [
        teamsPerson('chef', [{ unit: 'kort', role: 'manager' }]),
        teamsPerson('m1', [{ unit: 'kort', role: 'member' }]),
      ],
    });
  });
  afterAll(async () => t?.close());

  it('updates the ballot card in place (updateActivity): no vote buttons left', async () => {
    const s = teamsSession(t);
    await s.command('chef', 'swot Bemanningen', { channel: CHANNEL });
    await t.tillit.settle();
    const [boardPost] = s.inChannel(CHANNEL);
    const [dialogue] = await t.database.db.select().from(dialogues);
    const [m1] = await t.database.db.select().from(people).where(eq(people.key, 'm1'));
    await t.database.db.insert(swotItems).values({
      dialogueId: dialogue!.id,
      quadrant: 'strengths',
      text: 'Stabil grupp',
      authorId: m1!.id,
    });
    const board = () => t.connector.activities.get(boardPost!.id)!;
    await s.click('chef', board(), 'swot.start-vote');
    await t.tillit.settle();
    const since = s.since();
    const ballotButton = findAllActions(cardOf(board())).find(
      (a) =>
        a.data?.tillit?.id === 'swot.ballot' && String(a.data.tillit.value).endsWith(':strengths'),
    );
    await s.clickData('m1', board(), ballotButton!.data!);
    const ballot = s.privateTo('m1', since).at(-1)!;
    expect(findAllActions(cardOf(ballot)).some((a) => a.data?.tillit?.id === 'swot.vote')).toBe(
      true,
    );
    const updatesBefore = t.connector.activities.get(ballot.id)!.updates;

    await s.click('chef', board(), 'swot.end-vote');
    await waitForPhase(t.database.db, 'decide');
    await t.tillit.settle();
    await t.tillit.sender.runOnce();
    const retired = t.connector.activities.get(ballot.id)!;
    expect(retired.updates).toBe(updatesBefore + 1);
    expect(teamsTextOf(retired)).toContain(MOVED_ON);
    expect(findAllActions(cardOf(retired))).toEqual([]);
  });
});
