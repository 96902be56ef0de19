import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWeeklyDigests } from '../dialogues/follow-up/digest.js';
import { sendDueNudges } from '../dialogues/follow-up/nudges.js';
import { sv } from '../dialogues/texts/sv/index.js';
import { createAction } from '../store/queries/actions.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey } from '../store/queries/people.js';
import { findUnitByKey } from '../store/queries/units.js';
import {
  deliverTeamsOutbox,
  startTeamsTillit,
  type TeamsTestTillit,
} from './support/start-teams-tillit.js';
import {
  aadOf,
  type TeamsSession,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  teamsUserIdOf,
  textOf,
} from './support/teams-session.js';

const DEPT = teamsChannelId('omsorg');
const UNIT = teamsChannelId('hemtjanst');
// Monday 23 November 2026, 08:00 in Stockholm: an action due on the 10th is 13 days late.
const MONDAY = new Date('2026-11-23T07:00:00Z');

let t: TeamsTestTillit;
let s: TeamsSession;

/**
 * A department with only a leader, and a unit below it with no manager: nobody up the tree
 * manages, so what "the manager" should hear goes to the leader, in her 1:1 chat in Teams.
 */
beforeAll(async () => {
  t = await startTeamsTillit({ start: MONDAY });
  s = teamsSession(t);
  const channel = (id: string) => [{ platform: 'teams' as const, workspace: '', channelId: id }];
  await syncOrg(t.database.db, {
    units: [
      { key: 'omsorg', name: 'Omsorg', level: 'department', parent: null, channels: channel(DEPT) },
      {
        key: 'hemtjanst',
        name: 'Hemtjänst',
        level: 'unit',
        parent: 'omsorg',
        channels: channel(UNIT),
      },
    ],
    people: [
      teamsPerson('ledare', [{ unit: 'omsorg', role: 'leader' }]),
      teamsPerson('anna', [{ unit: 'hemtjanst', role: 'member' }]),
    ],
  });
  t.connector.addMembers(
    ['ledare', 'anna'].map((key) => ({
      id: teamsUserIdOf(key),
      name: key,
      aadObjectId: aadOf(key),
    })),
  );
  // Tillit was added to the department's channel: that reference is all it has of the tenant.
  await s.command('ledare', 'help', { channel: DEPT });
  const unit = (await findUnitByKey(t.database.db, { key: 'hemtjanst' }))!;
  const anna = (await findPersonByKey(t.database.db, { key: 'anna' }))!;
  await createAction(t.database.db, {
    unitId: unit.id,
    text: 'Ny rutin för nyckelhantering',
    ownerId: anna.id,
    dueDate: '2026-11-10',
    sourceKind: 'manual',
    sourceDialogueId: null,
    sourceItemId: null,
    createdBy: anna.id,
    now: new Date('2026-11-01T10:00:00Z'),
  });
});
afterAll(async () => t?.close());

describe('in Teams, a unit nobody manages still has someone who hears of its actions', () => {
  it('the leader gets the overdue escalation and the weekly digest, saying why, and can act on them', async () => {
    const now = t.tillit.clock.now();
    await sendDueNudges(t.database.db, { now, defaultLang: 'sv' });
    await sendWeeklyDigests(t.database.db, { now, defaultLang: 'sv' });
    await deliverTeamsOutbox(t);
    // One message a second to one person: the second waits its turn.
    t.tillit.clock.advance(1_500);
    await deliverTeamsOutbox(t);

    const chat = s.privateTo('ledare');
    const why = sv.followUp.standIn({ unit: 'Hemtjänst' });
    const escalation = chat.find((m) => textOf(m).includes(sv.followUp.nudge.overdueTitle));
    expect(textOf(escalation)).toContain('Ny rutin för nyckelhantering');
    expect(textOf(escalation)).toContain(why);
    const digest = chat.find((m) =>
      textOf(m).includes(sv.followUp.digest.title({ unit: 'Hemtjänst' })),
    )!;
    expect(textOf(digest)).toContain('Ny rutin för nyckelhantering');
    expect(textOf(digest)).toContain(why);

    // The digest's button works for her: the unit's list, not a refusal.
    const since = s.since();
    const unit = (await findUnitByKey(t.database.db, { key: 'hemtjanst' }))!;
    await s.click('ledare', digest, 'follow-up.show-unit', unit.id);
    const list = s.privateTo('ledare', since).map(textOf).join('\n');
    expect(list).toContain(sv.followUp.lists.unitTitle({ unit: 'Hemtjänst' }));
    expect(list).toContain('Ny rutin för nyckelhantering');
  });
});
