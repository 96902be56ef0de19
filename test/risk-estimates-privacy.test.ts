import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../store/database.js';
import { type OrgPlan, syncOrg } from '../store/queries/org-sync.js';
import { risks } from '../store/schema/index.js';
import { driver, formOf, ofKind, privateText, updateOf, viewText } from './support/risk-org.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * The privacy attacks on risk estimates (issue 15): with one estimate the board must not tell
 * the channel what it was, and while estimating runs no figure may move with each estimate.
 * The drivers run with an anonymity threshold of 5.
 */
const NOW = new Date('2026-09-10T08:00:00Z');
const members = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
const plan: OrgPlan = {
  units: [
    {
      key: 'priv',
      name: 'Enhet Integritet',
      level: 'unit',
      parent: null,
      channels: [{ platform: 'slack', workspace: 'T1', channelId: 'C_PRIV' }],
    },
  ],
  people: [['boss', 'manager'] as const, ...members.map((m) => [m, 'member'] as const)].map(
    ([key, role]) => ({
      key,
      name: key.toUpperCase(),
      admin: false,
      identities: [
        { platform: 'slack' as const, workspace: 'T1', externalId: `U_${key.toUpperCase()}` },
      ],
      roles: [{ unit: 'priv', role }],
    }),
  ),
};

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await syncOrg(handle.db, plan);
});
afterAll(async () => handle?.close());

const as = (who: string) => driver(handle.db, who, 'C_PRIV', NOW);

/** A dialogue with one risk, moved on to assessing. */
async function assessing(topic: string) {
  const started = await as('boss').command(`risk "${topic}" --ny`);
  const dialogueId = ofKind(started, 'channel')[0]!.key!.replace('risk:', '');
  const form = formOf(await as('e1').click('risk.add', dialogueId));
  await as('e1').submit(form.id, form.state, { description: `Risk i ${topic}`, anonymous: [] });
  await as('boss').click('risk.start-assess', dialogueId);
  const [risk] = await handle.db
    .select()
    .from(risks)
    .where(eq(risks.dialogueId, dialogueId))
    .orderBy(asc(risks.createdAt));
  return { dialogueId, riskId: risk!.id };
}

/** A spread as the views write it: "sannolikhet 1, konsekvens 4", "sannolikhet 2–4, …". */
const SPREAD = /sannolikhet \d(–\d)?, konsekvens \d/;

const estimate = (who: string, riskId: string, p: number, c: number) =>
  as(who).submit('risk.estimate', riskId, { probability: String(p), consequence: String(c) });

describe('risk estimates: nothing shows what one person estimated', () => {
  it('shows one estimate to nobody, and withholds the spread when too few estimated', async () => {
    const { dialogueId, riskId } = await assessing('En ensam');
    const form = formOf(await as('e2').click('risk.estimate', riskId));
    expect(form.intro).toContain('Andra ser bara hur många som har bedömt');
    expect(form.intro).toContain('om minst 5 har bedömt');

    const board = viewText(updateOf(await estimate('e2', riskId, 1, 4)));
    expect(board).toContain('1 har bedömt');
    expect(board).not.toMatch(SPREAD);
    const sheet = await as('e3').click('risk.sheet', dialogueId);
    expect(viewText(ofKind(sheet, 'private')[0]!.view)).not.toMatch(SPREAD);
    const agreeWhileOpen = formOf(await as('boss').click('risk.agree', riskId));
    expect(agreeWhileOpen.intro).not.toMatch(SPREAD);
    expect(JSON.stringify(agreeWhileOpen.inputs)).not.toContain('"initial"');

    // Estimating over with one estimate: withheld for everyone, the manager included.
    const deciding = viewText(updateOf(await as('boss').click('risk.start-decide', dialogueId)));
    expect(deciding).toContain('för få bedömningar för att visas utan att någon kan pekas ut');
    expect(deciding).not.toMatch(SPREAD);
    const decisions = await as('boss').click('risk.decisions', dialogueId);
    expect(viewText(ofKind(decisions, 'private')[0]!.view)).not.toMatch(SPREAD);
    const agreeForm = formOf(await as('boss').click('risk.agree', riskId));
    expect(agreeForm.intro).toContain('Fastställ utan dem');
    expect(JSON.stringify(agreeForm.inputs)).not.toContain('"initial"');
    await as('boss').submit('risk.agree', riskId, { probability: '2', consequence: '2' });
    const decisionForm = formOf(await as('boss').click('risk.decide', riskId));
    expect(decisionForm.intro).toContain('beslutet fattas utan dem');
    expect(decisionForm.intro).not.toMatch(SPREAD);
  });

  it('moves no figure while estimating runs, and shows the spread after it when enough estimated', async () => {
    const { dialogueId, riskId } = await assessing('Många');
    const values: [number, number][] = [
      [2, 3],
      [2, 3],
      [3, 3],
      [2, 4],
      [3, 2],
      [4, 4],
    ];
    const boards: string[] = [];
    for (const [i, who] of members.entries()) {
      const [p, c] = values[i]!;
      const board = viewText(updateOf(await estimate(who, riskId, p, c)));
      // Between the 5th and 6th estimate only the count may change (live differencing).
      boards.push(board.replace(/\d har bedömt/, 'N har bedömt'));
      expect(board).toContain(`${i + 1} har bedömt`);
      expect(board).not.toMatch(SPREAD);
    }
    expect(new Set(boards).size).toBe(1);

    await as('boss').click('risk.start-decide', dialogueId);
    const decisions = await as('boss').click('risk.decisions', dialogueId);
    expect(viewText(ofKind(decisions, 'private')[0]!.view)).toContain(
      '6 bedömningar: sannolikhet 2–4, konsekvens 2–4',
    );
    const agreeForm = formOf(await as('boss').click('risk.agree', riskId));
    expect(agreeForm.intro).toContain('6 bedömningar');
    expect(agreeForm.inputs.map((i) => ('initial' in i ? i.initial : null))).toEqual(['2', '3']);
    const refused = await as('e1').click('risk.agree', riskId);
    expect(privateText(refused)).toContain('Bara');
  });
});
