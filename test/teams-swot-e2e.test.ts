import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOrg } from '../store/queries/org-sync.js';
import { findPersonByIdentity } from '../store/queries/people.js';
import { actions, dialogues, swotItems, swotVotes } from '../store/schema/index.js';
import type { StoredActivity } from './support/fake-bot-connector.js';
import { startTeamsTillit, type TeamsTestTillit } from './support/start-teams-tillit.js';
import {
  aadOf,
  cardOf,
  findAllActions,
  TENANT,
  type TeamsSession,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  teamsUnit,
  textOf,
} from './support/teams-session.js';

const CHANNEL = teamsChannelId('swot');
let t: TeamsTestTillit;
let s: TeamsSession;
let board: StoredActivity;

beforeAll(async () => {
  t = await startTeamsTillit();
  s = teamsSession(t);
  await syncOrg(t.database.db, {
    units: [teamsUnit('sek', CHANNEL), teamsUnit('annan', teamsChannelId('annan'))],
    people: [
      teamsPerson('chef', [{ unit: 'sek', role: 'manager' }]),
      teamsPerson('m1', [{ unit: 'sek', role: 'member' }]),
      // Known without a tenant: AAD object ids are unique, so any tenant matches.
      teamsPerson('m2', [{ unit: 'sek', role: 'member' }], { tenantless: true }),
      teamsPerson('utanfor', [{ unit: 'annan', role: 'member' }]),
    ],
  });
});
afterAll(async () => t?.close());

/** The newest message in the person's 1:1 chat after a moment. */
function lastPrivate(key: string, since: number): StoredActivity {
  const found = s.privateTo(key, since).at(-1);
  if (!found) throw new Error(`nothing private to ${key}`);
  return found;
}

async function addItem(who: string, quadrant: string, text: string, anonymous = false) {
  const since = s.since();
  await s.click(who, board, 'swot.add');
  const form = lastPrivate(who, since);
  await s.submit(who, form, { quadrant, text, anonymous: anonymous ? ['yes'] : [] });
  return t.connector.activities.get(form.id)!;
}

async function settled(): Promise<StoredActivity> {
  await t.tillit.settle();
  return t.connector.activities.get(board.id)!;
}

describe('SWOT in Teams, through the real Teams adapter', () => {
  it('refuses to start for a member, and in an unlinked channel, privately', async () => {
    let since = s.since();
    await s.command('m1', 'swot Vår vardag', { channel: CHANNEL });
    expect(textOf(lastPrivate('m1', since))).toContain('behörighet');
    since = s.since();
    await s.command('chef', 'swot Vår vardag', { channel: teamsChannelId('okopplad') });
    expect(textOf(lastPrivate('chef', since))).toContain('hör inte till någon enhet');
    expect(await t.database.db.select().from(dialogues)).toHaveLength(0);
    // Nothing of that was said in the channel.
    expect(s.inChannel(CHANNEL)).toHaveLength(0);
  });

  it('starts with one dialogue card in the channel thread', async () => {
    await s.command('chef', '/tillit swot "Vår vardag"', { channel: CHANNEL });
    const posted = s.inChannel(CHANNEL);
    expect(posted).toHaveLength(1);
    board = posted[0]!;
    expect(textOf(board)).toContain('Vår vardag');
    expect(textOf(board)).toContain('Styrkor');
    expect(board!.conversationId).toMatch(/;messageid=/);
  });

  it('collects items from a form in the 1:1 chat; the card updates in place, the form closes', async () => {
    const form = await addItem('m1', 'strengths', 'Vi hjälper varandra');
    expect(textOf(form)).toContain('Skickat');
    expect(findAllActions(cardOf(form))).toHaveLength(0);
    const anonymous = await addItem('m2', 'threats', 'Hög personalomsättning', true);
    expect(textOf(anonymous)).toContain('Skickat');
    const items = await t.database.db.select().from(swotItems);
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.quadrant === 'threats')!.authorId).toBeNull();
    const updated = await settled();
    expect(updated.updates).toBeGreaterThanOrEqual(1);
    expect(textOf(updated)).toContain('Hög personalomsättning');
    expect(s.inChannel(CHANNEL)).toHaveLength(1);
  });

  it('shows a refused form again in place, with the error and the text kept, storing nothing', async () => {
    const form = await addItem('m1', 'threats', 'Brukaren 811218-9876 far illa');
    expect(textOf(form)).toContain('personnummer');
    expect(findAllActions(cardOf(form)).some((a) => a.data?.tillit?.formId)).toBe(true);
    expect(await t.database.db.select().from(swotItems)).toHaveLength(2);
    expect(t.logLines.join('\n')).not.toContain('811218');
    // Corrected and sent again from the same card.
    await s.submit('m1', form, { quadrant: 'threats', text: 'Brukarna far illa', anonymous: [] });
    expect(textOf(t.connector.activities.get(form.id))).toContain('Skickat');
    expect(await t.database.db.select().from(swotItems)).toHaveLength(3);
  });

  it('refuses someone from another unit', async () => {
    const since = s.since();
    await s.click('utanfor', board, 'swot.add');
    expect(textOf(lastPrivate('utanfor', since))).toContain('behörighet');
  });

  it('lets only the manager move to voting; a ballot vote counts once', async () => {
    let since = s.since();
    await s.click('m1', await settled(), 'swot.start-vote');
    expect(textOf(lastPrivate('m1', since))).toMatch(/behörighet|bara/i);
    await s.click('chef', await settled(), 'swot.start-vote');
    expect((await t.database.db.select().from(dialogues))[0]!.phase).toBe('vote');
    since = s.since();
    const current = await settled();
    const ballotButton = findAllActions(cardOf(current)).find(
      (a) =>
        a.data?.tillit?.id === 'swot.ballot' && String(a.data.tillit.value).endsWith(':strengths'),
    );
    await s.clickData('m1', current, ballotButton!.data!);
    const ballot = lastPrivate('m1', since);
    expect(textOf(ballot)).toContain('Vi hjälper varandra');
    // The ballot came to the 1:1 chat; its buttons still act for the channel.
    const vote = findAllActions(cardOf(ballot)).find((a) => a.data?.tillit?.id === 'swot.vote')!;
    expect(vote.data!.tillit!.o).toMatchObject({ p: CHANNEL });
    since = s.since();
    await s.clickData('m1', ballot, vote.data!);
    // The same ballot, updated in place: no new message per vote, and the count moved on.
    expect(s.privateTo('m1', since)).toEqual([]);
    const updated = t.connector.activities.get(ballot.id)!;
    expect(updated.updates).toBe(1);
    expect(textOf(updated)).toMatch(/Din röst på .* är lagd/);
    expect(textOf(updated)).toContain('4 av 5 röster kvar');
    const votes = await t.database.db.select().from(swotVotes);
    expect(votes).toHaveLength(1);
  });

  it('decides an action with an owner and due date, then closes with a summary in the channel', async () => {
    await s.click('chef', await settled(), 'swot.end-vote');
    expect((await t.database.db.select().from(dialogues))[0]!.phase).toBe('decide');
    const since = s.since();
    await s.click('chef', await settled(), 'swot.action');
    const form = lastPrivate('chef', since);
    const owner = await findPersonByIdentity(t.database.db, {
      platform: 'teams',
      workspace: TENANT,
      externalId: aadOf('m1'),
    });
    await s.submit('chef', form, {
      text: 'Inför kollegial handledning varannan vecka',
      owner: owner!.id,
      due: '2027-01-15',
    });
    const [action] = await t.database.db.select().from(actions);
    expect(action).toMatchObject({ ownerId: owner!.id, dueDate: '2027-01-15', status: 'open' });

    const beforeClose = s.since();
    await s.click('chef', await settled(), 'swot.close');
    const summary = s.inChannel(CHANNEL, beforeClose).at(-1);
    expect(textOf(summary)).toContain('Sammanfattning');
    expect(textOf(summary)).toContain('kollegial handledning');
    expect((await t.database.db.select().from(dialogues))[0]!.phase).toBe('closed');
  });

  it('answers a stale button from the closed dialogue clearly, changing nothing', async () => {
    const before = await t.database.db.select().from(swotVotes);
    const items = await t.database.db.select().from(swotItems);
    const since = s.since();
    await s.clickData('m2', board, { tillit: { id: 'swot.vote', value: items[0]!.id } });
    expect(textOf(lastPrivate('m2', since))).toMatch(/avslutad|Inget ändrades/);
    expect(await t.database.db.select().from(swotVotes)).toEqual(before);
  });
});
