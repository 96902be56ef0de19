import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../bot/log.js';
import { type Delivery, DeliveryError } from '../bot/outbox/deliverer.js';
import { createSender } from '../bot/outbox/sender.js';
import { createTeamsDeliverer } from '../bot/teams/teams-deliverer.js';
import { openDueRounds } from '../dialogues/reflection/open-rounds.js';
import { sv } from '../dialogues/texts/sv/index.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { enqueueOutbox, getOutboxRow } from '../store/queries/outbox.js';
import { findPersonByIdentity } from '../store/queries/people.js';
import { markTeamsSend } from '../store/queries/teams-conversations.js';
import { reflectionAnswers, reflectionParticipation } from '../store/schema/index.js';
import { startTeamsTillit, type TeamsTestTillit } from './support/start-teams-tillit.js';
import {
  aadOf,
  TENANT,
  type TeamsSession,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  teamsUnit,
  teamsUserIdOf,
  textOf,
} from './support/teams-session.js';

const CHANNEL = teamsChannelId('refl');
const SECRET_TEXT = 'Brukarmötet på tisdag gav mycket';
let t: TeamsTestTillit;
let s: TeamsSession;
const logLines: string[] = [];

beforeAll(async () => {
  // Thursday 26 November 2026, 14:05 in Stockholm: the weekly round has just opened.
  t = await startTeamsTillit({ start: new Date('2026-11-26T13:05:00Z') });
  s = teamsSession(t);
  await syncOrg(t.database.db, {
    units: [teamsUnit('refl', CHANNEL)],
    people: [
      teamsPerson('chef', [{ unit: 'refl', role: 'manager' }]),
      teamsPerson('m1', [{ unit: 'refl', role: 'member' }]),
      teamsPerson('m2', [{ unit: 'refl', role: 'member' }], { tenantless: true }),
    ],
  });
  t.connector.addMembers(
    ['chef', 'm1', 'm2'].map((key) => ({
      id: teamsUserIdOf(key),
      name: key,
      aadObjectId: aadOf(key),
    })),
  );
  // Tillit was added to the unit's channel: that reference is all it has of the tenant.
  await s.command('chef', 'help', { channel: CHANNEL });
});
afterAll(async () => t?.close());

function deliverer() {
  return createTeamsDeliverer({
    config: t.config.teams,
    db: t.database.db,
    connector: t.teams.connector,
    rate: { perSecond: 1_000, burst: 100 },
  });
}

/** Delivers what is due, as the background sender would. */
async function deliverOutbox() {
  const sender = createSender({
    db: t.database.db,
    clock: t.tillit.clock,
    log: createLogger('debug', (line) => logLines.push(line)),
    deliverers: [deliverer()],
    idlePollMs: 20,
  });
  while ((await sender.runOnce()) > 0) {}
}

const personIdOf = async (key: string) =>
  (await findPersonByIdentity(t.database.db, {
    platform: 'teams',
    workspace: TENANT,
    externalId: aadOf(key),
  }))!.id;

describe('messages Tillit sends on its own in Teams, through the outbox', () => {
  it('creates the 1:1 chat with the AAD id and tenant, and sends the reflection prompt there', async () => {
    await openDueRounds(t.database.db, { now: t.tillit.clock.now() });
    await deliverOutbox();
    const created = t.connector.calls.filter((c) => c.kind === 'create');
    // The manager wrote in the channel (Teams id known); the members never did (AAD id offered).
    const members = created.map((c) => (c.body.members as { id: string }[])[0]!.id).sort();
    expect(members).toEqual([aadOf('m1'), aadOf('m2'), teamsUserIdOf('chef')].sort());
    for (const call of created)
      expect(call.body).toMatchObject({ isGroup: false, tenantId: TENANT });
    const prompt = s.privateTo('m1').at(-1);
    expect(textOf(prompt)).toContain(sv.reflection.anonymity);
  });

  it('takes the answer: a rating click opens the form in the same chat, the answer is stored unlinked', async () => {
    const prompt = s.privateTo('m1').at(-1)!;
    let since = s.since();
    const rate = JSON.stringify(prompt.activity).match(/"value":"([0-9a-f-]+:4)"/)?.[1];
    await s.click('m1', prompt, 'reflection.rate', rate);
    const form = s.privateTo('m1', since).at(-1)!;
    expect(textOf(form)).toContain('"maxLength":500');
    since = s.since();
    await s.submit('m1', form, { rating: '4', text: SECRET_TEXT });
    // The thanks takes the prompt's place: it says the answer is in, never what it was.
    const answered = t.connector.activities.get(prompt.id)!;
    expect(textOf(answered)).toContain('Tack!');
    expect(textOf(answered)).not.toContain('reflection.rate');
    expect(textOf(answered)).not.toContain(SECRET_TEXT);
    expect(await t.database.db.select().from(reflectionAnswers)).toMatchObject([
      { rating: 4, text: SECRET_TEXT },
    ]);
    expect(await t.database.db.select().from(reflectionParticipation)).toHaveLength(1);
    expect([...t.logLines, ...logLines].join('\n')).not.toContain(SECRET_TEXT);
  });

  it('honours a 429 with Retry-After: the tenant pauses, the row goes out afterwards', async () => {
    const key = `teams-test:${Date.now()}`;
    await enqueueOutbox(t.database.db, {
      key,
      target: { kind: 'person', personId: await personIdOf('m1') },
      notBefore: t.tillit.clock.now(),
      view: { summary: 'Påminnelse', blocks: [{ type: 'text', text: 'En påminnelse' }] },
    });
    // One message to one person a second: the prompt to m1 went out just now.
    t.tillit.clock.advance(1_500);
    t.connector.fail({ status: 429, retryAfter: 1 });
    await deliverOutbox();
    const postponed = await getOutboxRow(t.database.db, { key });
    expect(postponed).toMatchObject({ status: 'queued', lastError: 'http_429', attempts: 0 });
    // Retry-After said 1 s (without one, Tillit would wait 2 s), less the time since.
    const waitMs = postponed!.notBefore.getTime() - t.tillit.clock.now().getTime();
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(1_000);
    t.tillit.clock.advance(1_500);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await deliverOutbox();
    expect(await getOutboxRow(t.database.db, { key })).toMatchObject({ status: 'sent' });
    expect(textOf(s.privateTo('m1').at(-1))).toContain('En påminnelse');
  });

  it('reconciles a row in doubt from what was recorded, and never sends one blindly again', async () => {
    const teams = deliverer();
    const delivery = (key: string) =>
      ({
        row: { key, inDoubt: true } as Delivery['row'],
        route: {
          platform: 'teams',
          workspace: TENANT,
          address: aadOf('m1'),
          direct: true,
          lang: 'sv',
        },
        view: { summary: 'x', blocks: [] },
      }) satisfies Delivery;
    await markTeamsSend(t.database.db, {
      key: 'doubt:sent',
      state: 'sent',
      conversationId: 'a:dm',
      activityId: 'act-1',
    });
    expect(await teams.findAlreadySent(delivery('doubt:sent'))).toEqual({
      messageId: 'act-1',
      channelId: 'a:dm',
    });
    await markTeamsSend(t.database.db, { key: 'doubt:not-sent', state: 'not-sent' });
    expect(await teams.findAlreadySent(delivery('doubt:not-sent'))).toBeNull();
    expect(await teams.findAlreadySent(delivery('doubt:never-tried'))).toBeNull();
    await markTeamsSend(t.database.db, { key: 'doubt:sending', state: 'sending' });
    const refused = await teams.findAlreadySent(delivery('doubt:sending')).catch((e) => e);
    expect(refused).toBeInstanceOf(DeliveryError);
    expect(refused).toMatchObject({
      failure: { kind: 'permanent' },
      reason: 'teams_send_unverifiable',
    });
  });

  it('fails a row visibly when Tillit was never installed where it should go', async () => {
    const key = `teams-test-channel:${Date.now()}`;
    await enqueueOutbox(t.database.db, {
      key,
      target: {
        kind: 'channel',
        platform: 'teams',
        workspace: '',
        channelId: teamsChannelId('nowhere'),
      },
      notBefore: t.tillit.clock.now(),
      view: { summary: 'x', blocks: [{ type: 'text', text: 'x' }] },
    });
    await deliverOutbox();
    expect(await getOutboxRow(t.database.db, { key })).toMatchObject({
      status: 'failed',
      lastError: 'teams_no_conversation_reference',
    });
  });

  it('posts a channel row as a new post in the unit’s channel', async () => {
    const key = `teams-test-channel:${Date.now()}:ok`;
    await enqueueOutbox(t.database.db, {
      key,
      target: { kind: 'channel', platform: 'teams', workspace: '', channelId: CHANNEL },
      notBefore: t.tillit.clock.now(),
      view: { summary: 'Nytt i kanalen', blocks: [{ type: 'text', text: 'Nytt i kanalen' }] },
    });
    await deliverOutbox();
    const row = await getOutboxRow(t.database.db, { key });
    expect(row).toMatchObject({ status: 'sent', sentChannelId: CHANNEL });
    const post = t.connector.activitiesIn(CHANNEL, true).at(-1);
    expect(textOf(post)).toContain('Nytt i kanalen');
  });
});
