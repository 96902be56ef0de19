import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOrg } from '../store/queries/org-sync.js';
import { findPersonByIdentity, setLanguage } from '../store/queries/people.js';
import { memberships, teamsConversations } from '../store/schema/index.js';
import { startTeamsTillit, type TeamsTestTillit } from './support/start-teams-tillit.js';
import {
  aadOf,
  BOT_ID,
  TENANT,
  type TeamsSession,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  teamsUnit,
  teamsUserIdOf,
  textOf,
} from './support/teams-session.js';

const CHANNEL = teamsChannelId('sek');
let t: TeamsTestTillit;
let s: TeamsSession;

beforeAll(async () => {
  t = await startTeamsTillit();
  s = teamsSession(t);
  await syncOrg(t.database.db, {
    units: [teamsUnit('sek', CHANNEL)],
    people: [
      teamsPerson('admin', [{ unit: 'sek', role: 'manager' }], { admin: true }),
      teamsPerson('anna', [{ unit: 'sek', role: 'member' }]),
    ],
  });
});
afterAll(async () => t?.close());

describe('Teams through the real adapter: installation, commands, mentions, retries', () => {
  it('greets with help when added to a channel, and keeps the conversation reference', async () => {
    await s.post({
      type: 'conversationUpdate',
      id: 'install-1',
      serviceUrl: t.connector.url,
      channelId: 'msteams',
      from: { id: teamsUserIdOf('admin'), aadObjectId: aadOf('admin') },
      recipient: { id: BOT_ID, name: 'Tillit' },
      conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, channel: { id: CHANNEL }, team: { id: CHANNEL } },
      membersAdded: [{ id: BOT_ID }],
    });
    const [greeting] = s.inChannel(CHANNEL);
    expect(textOf(greeting)).toContain('Hej! Jag är Tillit');
    expect(textOf(greeting)).toContain('swot');
    const [stored] = await t.database.db.select().from(teamsConversations);
    expect(stored).toMatchObject({
      conversationId: CHANNEL,
      tenantId: TENANT,
      kind: 'channel',
      channelId: CHANNEL,
      serviceUrl: t.connector.url,
    });
  });

  it('keeps the reference of a personal installation (installationUpdate) without a second greeting', async () => {
    const before = t.connector.calls.length;
    await s.post({
      type: 'installationUpdate',
      action: 'add',
      id: 'install-2',
      serviceUrl: t.connector.url,
      channelId: 'msteams',
      from: { id: teamsUserIdOf('anna'), aadObjectId: aadOf('anna') },
      recipient: { id: BOT_ID, name: 'Tillit' },
      conversation: { id: 'a:anna-own-chat', conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });
    expect(t.connector.calls.length).toBe(before);
    const rows = await t.database.db.select().from(teamsConversations);
    expect(rows.find((r) => r.conversationId === 'a:anna-own-chat')).toMatchObject({
      kind: 'personal',
      userAadObjectId: aadOf('anna'),
    });
  });

  it('answers help 1:1 in Swedish, and in English when the person chose English', async () => {
    let since = s.since();
    await s.command('anna', 'help', 'personal');
    expect(textOf(s.privateTo('anna', since).at(-1))).toContain('visar den här hjälpen');
    const anna = await findPersonByIdentity(t.database.db, {
      platform: 'teams',
      workspace: TENANT,
      externalId: aadOf('anna'),
    });
    await setLanguage(t.database.db, { personId: anna!.id, lang: 'en' });
    since = s.since();
    await s.command('anna', 'hjälp', 'personal');
    expect(textOf(s.privateTo('anna', since).at(-1))).toContain('shows this help');
  });

  it('uses the Teams locale for someone Tillit does not know, and says who to ask', async () => {
    const english = teamsSession(t, { locale: 'en-GB' });
    let since = s.since();
    await english.command('stranger', 'help', 'personal');
    const answer = textOf(english.privateTo('stranger', since).at(-1));
    expect(answer).toContain('shows this help');
    expect(answer).toContain('not in Tillit yet');
    since = s.since();
    await s.command('stranger', 'swot x', { channel: CHANNEL });
    expect(textOf(s.privateTo('stranger', since).at(-1))).toContain('finns inte i Tillit');
  });

  it('turns an @mention of someone else into their AAD identity (setup role)', async () => {
    t.connector.addMembers([
      { id: teamsUserIdOf('nya'), name: 'Nya Nilsson', aadObjectId: aadOf('nya') },
    ]);
    const since = s.since();
    await s.command('admin', 'setup role <at>Nya Nilsson</at> member sek', { channel: CHANNEL }, [
      {
        type: 'mention',
        text: '<at>Nya Nilsson</at>',
        mentioned: { id: teamsUserIdOf('nya'), name: 'Nya Nilsson' },
      },
    ]);
    expect(textOf(s.privateTo('admin', since).at(-1))).toContain('Nya Nilsson');
    const nya = await findPersonByIdentity(t.database.db, {
      platform: 'teams',
      workspace: TENANT,
      externalId: aadOf('nya'),
    });
    expect(nya).toMatchObject({ name: 'Nya Nilsson' });
    const roles = await t.database.db.select().from(memberships);
    expect(roles.some((r) => r.personId === nya!.id && r.role === 'member')).toBe(true);
  });

  it('changes nothing twice when Teams re-sends an activity', async () => {
    const since = s.since();
    const activity = await s.command('anna', 'help', 'personal');
    const answers = () => s.privateTo('anna', since).length;
    expect(answers()).toBe(1);
    await s.post(activity);
    expect(answers()).toBe(1);
    expect(t.logLines.some((line) => line.includes('teams retry ignored'))).toBe(true);
  });

  it('accepts a leading /tillit and ignores a card value that is not Tillit’s', async () => {
    const since = s.since();
    await s.command('anna', '/tillit help', 'personal');
    expect(s.privateTo('anna', since)).toHaveLength(1);
    const place = {
      id: t.connector.personalConversationOf(teamsUserIdOf('anna')),
      conversationType: 'personal',
    };
    await s.post(s.activityFrom('anna', place, {}, { value: { somethingElse: true } }));
    expect(s.privateTo('anna', since)).toHaveLength(1);
  });

  it('waits out a 429 on a reply for its Retry-After, then answers', async () => {
    t.connector.fail({ status: 429, retryAfter: 1, kinds: ['reply', 'send'] });
    const since = s.since();
    await s.command('anna', 'help', 'personal');
    const attempts = t.connector.calls.filter((c) => c.at > since && c.kind === 'reply');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(s.privateTo('anna', since)).toHaveLength(1);
  });
});
