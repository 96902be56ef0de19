import { asc, eq, like } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../bot/http-server.js';
import { mountImages } from '../bot/images.js';
import { createLogger } from '../bot/log.js';
import { renderBlocks, renderModal } from '../bot/slack/render-blocks.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { DatabaseHandle } from '../store/database.js';
import { createDialogue } from '../store/queries/dialogues.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey } from '../store/queries/people.js';
import { createPendingRiskFromSwot } from '../store/queries/risks.js';
import { findUnitByKey } from '../store/queries/units.js';
import {
  actions,
  dialogues,
  outbox,
  riskDialogues,
  riskEstimates,
  risks,
  selfChecks,
} from '../store/schema/index.js';
import { checkBlockKitLimits, checkViewLimits } from './support/block-kit-limits.js';
import {
  channelOf,
  driver,
  formErrorsOf,
  formOf,
  ofKind,
  privateText,
  riskOrg,
  seenReplies,
  updateOf,
  viewText,
} from './support/risk-org.js';
import { openTestDatabase } from './support/test-database.js';

const SEPT = new Date('2026-09-10T08:00:00Z');
const OCT = new Date('2026-10-08T08:00:00Z');
const NOV = new Date('2026-11-05T08:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await syncOrg(handle.db, riskOrg);
});
afterAll(async () => handle?.close());

const as = (who: string, unitKey: string, now: Date) =>
  driver(handle.db, who, channelOf(unitKey), now);

async function start(who: string, unitKey: string, now: Date, text = 'risk') {
  const result = await as(who, unitKey, now).command(text);
  const [posted] = ofKind(result, 'channel');
  if (!posted) throw new Error(`not started: ${privateText(result)}`);
  return { dialogueId: posted.key!.replace('risk:', ''), view: posted.view, key: posted.key! };
}

const risksOf = (dialogueId: string) =>
  handle.db
    .select()
    .from(risks)
    .where(eq(risks.dialogueId, dialogueId))
    .orderBy(asc(risks.createdAt), asc(risks.id));

/** Risks are numbered in the order they were added: each one a second after the last. */
let added = 0;
const later = () => new Date(SEPT.getTime() + ++added * 1000);

async function addRisk(who: string, unitKey: string, dialogueId: string, description: string) {
  const now = later();
  const form = formOf(await as(who, unitKey, now).click('risk.add', dialogueId));
  return as(who, unitKey, now).submit(form.id, form.state, { description, anonymous: [] });
}

async function agree(
  who: string,
  unitKey: string,
  now: Date,
  riskId: string,
  p: number,
  c: number,
) {
  const form = formOf(await as(who, unitKey, now).click('risk.agree', riskId));
  return as(who, unitKey, now).submit('risk.agree', form.state, {
    probability: String(p),
    consequence: String(c),
  });
}

async function decide(
  who: string,
  unitKey: string,
  now: Date,
  riskId: string,
  values: Record<string, string>,
) {
  formOf(await as(who, unitKey, now).click('risk.decide', riskId));
  return as(who, unitKey, now).submit('risk.decision', riskId, values);
}

/** A section identifies one risk, assesses it and escalates it to the unit. */
async function sectionEscalates(
  unitKey: string,
  chief: string,
  member: string,
  description: string,
) {
  const { dialogueId } = await start(chief, unitKey, SEPT);
  await addRisk(member, unitKey, dialogueId, description);
  await as(chief, unitKey, SEPT).click('risk.start-assess', dialogueId);
  const [risk] = await risksOf(dialogueId);
  await agree(chief, unitKey, SEPT, risk!.id, 3, 4);
  await as(chief, unitKey, SEPT).click('risk.start-decide', dialogueId);
  await decide(chief, unitKey, SEPT, risk!.id, {
    process: 'work-environment',
    handling: 'escalate',
    motivation: `Sektionen saknar mandat: ${description}`,
  });
  const closed = await as(chief, unitKey, SEPT).click('risk.close', dialogueId);
  return { dialogueId, riskId: risk!.id, closed };
}

describe('risk dialogue: the three-level cascade', () => {
  it('runs a section dialogue: identify, estimates with spread, agreed value, decide, close', async () => {
    const { dialogueId, view, key } = await start('chef_a', 'seka', SEPT, 'risk "Hösten 2026"');
    expect(key).toBe(`risk:${dialogueId}`);
    expect(view.summary).toBe('Riskdialog: Hösten 2026');
    expect(viewText(view)).toContain('Identifiering');
    const [meta] = await handle.db
      .select()
      .from(riskDialogues)
      .where(eq(riskDialogues.dialogueId, dialogueId));
    expect(meta).toMatchObject({ year: 2026, levels: [3, 6, 9] });

    // Identify: named and anonymous; a personnummer is refused and never stored.
    const first = await addRisk('m_a1', 'seka', dialogueId, 'Vikarier saknar introduktion');
    expect(privateText(first)).toContain('Tack');
    expect(viewText(updateOf(first))).toContain('Vikarier saknar introduktion');
    const form = formOf(await as('m_a2', 'seka', SEPT).click('risk.add', dialogueId));
    await as('m_a2', 'seka', later()).submit(form.id, form.state, {
      description: 'Hot i väntrummet',
      anonymous: ['yes'],
    });
    const refused = await as('m_a2', 'seka', SEPT).submit(form.id, form.state, {
      description: 'Brukare 19121212-1212 föll',
    });
    expect(formErrorsOf(refused).description).toContain('personnummer');
    const [named, anonymous] = await risksOf(dialogueId);
    expect(named!.authorId).not.toBeNull();
    expect(anonymous!.authorId).toBeNull();
    expect((await risksOf(dialogueId)).length).toBe(2);

    // Assess: estimates by several people; while estimating runs only how many shows.
    await as('chef_a', 'seka', SEPT).click('risk.start-assess', dialogueId);
    for (const [who, p, c] of [
      ['m_a1', 2, 4],
      ['m_a2', 4, 3],
    ] as const) {
      const estimateForm = formOf(await as(who, 'seka', SEPT).click('risk.estimate', named!.id));
      const saved = await as(who, 'seka', SEPT).submit(estimateForm.id, estimateForm.state, {
        probability: String(p),
        consequence: String(c),
      });
      expect(privateText(saved)).toContain(`${p}×${c}`);
    }
    const sheet = await as('m_a1', 'seka', SEPT).click('risk.sheet', dialogueId);
    expect(privateText(sheet)).toBe('Bedöm risker');
    expect(viewText(ofKind(sheet, 'private')[0]!.view)).toContain('2 har bedömt');
    expect(viewText(ofKind(sheet, 'private')[0]!.view)).not.toContain('sannolikhet 2–4');
    expect(viewText(ofKind(sheet, 'private')[0]!.view)).not.toContain('risk.agree');
    const agreeForm = formOf(await as('chef_a', 'seka', SEPT).click('risk.agree', named!.id));
    expect(agreeForm.intro).toContain('2 har bedömt hittills');
    const agreed = await agree('chef_a', 'seka', SEPT, named!.id, 3, 4);
    expect(privateText(agreed)).toContain('3×4 = 12 (mycket hög)');
    // Estimating ends when deciding starts; the other risk is agreed while deciding.
    await as('chef_a', 'seka', SEPT).click('risk.start-decide', dialogueId);
    const refusedClose = await as('chef_a', 'seka', SEPT).click('risk.close', dialogueId);
    expect(privateText(refusedClose)).toContain('1 risk saknar fastställd bedömning');
    const matrixView = updateOf(await agree('chef_a', 'seka', SEPT, anonymous!.id, 2, 2));
    const matrix = matrixView.blocks.find((b) => b.type === 'matrix');
    expect(matrix).toMatchObject({ type: 'matrix' });
    if (matrix?.type !== 'matrix') throw new Error('no matrix');
    expect(matrix.matrix.cells[1]![3]).toEqual({ text: 'R1', tone: 'red' }); // p 3, c 4
    expect(matrix.matrix.cells[2]![1]).toEqual({ text: 'R2', tone: 'yellow' }); // p 2, c 2
    expect(matrix.matrix.rowLabels[0]).toBe('4 mycket sannolik');
    expect(matrix.matrix.columnLabels[3]).toBe('4 mycket allvarlig');

    // Decide: a self-check for one, an action for the other; then close.
    const undecided = await as('chef_a', 'seka', SEPT).click('risk.close', dialogueId);
    expect(privateText(undecided)).toContain('2 risker saknar beslut');
    const mA1 = await findPersonByKey(handle.db, { key: 'm_a1' });
    await decide('chef_a', 'seka', SEPT, named!.id, {
      process: 'quality-system',
      handling: 'self-check',
      check_what: 'Introduktionen är gjord',
      cadence: 'monthly',
      check_by: mA1!.id,
    });
    await decide('chef_a', 'seka', SEPT, anonymous!.id, {
      process: 'work-environment',
      handling: 'action',
      action_text: 'Larmknapp i väntrummet',
      owner: mA1!.id,
      due: '2026-12-01',
    });
    const closed = await as('chef_a', 'seka', SEPT).click('risk.close', dialogueId);
    const summary = ofKind(closed, 'channel')[0]!.view;
    expect(summary.summary).toBe('Sammanfattning: Hösten 2026');
    expect(viewText(summary)).toContain('Larmknapp i väntrummet – M_A1, klart senast 1 dec 2026');
    expect(viewText(summary)).toContain('Introduktionen är gjord – varje månad, M_A1');
    const created = await handle.db
      .select()
      .from(actions)
      .where(eq(actions.sourceDialogueId, dialogueId));
    expect(created).toMatchObject([
      { text: 'Larmknapp i väntrummet', sourceKind: 'risk', sourceItemId: anonymous!.id },
    ]);
    const checks = await handle.db
      .select()
      .from(selfChecks)
      .where(eq(selfChecks.sourceRiskId, named!.id));
    expect(checks).toMatchObject([{ text: 'Introduktionen är gjord', cadence: 'monthly' }]);
    const [stored] = await handle.db
      .select()
      .from(riskDialogues)
      .where(eq(riskDialogues.dialogueId, dialogueId));
    expect(stored!.summary).toMatchObject({ risks: 2, actions: 1, selfChecks: 1, escalated: 0 });
    expect((await risksOf(dialogueId)).every((r) => r.status === 'closed')).toBe(true);

    // The matrix as a picture, at the one server's image route.
    const app = express();
    mountImages(app, { db: handle.db, log: createLogger('error') });
    const server = await listen(app, 0, '127.0.0.1');
    try {
      const png = await fetch(`${server.url}/images/risk-matrix/${dialogueId}.png`);
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await png.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
      const swotId = (await handle.db.select().from(dialogues).where(eq(dialogues.kind, 'swot')))[0]
        ?.id;
      for (const wrong of ['nothing.png', `${swotId ?? 'x'}.png`, `${dialogueId}.svg`]) {
        expect((await fetch(`${server.url}/images/risk-matrix/${wrong}`)).status).toBe(404);
      }
    } finally {
      await server.close();
    }
  });

  it('carries escalations up: two sections → the unit handles one, escalates one → the department', async () => {
    const a = await sectionEscalates('seka', 'chef_a', 'm_a1', 'Brist på nattpersonal');
    const b = await sectionEscalates('sekb', 'chef_b', 'm_b1', 'Lokalerna är för trånga');
    expect(privateText(a.closed)).toBe('');
    const chefEnh = await findPersonByKey(handle.db, { key: 'chef_enh' });
    const notices = await handle.db
      .select()
      .from(outbox)
      .where(like(outbox.key, 'risk-escalated:%'));
    expect(notices.map((n) => n.personId)).toEqual([chefEnh!.id, chefEnh!.id]);
    expect(notices.map((n) => JSON.stringify(n.view)).join()).toContain(
      'Sektion Älvsjö har eskalerat en risk till Enhet Bemötande',
    );

    // A SWOT threat of the unit waits too, and both escalations: all three are carried in.
    const enh = await findUnitByKey(handle.db, { key: 'enh' });
    const swot = await createDialogue(handle.db, {
      kind: 'swot',
      unitId: enh!.id,
      platform: 'slack',
      workspace: 'T1',
      channelId: 'C_ENH',
      topic: 'Vår vardag',
      phase: 'closed',
      deadline: null,
      settings: {},
      lang: 'sv',
      alongside: true,
      startedBy: chefEnh!.id,
      now: SEPT,
    });
    await createPendingRiskFromSwot(handle.db, {
      unitId: enh!.id,
      description: 'Hög sjukfrånvaro',
      dialogueId: swot!.id,
      itemId: '00000000-0000-4000-8000-000000000001',
      now: SEPT,
    });
    const unitDialogue = await start('chef_enh', 'enh', OCT);
    const text = viewText(unitDialogue.view);
    expect(text).toContain('Förda hit');
    expect(text).toContain(
      'Brist på nattpersonal _(eskalerad från Sektion Älvsjö, Sektion Älvsjö bedömde 3×4',
    );
    expect(text).toContain('Lokalerna är för trånga _(eskalerad från Sektion Årsta');
    expect(text).toContain('Hög sjukfrånvaro _(från SWOT ”Vår vardag”)');
    const carried = await risksOf(unitDialogue.dialogueId);
    expect(carried).toHaveLength(3);

    // The unit handles one (action), escalates one, accepts the SWOT risk.
    const fac = 'fac';
    await as(fac, 'enh', OCT).click('risk.start-assess', unitDialogue.dialogueId);
    for (const r of carried) await agree(fac, 'enh', OCT, r.id, 2, 3);
    await as(fac, 'enh', OCT).click('risk.start-decide', unitDialogue.dialogueId);
    const night = carried.find((r) => r.escalatedFromId === a.riskId)!;
    const rooms = carried.find((r) => r.escalatedFromId === b.riskId)!;
    const sick = carried.find((r) => r.sourceKind === 'swot')!;
    await decide(fac, 'enh', OCT, night.id, {
      process: 'goal-steering',
      handling: 'action',
      action_text: 'Rekrytera nattpersonal',
      owner: chefEnh!.id,
      due: '2027-01-31',
    });
    await decide(fac, 'enh', OCT, rooms.id, {
      process: 'internal-control',
      handling: 'escalate',
      motivation: 'Lokalfrågan ägs av avdelningen',
    });
    await decide(fac, 'enh', OCT, sick.id, { process: 'work-environment', handling: 'accept' });
    await as(fac, 'enh', OCT).click('risk.close', unitDialogue.dialogueId);

    // The sections hear what became of their risks, in their own channels.
    const fates = await handle.db
      .select()
      .from(outbox)
      .where(like(outbox.key, 'risk-escalation-outcome:%'));
    const byChannel = new Map(fates.map((f) => [f.channelId, JSON.stringify(f.view)]));
    expect(byChannel.get('C_SEKA')).toContain('har behandlats av Enhet Bemötande: åtgärd');
    expect(byChannel.get('C_SEKB')).toContain('eskalerad vidare till Avdelning Stöd');

    // The department sees the escalated one, with where it came from, and cannot go higher.
    const deptDialogue = await start('chef_avd', 'avd', NOV);
    expect(viewText(deptDialogue.view)).toContain(
      'Lokalerna är för trånga _(eskalerad från Enhet Bemötande',
    );
    const [deptRisk] = await risksOf(deptDialogue.dialogueId);
    await as('chef_avd', 'avd', NOV).click('risk.start-assess', deptDialogue.dialogueId);
    await agree('chef_avd', 'avd', NOV, deptRisk!.id, 3, 3);
    await as('chef_avd', 'avd', NOV).click('risk.start-decide', deptDialogue.dialogueId);
    const top = await decide('chef_avd', 'avd', NOV, deptRisk!.id, {
      process: 'internal-control',
      handling: 'escalate',
      motivation: 'Högre upp',
    });
    expect(formErrorsOf(top).handling).toContain('ingen överordnad enhet');
    const [unchanged] = await risksOf(deptDialogue.dialogueId);
    expect(unchanged!.handling).toBeNull();

    // The status shows the whole cascade to the department's manager.
    const status = await as('chef_avd', 'avd', NOV).command('risk status');
    const statusText = viewText(ofKind(status, 'private')[0]!.view);
    expect(statusText).toContain('*Sektion Älvsjö* (sektion) — hölls 10 sep 2026');
    expect(statusText).toContain('*Enhet Bemötande* (enhet) — hölls 8 okt 2026');
    expect(statusText).toContain('*Avdelning Stöd* (avdelning) — pågår (beslut)');
    expect(statusText).toContain(
      'Lokalerna är för trånga → Avdelning Stöd: tas upp i pågående dialog',
    );
    expect(statusText).toContain('Brist på nattpersonal → Enhet Bemötande: åtgärd');
    expect(statusText).toContain(
      'Lokalerna är för trånga → Enhet Bemötande: eskalerad vidare till Avdelning Stöd',
    );
  });
});

describe('risk dialogue: refusals and bad input change nothing', () => {
  it('refuses people without the right, and values outside 1–4 or unknown processes', async () => {
    const member = await as('m_b1', 'sekb', SEPT).command('risk --ny');
    expect(privateText(member)).toContain('Du har inte behörighet att starta en riskdialog');
    const badYear = await as('chef_b', 'sekb', SEPT).command('risk Extra --år 26 --ny');
    expect(privateText(badYear)).toContain('fyra siffror');
    const badLevels = await as('chef_b', 'sekb', SEPT).command('risk Extra --nivåer 9,6,3 --ny');
    expect(privateText(badLevels)).toContain('tre växande tal');
    const badStatus = await as('chef_b', 'sekb', SEPT).command('risk status 20266');
    expect(privateText(badStatus)).toBe(sv.risk.status.badYear({ got: '20266' }));
    const { dialogueId } = await start('chef_b', 'sekb', SEPT, 'risk Extra --nivåer 2,4,8 --ny');
    const outsider = await as('m_a1', 'sekb', SEPT).click('risk.add', dialogueId);
    expect(privateText(outsider)).toContain('Du har inte behörighet att lägga till risker');
    await addRisk('m_b1', 'sekb', dialogueId, 'Nyckelhanteringen');
    const steering = await as('m_b1', 'sekb', SEPT).click('risk.start-assess', dialogueId);
    expect(privateText(steering)).toContain('Bara den som leder dialogen');
    await as('chef_b', 'sekb', SEPT).click('risk.start-assess', dialogueId);
    const [risk] = await risksOf(dialogueId);
    const memberAgree = await as('m_b1', 'sekb', SEPT).click('risk.agree', risk!.id);
    expect(privateText(memberAgree)).toContain('Bara den som leder dialogen');

    for (const bad of ['0', '5', 'x']) {
      const result = await as('m_b1', 'sekb', SEPT).submit('risk.estimate', risk!.id, {
        probability: bad,
        consequence: '2',
      });
      expect(formErrorsOf(result)).toEqual({ probability: 'Välj ett värde från 1 till 4.' });
    }
    expect(
      await handle.db.select().from(riskEstimates).where(eq(riskEstimates.riskId, risk!.id)),
    ).toEqual([]);
    // Started with its own level table: 3 is medium here, low by default.
    const agreed = await agree('chef_b', 'sekb', SEPT, risk!.id, 1, 3);
    expect(privateText(agreed)).toContain('1×3 = 3 (medel)');
    await as('chef_b', 'sekb', SEPT).click('risk.start-decide', dialogueId);
    const unknown = await decide('chef_b', 'sekb', SEPT, risk!.id, {
      process: 'astrology',
      handling: 'accept',
    });
    expect(formErrorsOf(unknown)).toEqual({ process: 'Välj en av de fyra processerna.' });
    const noReason = await decide('chef_b', 'sekb', SEPT, risk!.id, {
      process: 'goal-steering',
      handling: 'escalate',
    });
    expect(formErrorsOf(noReason).motivation).toContain('Skriv varför');
    const [after] = await risksOf(dialogueId);
    expect(after).toMatchObject({ process: null, handling: null, probability: 1, consequence: 3 });
    const gone = await as('chef_b', 'sekb', SEPT).click(
      'risk.decide',
      '00000000-0000-4000-8000-000000000000',
    );
    expect(privateText(gone)).toContain('Den risken finns inte');
    const rows = await handle.db.select().from(dialogues).where(eq(dialogues.id, dialogueId));
    expect(rows[0]!.phase).toBe('decide');
  });
});

describe('risk dialogue on Slack', () => {
  it('fits every message and form it sent within Block Kit’s limits', () => {
    expect(seenReplies.length).toBeGreaterThan(50);
    for (const reply of seenReplies) {
      if (reply.kind === 'form') {
        expect(checkViewLimits(renderModal(reply.form, { cancelLabel: 'Avbryt' }))).toEqual([]);
      } else if (reply.kind === 'private' || reply.kind === 'channel' || reply.kind === 'update') {
        expect(checkBlockKitLimits(renderBlocks(reply.view), { maxBlocks: 50 })).toEqual([]);
      }
    }
  });
});
