import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground } from '../bot/background.js';
import { settingsFrom } from '../bot/request-settings.js';
import { sendWeeklyDigests } from '../dialogues/follow-up/digest.js';
import { sendDueNudges } from '../dialogues/follow-up/nudges.js';
import { sendSeasonNudges } from '../dialogues/risk/season-nudges.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import { sendBlockAction } from '../scripts/bench/support/slack-requests.js';
import type { Database } from '../store/database.js';
import { createAction } from '../store/queries/actions.js';
import { createDialogue } from '../store/queries/dialogues.js';
import { type OrgPlan, syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey, setLanguage } from '../store/queries/people.js';
import { claimOccurrence, insertSelfCheck } from '../store/queries/self-checks.js';
import { findUnitByKey } from '../store/queries/units.js';
import type { Role } from '../store/schema/index.js';
import { outbox, risks } from '../store/schema/index.js';
import { driver, formOf, ofKind, privateText } from './support/risk-org.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';

const SEPT = new Date('2026-09-10T08:00:00Z');
const OCT = new Date('2026-10-08T08:00:00Z');
const NOV = new Date('2026-11-05T08:00:00Z');

const unit = (key: string, level: 'department' | 'unit' | 'section', parent: string | null) => ({
  key,
  name: `Namn ${key}`,
  level,
  parent,
  channels: [{ platform: 'slack' as const, workspace: 'T1', channelId: `C_${key.toUpperCase()}` }],
});
const person = (key: string, roles: [string, Role][]) => ({
  key,
  name: key.toUpperCase(),
  admin: false,
  identities: [
    { platform: 'slack' as const, workspace: 'T1', externalId: `U_${key.toUpperCase()}` },
  ],
  roles: roles.map(([unit, role]) => ({ unit, role })),
});

/**
 * Two cascades with holes. A: a department with a manager, a unit without one, a section.
 * B: a department with only a leader, and a section right below it. The holes are where the
 * notices used to stop without a word.
 */
const plan: OrgPlan = {
  units: [
    unit('avda', 'department', null),
    unit('enha', 'unit', 'avda'),
    unit('seka', 'section', 'enha'),
    unit('enhc', 'unit', 'avda'),
    unit('avdb', 'department', null),
    unit('sekb', 'section', 'avdb'),
  ],
  people: [
    person('chef_avda', [['avda', 'manager']]),
    person('chef_seka', [['seka', 'manager']]),
    person('m_seka', [['seka', 'member']]),
    person('led_b', [['avdb', 'leader']]),
    person('chef_sekb', [['sekb', 'manager']]),
    person('m_sekb', [['sekb', 'member']]),
    person('m_enha', [['enha', 'member']]),
    person('m_avdb', [['avdb', 'member']]),
  ],
};

let t: TestTillit;
let db: Database;
beforeAll(async () => {
  t = await startTestTillit();
  db = t.database.db;
  await syncOrg(db, plan);
});
afterAll(async () => t?.close());

const as = (who: string, unitKey: string, now: Date) =>
  driver(db, who, `C_${unitKey.toUpperCase()}`, now);
const idOf = async (key: string) => (await findPersonByKey(db, { key }))!.id;
const rowsLike = (pattern: string) =>
  db
    .select()
    .from(outbox)
    .where(like(outbox.key, pattern))
    .then((rows) => rows.sort((a, b) => a.key.localeCompare(b.key)));

/** Starts a risk dialogue, adds one risk, agrees 3×4, and saves one decision; then closes. */
async function holdRisk(
  who: string,
  unitKey: string,
  now: Date,
  decision: Record<string, string>,
  description?: string,
) {
  const started = await as(who, unitKey, now).command('risk');
  const [posted] = ofKind(started, 'channel');
  if (!posted) throw new Error(`not started: ${privateText(started)}`);
  const dialogueId = posted.key!.replace('risk:', '');
  if (description) {
    const form = formOf(await as(who, unitKey, now).click('risk.add', dialogueId));
    await as(who, unitKey, now).submit(form.id, form.state, { description, anonymous: [] });
  }
  await as(who, unitKey, now).click('risk.start-assess', dialogueId);
  const [risk] = await db.select().from(risks).where(eq(risks.dialogueId, dialogueId));
  const agreeForm = formOf(await as(who, unitKey, now).click('risk.agree', risk!.id));
  await as(who, unitKey, now).submit('risk.agree', agreeForm.state, {
    probability: '3',
    consequence: '4',
  });
  await as(who, unitKey, now).click('risk.start-decide', dialogueId);
  formOf(await as(who, unitKey, now).click('risk.decide', risk!.id));
  const decided = await as(who, unitKey, now).submit('risk.decision', risk!.id, {
    process: 'work-environment',
    ...decision,
  });
  expect(ofKind(decided, 'form-errors')).toEqual([]);
  await as(who, unitKey, now).click('risk.close', dialogueId);
  return { dialogueId, riskId: risk!.id };
}

const escalate = { handling: 'escalate', motivation: 'Saknar mandat' };

describe('escalations reach someone when a level has no manager', () => {
  it('goes to the nearest manager above, who holds the dialogue; every level hears the end', async () => {
    await holdRisk('chef_seka', 'seka', SEPT, escalate, 'Brist på nattpersonal');
    const [notice] = await rowsLike('risk-escalated:%');
    expect(notice!.personId).toBe(await idOf('chef_avda'));
    const text = JSON.stringify(notice!.view);
    expect(text).toContain(sv.risk.escalatedNotice.standIn({ unit: 'Namn enha' }));
    expect(text).toContain(sv.risk.escalatedNotice.next({ unit: 'Namn enha' }));

    // The department's manager holds the unit's dialogue and sends the risk on to herself.
    await holdRisk('chef_avda', 'enha', OCT, escalate);
    const owner = await idOf('chef_seka');
    await holdRisk('chef_avda', 'avda', NOV, {
      handling: 'action',
      action_text: 'Rekrytera nattpersonal',
      owner,
      due: '2027-01-31',
    });

    // The action's owner is told (a risk decision, not only `actions add`, tells the owner).
    const [assigned] = await rowsLike('action-assigned:%');
    expect(assigned!.personId).toBe(owner);
    expect(JSON.stringify(assigned!.view)).toContain(sv.followUp.nudge.assignedTitle);

    // Both units the risk passed through hear the final decision in their channels.
    const fates = await rowsLike('risk-escalation-outcome:%');
    const final = fates.filter((f) => JSON.stringify(f.view).includes('Namn avda: åtgärd'));
    expect(final.map((f) => f.channelId).sort()).toEqual(['C_ENHA', 'C_SEKA']);
  });

  it('goes to the leader when nobody up the tree is a manager; the leader may hold it', async () => {
    await holdRisk('chef_sekb', 'sekb', SEPT, escalate, 'Lokalerna är för trånga');
    const notices = (await rowsLike('risk-escalated:%')).filter((n) =>
      JSON.stringify(n.view).includes('Lokalerna'),
    );
    expect(notices.map((n) => n.personId)).toEqual([await idOf('led_b')]);

    // A member may not hold it; the leader may, and gives the action to the manager of the
    // section right below the department (the owner list reaches one level down).
    const refused = await as('m_sekb', 'avdb', OCT).command('risk');
    expect(ofKind(refused, 'channel')).toEqual([]);
    const chefB = await idOf('chef_sekb');
    await holdRisk('led_b', 'avdb', OCT, {
      handling: 'action',
      action_text: 'Hyr en lokal till',
      owner: chefB,
      due: '2027-02-28',
    });
    const assigned = (await rowsLike('action-assigned:%')).filter((r) => r.personId === chefB);
    expect(assigned).toHaveLength(1);
    const [fate] = (await rowsLike('risk-escalation-outcome:%')).filter(
      (f) => f.channelId === 'C_SEKB',
    );
    expect(JSON.stringify(fate!.view)).toContain('har behandlats av Namn avdb: åtgärd');
  });
});

describe('the season nudge reaches someone when a unit has no manager', () => {
  it('goes to the nearest manager above', async () => {
    const enhc = (await findUnitByKey(db, { key: 'enhc' }))!;
    await sendSeasonNudges(db, { now: new Date('2026-10-05T08:00:00Z'), defaultLang: 'sv' });
    const rows = await rowsLike(`risk-season-open:${enhc.id}:%`);
    expect(rows.map((r) => r.personId)).toEqual([await idOf('chef_avda')]);
  });
});

describe('a new self-check reaches the one responsible for it', () => {
  it('tells them at once, with what, how often and the first date', async () => {
    const member = await idOf('m_sekb');
    await holdRisk(
      'chef_sekb',
      'sekb',
      NOV,
      {
        handling: 'self-check',
        check_what: 'Kontrollera brandlarmet',
        cadence: 'monthly',
        check_by: member,
        check_start: '2026-12-01',
      },
      'Brandlarmet kan vara ur funktion',
    );
    const rows = (await rowsLike('self-check-assigned:%')).filter((r) => r.personId === member);
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows[0]!.view);
    expect(text).toContain('Kontrollera brandlarmet');
    expect(text).toContain('1 dec 2026');
  });
});

describe('a new action reaches its owner however it was made', () => {
  it('a SWOT decision tells the owner, in their language', async () => {
    const sekb = (await findUnitByKey(db, { key: 'sekb' }))!;
    const chef = await idOf('chef_sekb');
    const member = await idOf('m_sekb');
    await setLanguage(db, { personId: member, lang: 'en' });
    const swot = await createDialogue(db, {
      kind: 'swot',
      unitId: sekb.id,
      platform: 'slack',
      workspace: 'T1',
      channelId: 'C_SEKB',
      topic: 'Vår vardag',
      phase: 'decide',
      deadline: null,
      settings: {},
      lang: 'sv',
      alongside: true,
      startedBy: chef,
      now: SEPT,
    });
    const saved = await as('chef_sekb', 'sekb', SEPT).submit('swot.add-action', swot!.id, {
      text: 'Gemensam introduktion',
      owner: member,
      due: '2026-10-01',
    });
    expect(ofKind(saved, 'form-errors')).toEqual([]);
    const rows = (await rowsLike('action-assigned:%')).filter((r) => r.personId === member);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.view)).toContain(en.followUp.nudge.assignedTitle);
  });
});

describe('a self-check that found something reaches the unit’s manager', () => {
  it('tells the manager through the outbox, not the one who answered', async () => {
    const seka = (await findUnitByKey(db, { key: 'seka' }))!;
    const chef = await idOf('chef_seka');
    const member = await idOf('m_seka');
    const check = await insertSelfCheck(db, {
      unitId: seka.id,
      text: 'Läkemedelsskåpet är låst',
      responsibleId: member,
      cadence: 'monthly',
      startsOn: '2026-09-01',
      sourceRiskId: null,
      sourceDialogueId: null,
      createdBy: chef,
      now: SEPT,
    });
    const occurrence = await claimOccurrence(db, {
      selfCheckId: check.id,
      occursOn: '2026-09-01',
      now: SEPT,
    });
    const answer = await as('m_seka', 'seka', SEPT).submit(
      'follow-up.check-found',
      occurrence!.id,
      {
        note: 'Skåpet stod olåst på kvällen',
      },
    );
    expect(privateText(answer)).toContain(sv.followUp.selfCheck.outcomes.found);
    const rows = await rowsLike(`self-check-found:${occurrence!.id}:%`);
    expect(rows.map((r) => r.personId)).toEqual([chef]);
    expect(JSON.stringify(rows[0]!.view)).toContain('Skåpet stod olåst på kvällen');
  });
});

/** An open action of `unitKey`, owned by `ownerKey`, due 10 November 2026. */
async function overdueAction(unitKey: string, ownerKey: string, text: string) {
  const unitId = (await findUnitByKey(db, { key: unitKey }))!.id;
  const owner = await idOf(ownerKey);
  return createAction(db, {
    unitId,
    text,
    ownerId: owner,
    dueDate: '2026-11-10',
    sourceKind: 'manual',
    sourceDialogueId: null,
    sourceItemId: null,
    createdBy: owner,
    now: new Date('2026-11-01T10:00:00Z'),
  });
}

describe('an overdue action and the weekly digest reach someone when a unit has no manager', () => {
  it('the overdue escalation goes to the nearest manager above, or to the leader, saying why', async () => {
    const inEnha = await overdueAction('enha', 'm_enha', 'Uppdatera nyckelrutinen');
    const inAvdb = await overdueAction('avdb', 'm_avdb', 'Boka brandövning');
    // Monday 23 November: more than ten days late, the managers above hear of it.
    await sendDueNudges(db, { now: new Date('2026-11-23T07:00:00Z'), defaultLang: 'sv' });
    const toAvda = await rowsLike(`action-escalate:${inEnha.id}:%`);
    expect(toAvda.map((r) => r.personId)).toEqual([await idOf('chef_avda')]);
    expect(JSON.stringify(toAvda[0]!.view)).toContain(sv.followUp.standIn({ unit: 'Namn enha' }));
    const toLeader = await rowsLike(`action-escalate:${inAvdb.id}:%`);
    expect(toLeader.map((r) => r.personId)).toEqual([await idOf('led_b')]);
    expect(JSON.stringify(toLeader[0]!.view)).toContain(sv.followUp.standIn({ unit: 'Namn avdb' }));
  });

  it("the unit's weekly digest goes to the same people, and the leader may open the unit's list", async () => {
    // The Monday after: both actions are overdue and the units have no manager of their own.
    await sendWeeklyDigests(db, { now: new Date('2026-11-30T07:00:00Z'), defaultLang: 'sv' });
    const enha = (await findUnitByKey(db, { key: 'enha' }))!;
    const avdb = (await findUnitByKey(db, { key: 'avdb' }))!;
    const toAvda = await rowsLike(`action-digest:${enha.id}:%`);
    expect(toAvda.map((r) => r.personId)).toEqual([await idOf('chef_avda')]);
    const text = JSON.stringify(toAvda[0]!.view);
    expect(text).toContain('Uppdatera nyckelrutinen');
    expect(text).toContain(sv.followUp.standIn({ unit: 'Namn enha' }));
    const toLeader = await rowsLike(`action-digest:${avdb.id}:%`);
    expect(toLeader.map((r) => r.personId)).toEqual([await idOf('led_b')]);
    expect(JSON.stringify(toLeader[0]!.view)).toContain('Boka brandövning');

    // What reaches the leader is something she can act on: the digest's button opens the list.
    const list = await as('led_b', 'avdb', NOV).click('follow-up.show-unit', avdb.id);
    const shown = JSON.stringify(list.replies);
    expect(shown).toContain(sv.followUp.lists.unitTitle({ unit: 'Namn avdb' }));
    expect(shown).toContain('Boka brandövning');
  });

  it('a self-check finding in a unit without a manager reaches the manager above, saying why', async () => {
    const enha = (await findUnitByKey(db, { key: 'enha' }))!;
    const member = await idOf('m_enha');
    const check = await insertSelfCheck(db, {
      unitId: enha.id,
      text: 'Nycklarna är inlåsta',
      responsibleId: member,
      cadence: 'monthly',
      startsOn: '2026-09-01',
      sourceRiskId: null,
      sourceDialogueId: null,
      createdBy: await idOf('chef_avda'),
      now: SEPT,
    });
    const occurrence = await claimOccurrence(db, {
      selfCheckId: check.id,
      occursOn: '2026-09-01',
      now: SEPT,
    });
    await as('m_enha', 'enha', SEPT).submit('follow-up.check-found', occurrence!.id, {
      note: 'En nyckel saknades',
    });
    const rows = await rowsLike(`self-check-found:${occurrence!.id}:%`);
    expect(rows.map((r) => r.personId)).toEqual([await idOf('chef_avda')]);
    expect(JSON.stringify(rows[0]!.view)).toContain(sv.followUp.standIn({ unit: 'Namn enha' }));
  });
});

describe('on Slack', () => {
  it('the background sender delivers the notices to the people through the Web API', async () => {
    const background = startBackground({
      config: t.config,
      db,
      clock: t.tillit.clock,
      log: { debug() {}, info() {}, warn() {}, error() {} },
      settings: settingsFrom(t.config),
      refresh: t.tillit.refresh,
    });
    try {
      const toLeader = await t.api.waitForCall(
        'chat.postMessage',
        (args) => args.channel === 'U_LED_B',
        10_000,
      );
      expect(JSON.stringify(toLeader.args)).toContain(
        sv.risk.escalatedNotice.standIn({ unit: 'Namn avdb' }),
      );
      const finding = await t.api.waitForCall(
        'chat.postMessage',
        (args) => args.channel === 'U_CHEF_SEKA' && JSON.stringify(args).includes('olåst'),
        10_000,
      );
      expect(JSON.stringify(finding.args)).toContain('Egenkontroll med anmärkning i Namn seka');
      // The overdue action and the digest of a department without a manager reach its leader.
      const overdue = await t.api.waitForCall(
        'chat.postMessage',
        (args) => args.channel === 'U_LED_B' && JSON.stringify(args).includes('Försenad åtgärd'),
        10_000,
      );
      expect(JSON.stringify(overdue.args)).toContain(sv.followUp.standIn({ unit: 'Namn avdb' }));
      await t.api.waitForCall(
        'chat.postMessage',
        (args) =>
          args.channel === 'U_LED_B' &&
          JSON.stringify(args).includes(sv.followUp.digest.title({ unit: 'Namn avdb' })),
        10_000,
      );
      // Her click on the digest's button, through Bolt, opens the unit's list: not a refusal.
      const avdb = (await findUnitByKey(db, { key: 'avdb' }))!;
      const title = sv.followUp.digest.title({ unit: 'Namn avdb' });
      const digest = t.api
        .messagesIn('DU_LED_B')
        .find((m) => JSON.stringify(m.blocks).includes(title))!;
      const clicked = await sendBlockAction(t.url, SIGNING_SECRET, {
        teamId: 'T1',
        userId: 'U_LED_B',
        channelId: 'DU_LED_B',
        messageTs: digest.ts,
        actionId: 'follow-up.show-unit',
        value: avdb.id,
      });
      expect(clicked.status).toBe(200);
      const list = await t.api.waitFor((call) =>
        JSON.stringify(call.args).includes(sv.followUp.lists.unitTitle({ unit: 'Namn avdb' })),
      );
      expect(JSON.stringify(list.args)).toContain('Boka brandövning');
    } finally {
      await background.stop();
    }
  });
});
