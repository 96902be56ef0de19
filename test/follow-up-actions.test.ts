import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../dialogues/core/outcome.js';
import { sendDueNudges } from '../dialogues/follow-up/nudges.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Form, View } from '../dialogues/view.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { listActionEvents } from '../store/queries/action-changes.js';
import { summarizeActions } from '../store/queries/action-summary.js';
import { setLanguage } from '../store/queries/people.js';
import { actions } from '../store/schema/index.js';
import { createFollowUpOrg, newAction, outboxRowsAbout } from './support/follow-up-fixtures.js';
import { send, userIdOf } from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

const CREATED = new Date('2026-11-01T10:00:00Z');
const NOW = new Date('2026-11-10T09:30:00Z'); // Tuesday 10:30 in Stockholm

type Person = Awaited<ReturnType<typeof createFollowUpOrg>>['manager'];

/** What only the asker sees: a private reply, or the message they clicked, replaced. */
function privateView(replies: Reply[]): View {
  const reply = replies.find((r) => r.kind === 'private' || r.kind === 'replace');
  if (reply?.kind !== 'private' && reply?.kind !== 'replace')
    throw new Error(`no private reply: ${JSON.stringify(replies)}`);
  return reply.view;
}
function formOf(replies: Reply[]): Form {
  const reply = replies[0];
  if (reply?.kind !== 'form') throw new Error(`no form: ${JSON.stringify(replies)}`);
  return reply.form;
}
const textOf = (v: View) => JSON.stringify(v.blocks);

const click = (person: Person, id: string, value: string, now = NOW) =>
  send(db, { person, now }, { kind: 'action', action: { id, value } });
const submit = (
  person: Person,
  formId: string,
  state: string,
  values: Record<string, string>,
  now = NOW,
) => send(db, { person, now }, { kind: 'submit', formId, state, values });

async function actionRow(id: string) {
  const [row] = await db.select().from(actions).where(eq(actions.id, id));
  return row!;
}

describe('done, and did it have the intended effect?', () => {
  it('marks done, asks the effect question, and stores the answer and a note', async () => {
    const org = await createFollowUpOrg(db, 'eff1');
    const owner = org.members[0]!;
    const action = await newAction(db, {
      unit: org.unit,
      owner,
      by: org.manager,
      due: '2026-11-10',
      createdAt: CREATED,
    });
    const done = await click(owner, 'follow-up.done', action.id);
    const question = privateView(done.replies);
    expect(textOf(question)).toContain(sv.followUp.effect.question);
    expect(textOf(question)).toContain(`${action.id}:partly`);
    expect(textOf(question)).toContain('follow-up.effect-later');
    expect((await actionRow(action.id)).status).toBe('done');

    const answeredAt = new Date(NOW.getTime() + 60_000);
    const answered = await click(owner, 'follow-up.effect', `${action.id}:partly`, answeredAt);
    expect(privateView(answered.replies).summary).toBe(
      sv.followUp.effect.saved({ effect: 'Delvis' }),
    );
    const stored = await actionRow(action.id);
    expect(stored.effect).toBe('partly');
    expect(stored.effectAt?.toISOString()).toBe(answeredAt.toISOString());

    const noteForm = formOf((await click(owner, 'follow-up.effect-note', action.id)).replies);
    const refused = await submit(owner, noteForm.id, noteForm.state, {
      note: 'Gällde 19121212-1212 mest',
    });
    expect(refused.replies[0]).toEqual({
      kind: 'form-errors',
      errors: { note: sv.common.personnummerRefused },
    });
    expect((await actionRow(action.id)).effectNote).toBeNull();
    await submit(owner, noteForm.id, noteForm.state, { note: 'Rutinen behöver en uppföljning.' });
    expect((await actionRow(action.id)).effectNote).toBe('Rutinen behöver en uppföljning.');
    expect((await listActionEvents(db, { actionId: action.id })).map((e) => e.kind)).toEqual([
      'done',
      'effect',
    ]);
  });

  it('gives a clear message on a stale button and changes nothing', async () => {
    const org = await createFollowUpOrg(db, 'eff2');
    const owner = org.members[0]!;
    const action = await newAction(db, {
      unit: org.unit,
      owner,
      by: org.manager,
      due: '2026-11-10',
      createdAt: CREATED,
    });
    // Clicking Done on the effect question before it is done is refused too.
    const early = await click(owner, 'follow-up.effect', `${action.id}:yes`);
    expect(privateView(early.replies).summary).toBe(sv.followUp.stale.open);
    await click(owner, 'follow-up.done', action.id);
    const before = await actionRow(action.id);
    const later = new Date(NOW.getTime() + 3_600_000);
    for (const id of ['follow-up.done', 'follow-up.reschedule', 'follow-up.drop']) {
      const again = await click(owner, id, action.id, later);
      expect(privateView(again.replies).summary).toBe(sv.followUp.stale.done);
    }
    // Even the manager's click on the escalation's Done button.
    const fromManager = await click(org.manager, 'follow-up.done', action.id, later);
    expect(privateView(fromManager.replies).summary).toBe(sv.followUp.stale.done);
    expect(await actionRow(action.id)).toEqual(before);
    expect((await listActionEvents(db, { actionId: action.id })).map((e) => e.kind)).toEqual([
      'done',
    ]);
    // A tampered value and someone else's action.
    const tampered = await click(owner, 'follow-up.done', 'not-an-id');
    expect(privateView(tampered.replies).summary).toBe(sv.followUp.stale.gone);
    const other = await newAction(db, {
      unit: org.unit,
      owner: org.members[1]!,
      by: org.manager,
      due: '2026-11-20',
      createdAt: CREATED,
    });
    const notMine = await click(owner, 'follow-up.done', other.id);
    expect(privateView(notMine.replies).summary).toBe(
      sv.common.notAllowed({ what: sv.followUp.what.change }),
    );
    expect((await actionRow(other.id)).status).toBe('open');
  });

  it('schedules "ask again in 4 weeks" as an outbox row, taken back when answered first', async () => {
    const org = await createFollowUpOrg(db, 'eff3');
    const owner = org.members[0]!;
    await setLanguage(db, { personId: owner.id, lang: 'en' });
    const action = await newAction(db, {
      unit: org.unit,
      owner,
      by: org.manager,
      due: '2026-11-10',
      createdAt: CREATED,
    });
    await click(owner, 'follow-up.done', action.id);
    const later = await click(owner, 'follow-up.effect-later', action.id);
    // 4 weeks on is Tuesday 8 December: 08:00 in Stockholm.
    expect(privateView(later.replies).summary).toBe(
      en.followUp.effect.askAgainAt({ date: '8 Dec 2026' }),
    );
    const [checkIn] = await outboxRowsAbout(db, action.id);
    expect(checkIn!.key).toBe(`action-effect-checkin:${action.id}:1`);
    expect(checkIn!.personId).toBe(owner.id);
    expect(checkIn!.notBefore.toISOString()).toBe('2026-12-08T07:00:00.000Z');
    expect(JSON.stringify(checkIn!.view)).toContain(en.followUp.effect.question);
    expect((await actionRow(action.id)).checkIns).toBe(1);

    await click(owner, 'follow-up.effect', `${action.id}:yes`);
    expect(await outboxRowsAbout(db, action.id)).toEqual([]);
    expect((await actionRow(action.id)).effect).toBe('yes');
  });
});

describe('a new due date, with a reason', () => {
  it("lets the owner's manager move it; the owner hears why, and the nudges start again", async () => {
    const org = await createFollowUpOrg(db, 'resch1');
    const owner = org.members[0]!;
    const action = await newAction(db, {
      unit: org.unit,
      owner,
      by: org.manager,
      due: '2026-11-10',
      createdAt: CREATED,
    });
    await sendDueNudges(db, { now: new Date('2026-11-10T07:00:00Z') });
    const form = formOf((await click(org.manager, 'follow-up.reschedule', action.id)).replies);
    expect(form.inputs.map((i) => i.id)).toEqual(['due', 'reason']);
    const noReason = await submit(org.manager, form.id, form.state, {
      due: '2026-11-20',
      reason: '',
    });
    expect(noReason.replies[0]).toEqual({
      kind: 'form-errors',
      errors: { reason: sv.common.empty },
    });
    const past = await submit(org.manager, form.id, form.state, {
      due: '2026-11-09',
      reason: 'Väntar på leverantören',
    });
    expect(past.replies[0]).toEqual({
      kind: 'form-errors',
      errors: { due: sv.followUp.dateInPast },
    });
    expect((await actionRow(action.id)).dueDate).toBe('2026-11-10');

    const moved = await submit(org.manager, form.id, form.state, {
      due: '2026-11-20',
      reason: 'Väntar på leverantören',
    });
    expect(privateView(moved.replies).summary).toContain('20 nov 2026');
    const row = await actionRow(action.id);
    expect(row).toMatchObject({ dueDate: '2026-11-20', dueRevision: 1, nudgedStage: null });
    const [event] = await listActionEvents(db, { actionId: action.id });
    expect(event).toMatchObject({
      kind: 'rescheduled',
      reason: 'Väntar på leverantören',
      fromDate: '2026-11-10',
      toDate: '2026-11-20',
      by: org.manager.id,
    });
    await sendDueNudges(db, { now: new Date('2026-11-13T07:00:00Z') });
    await sendDueNudges(db, { now: new Date('2026-11-20T07:00:00Z') });
    const keys = (await outboxRowsAbout(db, action.id)).map((r) => r.key);
    expect(keys).toEqual([
      `action-due:${action.id}:0`,
      `action-due:${action.id}:1`,
      `action-rescheduled:${action.id}:1`,
    ]);
    const told = (await outboxRowsAbout(db, action.id)).find((r) =>
      r.key.startsWith('action-resch'),
    );
    expect(told!.personId).toBe(owner.id);
    expect(JSON.stringify(told!.view)).toContain('Väntar på leverantören');
  });

  it('drops with a reason; a member may not change an action that is not theirs', async () => {
    const org = await createFollowUpOrg(db, 'drop1');
    const owner = org.members[0]!;
    const action = await newAction(db, {
      unit: org.unit,
      owner,
      by: org.manager,
      due: '2026-11-12',
      createdAt: CREATED,
    });
    const refused = await click(org.members[1]!, 'follow-up.drop', action.id);
    expect(privateView(refused.replies).summary).toBe(
      sv.common.notAllowed({ what: sv.followUp.what.change }),
    );
    const form = formOf((await click(owner, 'follow-up.drop', action.id)).replies);
    await submit(owner, form.id, form.state, { reason: 'Behovet försvann med nya schemat' });
    expect((await actionRow(action.id)).status).toBe('dropped');
    const [event] = await listActionEvents(db, { actionId: action.id });
    expect(event).toMatchObject({ kind: 'dropped', reason: 'Behovet försvann med nya schemat' });
    // The owner dropped it themselves: nobody else is told.
    expect(await outboxRowsAbout(db, action.id)).toEqual([]);
    await sendDueNudges(db, { now: new Date('2026-11-12T07:00:00Z') });
    expect(await outboxRowsAbout(db, action.id)).toEqual([]);
  });
});

describe('/tillit actions', () => {
  it('adds an action from the command, tells the owner, and lists it for them and the unit', async () => {
    const org = await createFollowUpOrg(db, 'add1');
    const owner = org.members[0]!;
    const mention = `<@${userIdOf(owner.key)}|${owner.name}>`;
    const command = (person: Person, text: string) =>
      send(db, { person, now: NOW, channelId: org.channelId }, { kind: 'command', text });

    const member = await command(owner, `actions add "Ny rutin" ${mention} 2026-11-20`);
    expect(privateView(member.replies).summary).toBe(
      sv.common.notAllowed({ what: sv.followUp.what.manage }),
    );
    const added = await command(
      org.manager,
      `actions add "Ny rutin för överlämning" ${mention} 2026-11-20`,
    );
    expect(privateView(added.replies).summary).toContain('Ny rutin för överlämning');
    const [created] = await db.select().from(actions).where(eq(actions.unitId, org.unit.id));
    expect(created).toMatchObject({
      text: 'Ny rutin för överlämning',
      ownerId: owner.id,
      dueDate: '2026-11-20',
      sourceKind: 'manual',
      createdBy: org.manager.id,
    });
    const [assigned] = await outboxRowsAbout(db, created!.id);
    expect(assigned).toMatchObject({ key: `action-assigned:${created!.id}`, personId: owner.id });

    // Something missing → the form, filled with what was given.
    const form = formOf((await command(org.manager, `actions add Fixa larmet ${mention}`)).replies);
    expect(form.inputs.find((i) => i.id === 'text')).toMatchObject({ initial: 'Fixa larmet' });
    expect(form.inputs.find((i) => i.id === 'owner')).toMatchObject({ initial: owner.id });
    const saved = await submit(org.manager, form.id, form.state, {
      text: 'Fixa larmet',
      owner: owner.id,
      due: '2026-11-09',
    });
    expect(saved.replies[0]).toEqual({
      kind: 'form-errors',
      errors: { due: sv.followUp.dateInPast },
    });

    const later = new Date('2026-11-25T09:00:00Z');
    const mine = await send(
      db,
      { person: owner, now: later },
      { kind: 'command', text: 'actions' },
    );
    expect(textOf(privateView(mine.replies))).toContain(
      'Ny rutin för överlämning – skulle ha varit klar 20 nov 2026 (för 5 dagar sedan)',
    );
    const unit = await send(
      db,
      { person: org.manager, now: later, channelId: org.channelId },
      { kind: 'command', text: 'åtgärder enhet' },
    );
    const unitText = textOf(privateView(unit.replies));
    expect(unitText).toContain(sv.followUp.lists.overdueHeading({ count: 1 }));
    expect(unitText).toContain(`Ny rutin för överlämning – ${owner.name}`);
    const fromMember = await send(
      db,
      { person: owner, now: later, channelId: org.channelId },
      { kind: 'command', text: 'actions unit' },
    );
    expect(privateView(fromMember.replies).summary).toBe(
      sv.common.notAllowed({ what: sv.followUp.what.manage }),
    );
    // The home tab shows "my actions".
    const home = await send(db, { person: owner, now: later }, { kind: 'home' });
    const homeReply = home.replies[0];
    expect(homeReply?.kind).toBe('home');
    expect(JSON.stringify(homeReply)).toContain(sv.followUp.home.title);
    expect(JSON.stringify(homeReply)).toContain('Ny rutin för överlämning');
  });
});

describe('figures for summaries', () => {
  it('counts opened, done, overdue and the effect answers of a period', async () => {
    const org = await createFollowUpOrg(db, 'sum1');
    const owner = org.members[0]!;
    const make = (due: string, createdAt: Date) =>
      newAction(db, { unit: org.unit, owner, by: org.manager, due, createdAt });
    // Decided in August, due in September, still open at the end of it: overdue.
    await make('2026-09-15', new Date('2026-08-20T10:00:00Z'));
    const yes = await make('2026-09-20', new Date('2026-09-02T10:00:00Z'));
    const no = await make('2026-09-25', new Date('2026-09-03T10:00:00Z'));
    await make('2026-12-01', new Date('2026-09-04T10:00:00Z'));
    for (const [action, effect] of [
      [yes, 'yes'],
      [no, 'no'],
    ] as const) {
      await click(owner, 'follow-up.done', action.id, new Date('2026-09-18T10:00:00Z'));
      await click(
        owner,
        'follow-up.effect',
        `${action.id}:${effect}`,
        new Date('2026-09-18T11:00:00Z'),
      );
    }
    const september = {
      unitIds: [org.unit.id],
      from: new Date('2026-08-31T22:00:00Z'),
      to: new Date('2026-09-30T22:00:00Z'),
      lastDay: '2026-09-30',
    };
    expect(await summarizeActions(db, september)).toEqual({
      opened: 3,
      done: 2,
      overdue: 1,
      effect: { yes: 1, partly: 0, no: 1, unanswered: 0 },
    });
    expect(
      await summarizeActions(db, { ...september, unitIds: [org.department.id] }),
    ).toMatchObject({
      opened: 0,
    });
  });
});
