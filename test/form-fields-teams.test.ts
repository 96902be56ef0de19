import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgPlan } from '../store/queries/org-sync.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { risks } from '../store/schema/index.js';
import type { StoredActivity } from './support/fake-bot-connector.js';
import { channelOf, driver, formOf, ofKind, riskOrg } from './support/risk-org.js';
import { startTeamsTillit, type TeamsTestTillit } from './support/start-teams-tillit.js';
import {
  aadOf,
  cardOf,
  findAllActions,
  TENANT,
  type TeamsSession,
  teamsChannelId,
  teamsSession,
} from './support/teams-session.js';

const SEPT = new Date('2026-09-10T08:00:00Z');
const TEAMS_CHANNEL = teamsChannelId('seka');
let t: TeamsTestTillit;
let s: TeamsSession;
let riskId: string;

/** The risk org, with the section's channel and its manager on Teams too. */
const org: OrgPlan = {
  units: riskOrg.units.map((u) =>
    u.key === 'seka'
      ? {
          ...u,
          channels: [...u.channels, { platform: 'teams', workspace: '', channelId: TEAMS_CHANNEL }],
        }
      : u,
  ),
  people: riskOrg.people.map((p) =>
    p.key === 'chef_a'
      ? {
          ...p,
          identities: [
            ...p.identities,
            { platform: 'teams' as const, workspace: TENANT, externalId: aadOf('chef_a') },
          ],
        }
      : p,
  ),
};

beforeAll(async () => {
  t = await startTeamsTillit({ start: SEPT });
  s = teamsSession(t);
  await syncOrg(t.database.db, org);
  const as = (who: string) => driver(t.database.db, who, channelOf('seka'), SEPT);
  const started = await as('chef_a').command('risk');
  const dialogueId = ofKind(started, 'channel')[0]!.key!.replace('risk:', '');
  const add = formOf(await as('m_a1').click('risk.add', dialogueId));
  await as('m_a1').submit(add.id, add.state, { description: 'Trångt i korridoren', anonymous: [] });
  await as('chef_a').click('risk.start-assess', dialogueId);
  const [risk] = await t.database.db
    .select()
    .from(risks)
    .where(eq(risks.dialogueId, dialogueId))
    .orderBy(asc(risks.createdAt));
  riskId = risk!.id;
  const agree = formOf(await as('chef_a').click('risk.agree', riskId));
  await as('chef_a').submit('risk.agree', agree.state, { probability: '3', consequence: '3' });
  await as('chef_a').click('risk.start-decide', dialogueId);
});
afterAll(async () => t?.close());

const inputIds = (card: StoredActivity) =>
  (JSON.stringify(cardOf(card)).match(/"id":"[a-z_]+"/g) ?? []).map((m) => m.slice(6, -1));

describe("Teams: the decision form shows the chosen handling's fields", () => {
  it('refreshes the card in place from the button beside the handling, keeping what was chosen', async () => {
    // A click on the channel card's "Besluta": the form comes to the 1:1 chat.
    const channelCard: StoredActivity = {
      id: 'board-1',
      conversationId: `${TEAMS_CHANNEL};messageid=1`,
      activity: {},
      updates: 0,
    };
    let since = s.since();
    await s.clickData('chef_a', channelCard, { tillit: { id: 'risk.decide', value: riskId } });
    const [form] = s.privateTo('chef_a', since);
    expect(inputIds(form!)).toEqual(['process', 'handling', 'motivation']);
    const refresh = findAllActions(cardOf(form!)).find((a) => a.title === 'Visa fälten för valet')!;

    since = s.since();
    await s.clickData('chef_a', form!, {
      ...refresh.data,
      process: 'work-environment',
      handling: 'self-check',
    });
    const refreshed = t.connector.activities.get(form!.id)!;
    expect(refreshed.updates).toBe(1);
    expect(inputIds(refreshed)).toEqual([
      'process',
      'handling',
      'motivation',
      'check_what',
      'cadence',
      'check_by',
      'check_start',
    ]);
    expect(JSON.stringify(cardOf(refreshed))).toContain('"value":"self-check"');
    // Nothing was decided by choosing, and nothing new was sent beside the form.
    expect(s.privateTo('chef_a', since)).toEqual([]);
    const [risk] = await t.database.db.select().from(risks).where(eq(risks.id, riskId));
    expect(risk!.handling).toBeNull();
  });
});
