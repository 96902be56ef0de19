import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDueRounds } from '../dialogues/reflection/open-rounds.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { startTeamsTillit, type TeamsTestTillit } from './support/start-teams-tillit.js';
import {
  cardOf,
  findAllActions,
  type TeamsSession,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  teamsUnit,
  textOf,
} from './support/teams-session.js';

/** Thursday 26 Nov 2026, an hour after the weekly reflection opened (14:00 in Stockholm). */
const OPENS = new Date('2026-11-26T13:00:00Z');
const NOW = new Date('2026-11-26T14:00:00Z');
let t: TeamsTestTillit;
let s: TeamsSession;

beforeAll(async () => {
  t = await startTeamsTillit({ start: NOW });
  s = teamsSession(t);
  await syncOrg(t.database.db, {
    units: [teamsUnit('refl', teamsChannelId('refl'))],
    people: [
      teamsPerson('chef', [{ unit: 'refl', role: 'manager' }]),
      teamsPerson('m1', [{ unit: 'refl', role: 'member' }]),
    ],
  });
  await openDueRounds(t.database.db, { now: OPENS });
});
afterAll(async () => t?.close());

describe('Teams cards keep up with what was done on them', () => {
  it('updates the 1:1 prompt in place once answered: its 1–5 buttons give way to "besvarad"', async () => {
    let since = s.since();
    await s.command('m1', 'reflektera', 'personal');
    const [prompt] = s.privateTo('m1', since);
    expect(prompt).toBeDefined();
    const rate = findAllActions(cardOf(prompt!)).find(
      (a) => a.data?.tillit?.id === 'reflection.rate' && String(a.data.tillit.value).endsWith(':4'),
    );
    since = s.since();
    await s.clickData('m1', prompt!, rate!.data!);
    const [form] = s.privateTo('m1', since);
    expect(findAllActions(cardOf(form!)).some((a) => a.data?.tillit?.formId)).toBe(true);
    await s.submit('m1', form!, { rating: '4' });

    const answered = t.connector.activities.get(prompt!.id)!;
    expect(answered.updates).toBe(1);
    expect(textOf(answered)).toContain('besvarad');
    expect(findAllActions(cardOf(answered))).toEqual([]);
    // The form itself closed; nothing else was sent beside them.
    expect(s.privateTo('m1', since).map((a) => a.id)).toEqual([form!.id]);
  });
});
