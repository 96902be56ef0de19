import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../dialogues/core/context.js';
import type { Reply } from '../dialogues/core/outcome.js';
import { createInboundHandler, type HandledInbound } from '../dialogues/handle-inbound.js';
import { closeDuePhases } from '../dialogues/swot/close-due-phases.js';
import type { BoardItem, SwotBoard } from '../dialogues/swot/swot-board.js';
import { boardUpdate } from '../dialogues/swot/swot-load.js';
import { swotSummaryView, swotView } from '../dialogues/swot/swot-view.js';
import type { Form, FormValues, View } from '../dialogues/view.js';
import type { DatabaseHandle } from '../store/database.js';
import { type OrgPlan, syncOrg } from '../store/queries/org-sync.js';
import {
  actions,
  dialogues,
  people,
  risks,
  swotBallots,
  swotItems,
  swotVotes,
} from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

const T0 = new Date('2026-03-02T08:00:00Z'); // a Monday morning in Stockholm
const channels = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'];
const crowd = Array.from({ length: 30 }, (_, i) => `U_B${String(i + 1).padStart(2, '0')}`);

const person = (key: string, unit: string, role: 'member' | 'manager' | 'facilitator') => ({
  key,
  name: key.toUpperCase(),
  admin: false,
  identities: [
    { platform: 'slack' as const, workspace: 'T1', externalId: `U_${key.toUpperCase()}` },
  ],
  roles: [{ unit, role }],
});

const plan: OrgPlan = {
  units: [
    {
      key: 'barn',
      name: 'Barn och unga',
      level: 'unit',
      parent: null,
      channels: channels.map((channelId) => ({ platform: 'slack', workspace: 'T1', channelId })),
    },
    {
      key: 'vuxen',
      name: 'Vuxen',
      level: 'unit',
      parent: null,
      channels: [{ platform: 'slack', workspace: 'T1', channelId: 'C9' }],
    },
  ],
  people: [
    person('mgr', 'barn', 'manager'),
    person('fac', 'barn', 'facilitator'),
    ...['m1', 'm2', 'm3', 'm4', 'm5'].map((key) => person(key, 'barn', 'member')),
    person('ext', 'vuxen', 'member'),
    ...crowd.map((id) => ({ ...person(id.slice(2).toLowerCase(), 'barn', 'member') })),
  ],
};

let handle: DatabaseHandle;
const inbound = createInboundHandler();

beforeAll(async () => {
  handle = await openTestDatabase();
  await syncOrg(handle.db, plan);
});
afterAll(async () => handle?.close());

function ctx(who: string, channelId: string, now: Date): RequestContext {
  return {
    db: handle.db,
    now,
    settings: {
      defaultLang: 'sv',
      defaultTimezone: 'Europe/Stockholm',
      anonymityThreshold: 5,
      publicUrl: null,
    },
    caller: { platform: 'slack', workspace: 'T1', externalId: `U_${who.toUpperCase()}` },
    place: { platform: 'slack', workspace: 'T1', channelId },
    directory: { displayName: async () => null },
  };
}

/** One person in one channel at one moment, driving the real inbound handler. */
function as(who: string, channelId: string, now = T0) {
  const send = async (message: Parameters<typeof inbound>[1]): Promise<HandledInbound> => {
    const result = await inbound(ctx(who, channelId, now), message);
    if (result.failure) throw result.failure;
    return result;
  };
  return {
    command: (text: string) => send({ kind: 'command', text }),
    click: (id: string, value: string) => send({ kind: 'action', action: { id, value } }),
    submit: (formId: string, state: string, values: FormValues) =>
      send({ kind: 'submit', formId, state, values }),
  };
}

const ofKind = <K extends Reply['kind']>(result: HandledInbound, kind: K) =>
  result.replies.filter((r): r is Extract<Reply, { kind: K }> => r.kind === kind);
/** What only the asker sees: private replies, and a message of theirs replaced (the ballot). */
const privateText = (result: HandledInbound) =>
  [...ofKind(result, 'private'), ...ofKind(result, 'replace')]
    .map((r) => r.view.summary)
    .join('\n');
/** The whole private reply (the ballot with its lines), not only its summary. */
const ballotOf = (result: HandledInbound) =>
  JSON.stringify([...ofKind(result, 'private'), ...ofKind(result, 'replace')]);
const formOf = (result: HandledInbound): Form => {
  const [reply] = ofKind(result, 'form');
  if (!reply) throw new Error(`no form in ${JSON.stringify(result.replies)}`);
  return reply.form;
};
const updateOf = (result: HandledInbound): View => {
  const [reply] = ofKind(result, 'update');
  if (!reply) throw new Error(`no update in ${JSON.stringify(result.replies)}`);
  return reply.view;
};
const viewText = (view: View) => JSON.stringify(view.blocks);
const buttonValues = (result: HandledInbound, actionId: string): string[] =>
  JSON.stringify(result.replies)
    .match(new RegExp(`"id":"${actionId.replace('.', '\\.')}","value":"([^"]+)"`, 'g'))
    ?.map((m) => m.replace(/.*"value":"/, '').replace(/"$/, '')) ?? [];

async function start(channelId: string, text: string, who = 'mgr', now = T0) {
  const result = await as(who, channelId, now).command(text);
  const [posted] = ofKind(result, 'channel');
  if (!posted) throw new Error(`not started: ${privateText(result)}`);
  const dialogueId = posted.key!.replace('swot:', '');
  return { dialogueId, view: posted.view, key: posted.key! };
}

async function add(
  who: string,
  channelId: string,
  dialogueId: string,
  quadrant: string,
  text: string,
  anonymous = false,
) {
  const form = formOf(await as(who, channelId).click('swot.add', dialogueId));
  return as(who, channelId).submit(form.id, form.state, {
    quadrant,
    text,
    anonymous: anonymous ? ['yes'] : [],
  });
}

const itemsOf = (dialogueId: string) =>
  handle.db.select().from(swotItems).where(eq(swotItems.dialogueId, dialogueId));
const dialogueRow = async (dialogueId: string) =>
  (await handle.db.select().from(dialogues).where(eq(dialogues.id, dialogueId)))[0]!;
const itemId = async (dialogueId: string, text: string) =>
  (await itemsOf(dialogueId)).find((i) => i.text === text)!.id;

describe('SWOT dialogue', () => {
  it('runs collect → vote → decide → close with several people', async () => {
    const { dialogueId, view, key } = await start('C1', 'swot "Vår vardag" 2026-03-06');
    expect(key).toBe(`swot:${dialogueId}`);
    expect(view.summary).toBe('SWOT: Vår vardag');
    expect(viewText(view)).toContain('Insamling');
    expect(viewText(view)).toContain('Sista dag: 6 mars 2026');

    // Collect: named and anonymous items, from several people.
    const added = await add('m1', 'C1', dialogueId, 'strengths', 'Vi hjälper varandra');
    expect(privateText(added)).toContain('Styrkor');
    expect(viewText(updateOf(added))).toContain('Vi hjälper varandra');
    await add('m2', 'C1', dialogueId, 'strengths', 'Vi stöttar varandra');
    await add('m3', 'C1', dialogueId, 'weaknesses', 'För många system');
    await add('m4', 'C1', dialogueId, 'opportunities', 'Digitala möten');
    await add('m5', 'C1', dialogueId, 'threats', 'Personalbrist', false);
    const anonymous = await add('m2', 'C1', dialogueId, 'threats', 'Hot mot personal', true);
    expect(privateText(anonymous)).toContain('anonymt');
    await add('m3', 'C1', dialogueId, 'strengths', 'Att ta bort');

    // Anonymous: no author stored, only a token hash; the channel never names anyone.
    const anonRow = (await itemsOf(dialogueId)).find((i) => i.text === 'Hot mot personal')!;
    expect(anonRow.authorId).toBeNull();
    expect(anonRow.editTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const namedRow = (await itemsOf(dialogueId)).find((i) => i.text === 'För många system')!;
    expect(namedRow.authorId).not.toBeNull();
    expect(viewText(updateOf(anonymous))).not.toMatch(/M1|M2|M3/);

    // The anonymous author edits through the buttons of their confirmation, nobody else can.
    const [anonRef] = buttonValues(anonymous, 'swot.edit');
    expect(anonRef).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
    const editForm = formOf(await as('m2', 'C1').click('swot.edit', anonRef!));
    expect(editForm.inputs.find((i) => i.id === 'text')).toMatchObject({
      initial: 'Hot mot personal',
    });
    await as('m2', 'C1').submit('swot.edit-item', editForm.state, {
      quadrant: 'threats',
      text: 'Hot och våld mot personal',
    });
    expect((await itemsOf(dialogueId)).find((i) => i.id === anonRow.id)!.text).toBe(
      'Hot och våld mot personal',
    );
    expect(privateText(await as('m1', 'C1').click('swot.edit', anonRow.id))).toContain('dina egna');
    expect(
      privateText(await as('m1', 'C1').click('swot.edit', `${anonRow.id}.wrongtokenwrongtoken`)),
    ).toContain('dina egna');

    // Named items: edit and delete own, not others'.
    const mine = await as('m3', 'C1').click('swot.mine', dialogueId);
    expect(privateText(mine)).toContain('Mina punkter');
    expect(JSON.stringify(mine.replies)).toContain('Att ta bort');
    const removeId = await itemId(dialogueId, 'Att ta bort');
    expect(privateText(await as('m1', 'C1').click('swot.delete', removeId))).toContain('dina egna');
    const deleted = await as('m3', 'C1').click('swot.delete', removeId);
    expect(privateText(deleted)).toContain('borttagen');
    expect((await itemsOf(dialogueId)).some((i) => i.id === removeId)).toBe(false);
    const systemsId = await itemId(dialogueId, 'För många system');
    const ownEdit = formOf(await as('m3', 'C1').click('swot.edit', systemsId));
    await as('m3', 'C1').submit(ownEdit.id, ownEdit.state, {
      quadrant: 'weaknesses',
      text: 'För många IT-system',
    });
    expect((await itemsOf(dialogueId)).find((i) => i.id === systemsId)!.text).toBe(
      'För många IT-system',
    );

    // Merge: only the facilitator; B keeps, A is hidden.
    const refusedMerge = await as('m1', 'C1').click('swot.merge', dialogueId);
    expect(privateText(refusedMerge)).toContain('Bara den som leder dialogen');
    const mergeForm = formOf(await as('fac', 'C1').click('swot.merge', dialogueId));
    const helpsId = await itemId(dialogueId, 'Vi hjälper varandra');
    const supportsId = await itemId(dialogueId, 'Vi stöttar varandra');
    const merged = await as('fac', 'C1').submit(mergeForm.id, mergeForm.state, {
      from: supportsId,
      into: helpsId,
    });
    expect(viewText(updateOf(merged))).toContain('(+1 liknande)');
    expect(viewText(updateOf(merged))).not.toContain('Vi stöttar varandra');
    expect((await itemsOf(dialogueId)).find((i) => i.id === supportsId)!.mergedIntoId).toBe(
      helpsId,
    );

    // A member cannot change the phase.
    const refusedStart = await as('m1', 'C1').click('swot.start-vote', dialogueId);
    expect(privateText(refusedStart)).toContain('kan starta röstningen');
    expect((await dialogueRow(dialogueId)).phase).toBe('collect');

    // Vote.
    const voting = await as('fac', 'C1').click('swot.start-vote', dialogueId);
    expect(viewText(updateOf(voting))).toContain('Röstning');
    const voted = await as('m1', 'C1').click('swot.vote', helpsId);
    expect(privateText(voted)).toContain('Din röst på');
    // What is left is said once, on the ballot's own line.
    expect(ballotOf(voted).split('4 av 5 röster kvar')).toHaveLength(2);
    const ballot = await as('m1', 'C1').click('swot.ballot', `${dialogueId}:strengths`);
    expect(privateText(ballot)).toContain('Rösta: Styrkor');
    expect(viewText(ofKind(ballot, 'private')[0]!.view)).toContain('● Vi hjälper varandra');
    await as('m1', 'C1').click('swot.vote', helpsId);
    await as('m1', 'C1').click('swot.vote', helpsId);
    expect(privateText(await as('m1', 'C1').click('swot.vote', helpsId))).toContain(
      'fler går inte',
    );
    const threatId = await itemId(dialogueId, 'Personalbrist');
    await as('m1', 'C1').click('swot.vote', threatId);
    const fifth = await as('m1', 'C1').click('swot.vote', systemsId);
    expect(ballotOf(fifth)).toContain('0 av 5 röster kvar');
    // Results are hidden while voting runs.
    expect(viewText(updateOf(fifth))).not.toMatch(/\d röst(er)? –/);
    expect(privateText(await as('m1', 'C1').click('swot.vote', anonRow.id))).toContain(
      'alla dina 5 röster',
    );
    const withdrawn = await as('m1', 'C1').click('swot.unvote', systemsId);
    expect(ballotOf(withdrawn)).toContain('1 av 5 röster kvar');
    expect(privateText(await as('m1', 'C1').click('swot.unvote', systemsId))).toContain(
      'ingen röst',
    );
    await as('m1', 'C1').click('swot.vote', anonRow.id);
    await as('m2', 'C1').click('swot.vote', threatId);
    await as('m4', 'C1').click('swot.vote', threatId);
    // Five voters: enough for the totals to show once voting is over.
    await as('m3', 'C1').click('swot.vote', systemsId);
    await as('m5', 'C1').click('swot.vote', systemsId);
    expect(privateText(await as('m2', 'C1').click('swot.my-votes', dialogueId))).toContain(
      'Mina röster',
    );
    const [m1Ballot] = await handle.db
      .select()
      .from(swotBallots)
      .innerJoin(people, eq(people.id, swotBallots.voterId))
      .where(and(eq(swotBallots.dialogueId, dialogueId), eq(people.key, 'm1')));
    expect(m1Ballot!.swot_ballots.used).toBe(5);
    // Items cannot be added once voting runs.
    const lateAdd = await as('m5', 'C1').click('swot.add', dialogueId);
    expect(privateText(lateAdd)).toContain('Röstning');

    // Decide: results show, ranked.
    expect(privateText(await as('m1', 'C1').click('swot.end-vote', dialogueId))).toContain(
      'Bara den som leder',
    );
    const deciding = await as('fac', 'C1').click('swot.end-vote', dialogueId);
    const decideText = viewText(updateOf(deciding));
    expect(decideText).toContain('Beslut');
    expect(decideText).toContain('Vi hjälper varandra (3 röster)');
    expect(decideText).toContain('Personalbrist (3 röster)');
    const actionForm = formOf(
      await as('fac', 'C1').click('swot.action', `${dialogueId}:${threatId}`),
    );
    expect(actionForm.inputs.find((i) => i.id === 'text')).toMatchObject({
      initial: 'Personalbrist',
    });
    const owners = actionForm.inputs.find((i) => i.id === 'owner');
    const m2Id =
      owners?.type === 'select' ? owners.options.find((o) => o.label === 'M2')!.value : '';
    expect(
      (
        await as('fac', 'C1').submit(actionForm.id, actionForm.state, {
          text: 'Rekrytera',
          owner: m2Id,
          due: '2026-01-01',
        })
      ).replies,
    ).toEqual([{ kind: 'form-errors', errors: { due: 'Datumet har redan passerat.' } }]);
    const saved = await as('fac', 'C1').submit(actionForm.id, actionForm.state, {
      text: 'Rekrytera två vikarier',
      owner: m2Id,
      due: '2026-04-30',
    });
    expect(privateText(saved)).toContain('Åtgärden är sparad');
    expect(viewText(updateOf(saved))).toContain(
      'Rekrytera två vikarier – M2, klart senast 30 apr 2026',
    );
    const [action] = await handle.db
      .select()
      .from(actions)
      .where(eq(actions.sourceDialogueId, dialogueId));
    expect(action).toMatchObject({
      text: 'Rekrytera två vikarier',
      ownerId: m2Id,
      dueDate: '2026-04-30',
      status: 'open',
      sourceKind: 'swot',
      sourceItemId: threatId,
      doneAt: null,
      effect: null,
    });
    const risky = await as('fac', 'C1').click('swot.risk', threatId);
    expect(privateText(risky)).toContain('nästa riskdialog');
    expect(privateText(await as('fac', 'C1').click('swot.risk', threatId))).toContain('redan');
    expect(privateText(await as('fac', 'C1').click('swot.risk', helpsId))).toContain(
      'Bara hot och svagheter',
    );
    expect(privateText(await as('m1', 'C1').click('swot.risk', systemsId))).toContain(
      'Bara den som leder',
    );
    const riskRows = await handle.db
      .select()
      .from(risks)
      .where(eq(risks.sourceDialogueId, dialogueId));
    expect(riskRows).toMatchObject([
      {
        description: 'Personalbrist',
        status: 'pending',
        sourceKind: 'swot',
        sourceItemId: threatId,
      },
    ]);

    // Close: summary in the channel, the dialogue stored as closed.
    expect(privateText(await as('m1', 'C1').click('swot.close', dialogueId))).toContain(
      'avsluta dialogen',
    );
    const closed = await as('fac', 'C1').click('swot.close', dialogueId);
    const [summary] = ofKind(closed, 'channel');
    expect(summary!.view.summary).toBe('Sammanfattning: Vår vardag');
    const summaryText = viewText(summary!.view);
    expect(summaryText).toContain('Vi hjälper varandra (3 röster)');
    expect(summaryText).toContain('Rekrytera två vikarier – M2, klart senast 30 apr 2026');
    expect(ofKind(closed, 'update')[0]!.key).toBe(key);
    const row = await dialogueRow(dialogueId);
    expect(row.phase).toBe('closed');
    expect(row.closedAt).toEqual(T0);

    // Stale buttons change nothing.
    expect(privateText(await as('m2', 'C1').click('swot.vote', helpsId))).toContain(
      'redan avslutad',
    );
    expect(privateText(await as('fac', 'C1').click('swot.close', dialogueId))).toContain(
      'redan avslutad',
    );
    const staleSubmit = await as('m2', 'C1').submit('swot.add-item', dialogueId, {
      quadrant: 'threats',
      text: 'Sent',
    });
    expect(staleSubmit.replies).toEqual([
      { kind: 'form-errors', errors: { _form: expect.stringContaining('avslutad') } },
    ]);
    expect(
      privateText(await as('m2', 'C1').click('swot.vote', '00000000-0000-4000-8000-000000000000')),
    ).toContain('finns inte längre');
    expect(privateText(await as('m2', 'C1').click('swot.ballot', 'nonsense'))).toContain(
      'hittar inte',
    );
  });

  it('refuses people outside the unit, members steering, personnummer and bad input', async () => {
    expect(privateText(await as('m1', 'C2').command('swot Test'))).toContain('behörighet');
    expect(privateText(await as('ext', 'C2').command('swot Test'))).toContain('behörighet');
    const { dialogueId } = await start('C2', 'swot Arbetsmiljö');
    expect(privateText(await as('ext', 'C2').click('swot.add', dialogueId))).toContain(
      'behörighet',
    );
    const foreign = await as('ext', 'C2').submit('swot.add-item', dialogueId, {
      quadrant: 'threats',
      text: 'X',
    });
    expect(foreign.replies).toEqual([
      { kind: 'form-errors', errors: { _form: expect.stringContaining('behörighet') } },
    ]);

    const submit = (values: FormValues) =>
      as('m1', 'C2').submit('swot.add-item', dialogueId, values);
    const pnr = await submit({ quadrant: 'threats', text: 'Brukaren 811218-9876 far illa' });
    expect(pnr.replies).toEqual([
      { kind: 'form-errors', errors: { text: expect.stringContaining('personnummer') } },
    ]);
    expect((await submit({ quadrant: 'threats', text: '   ' })).replies).toEqual([
      { kind: 'form-errors', errors: { text: 'Skriv något först.' } },
    ]);
    expect((await submit({ quadrant: 'threats', text: 'x'.repeat(281) })).replies).toEqual([
      { kind: 'form-errors', errors: { text: 'Texten är för lång: 281 tecken, högst 280.' } },
    ]);
    expect((await submit({ quadrant: 'risks', text: 'Något' })).replies).toEqual([
      { kind: 'form-errors', errors: { quadrant: expect.stringContaining('Välj') } },
    ]);
    expect((await submit({ text: '' })).replies).toEqual([
      { kind: 'form-errors', errors: { quadrant: expect.any(String), text: 'Skriv något först.' } },
    ]);
    expect(await itemsOf(dialogueId)).toEqual([]);
    expect(privateText(await as('fac', 'C2').click('swot.start-vote', dialogueId))).toContain(
      'inga punkter',
    );

    // Bad start commands change nothing.
    expect(privateText(await as('mgr', 'C3').command('swot Test --röster 0'))).toContain('--votes');
    expect(privateText(await as('mgr', 'C3').command('swot Test --okänd'))).toContain('--okänd');
    expect(privateText(await as('mgr', 'C3').command('swot Test 2026-02-30'))).toContain(
      '2026-02-30',
    );
    expect(privateText(await as('mgr', 'C3').command('swot Test 2026-03-01'))).toContain(
      'passerat',
    );
    expect(privateText(await as('mgr', 'C3').command('swot 811218-9876'))).toContain(
      'personnummer',
    );
    expect(privateText(await as('mgr', 'C3').command('swot'))).toContain('SWOT-dialog');
    const open = await handle.db.select().from(dialogues).where(eq(dialogues.channelId, 'C3'));
    expect(open).toEqual([]);
  });

  it('keeps one open SWOT per channel unless asked for another', async () => {
    await start('C3', 'swot Första', 'fac');
    expect(privateText(await as('mgr', 'C3').command('swot Andra'))).toContain(
      'redan en öppen dialog: *Första*',
    );
    const second = await start('C3', 'swot Andra --ny');
    expect(second.view.summary).toBe('SWOT: Andra');
    expect(privateText(await as('mgr', 'C3').command('swot Tredje'))).toContain('redan en öppen');
    const open = await handle.db.select().from(dialogues).where(eq(dialogues.channelId, 'C3'));
    expect(open.map((d) => [d.topic, d.alongside])).toEqual([
      ['Första', false],
      ['Andra', true],
    ]);
    // Three starts in the same instant: one dialogue, two clear refusals.
    const raced = await Promise.all(
      ['mgr', 'fac', 'mgr'].map((who) => as(who, 'C8').command(`swot Samtidigt`)),
    );
    expect(raced.flatMap((r) => ofKind(r, 'channel'))).toHaveLength(1);
    expect(raced.filter((r) => privateText(r).includes('redan en öppen'))).toHaveLength(2);
  });

  it('ends phases at their deadlines, lazily and from the scheduler tick', async () => {
    const lazy = await start('C4', 'swot Lat 2026-03-03');
    await add('m1', 'C4', lazy.dialogueId, 'strengths', 'Bra team');
    const afterDeadline = new Date('2026-03-03T23:30:00Z'); // 00:30 on 4 March in Stockholm
    const late = await as('m2', 'C4', afterDeadline).click('swot.add', lazy.dialogueId);
    expect(privateText(late)).toContain('Tiden för fasen har gått ut');
    expect(viewText(updateOf(late))).toContain('Röstning');
    expect((await dialogueRow(lazy.dialogueId)).phase).toBe('vote');
    expect(await itemsOf(lazy.dialogueId)).toHaveLength(1);

    // Starting another beside an overdue one moves it on, and updates its message too.
    const overdue = await start('C7', 'swot Sjunde 2026-03-03');
    const beside = await as('mgr', 'C7', afterDeadline).command('swot Åttonde --ny');
    expect(ofKind(beside, 'channel')).toHaveLength(1);
    const [movedMessage] = ofKind(beside, 'update');
    expect(movedMessage!.key).toBe(overdue.key);
    expect(viewText(movedMessage!.view)).toContain('Röstning');

    const ticked = await start(
      'C5',
      'swot Schemalagd "2026-03-03 12:00" --rösta-till 2026-03-05T12:00',
    );
    await add('m1', 'C5', ticked.dialogueId, 'threats', 'Sjukskrivningar');
    expect(await closeDuePhases(handle.db, { now: new Date('2026-03-03T10:59:00Z') })).toEqual([]);
    const first = await closeDuePhases(handle.db, { now: new Date('2026-03-03T11:00:00Z') });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      dialogueId: ticked.dialogueId,
      ended: ['collect'],
      phase: 'vote',
    });
    const [moved] = await handle.db
      .select()
      .from(dialogues)
      .where(eq(dialogues.id, ticked.dialogueId));
    const board = await boardUpdate(handle.db, moved!, ctx('fac', 'C1', T0).settings);
    expect(board).toMatchObject({ kind: 'update', key: ticked.key });
    expect(viewText(board.view)).toContain('5 mars 2026 kl. 12.00');
    // While voting runs, only how many have voted shows.
    const threat = await itemId(ticked.dialogueId, 'Sjukskrivningar');
    const voted = await as('m2', 'C5', new Date('2026-03-04T09:00:00Z')).click('swot.vote', threat);
    expect(viewText(updateOf(voted))).toContain('1 har röstat');
    expect(viewText(updateOf(voted))).not.toContain('1 röst – Sjukskrivningar');
    const second = await closeDuePhases(handle.db, { now: new Date('2026-03-05T11:00:00Z') });
    expect(second.map((c) => [c.dialogueId, c.ended, c.phase])).toEqual([
      [ticked.dialogueId, ['vote'], 'decide'],
    ]);
    expect(await closeDuePhases(handle.db, { now: new Date('2026-03-06T11:00:00Z') })).toEqual([]);
  });

  it('loses nothing and never exceeds vote limits when thirty people act at once', async () => {
    const { dialogueId } = await start('C6', 'swot Rusning --votes 5 --max 3');
    const people30 = crowd.map((id) => id.slice(2).toLowerCase());
    const added = await Promise.all(
      people30.map((who, i) =>
        as(who, 'C6').submit('swot.add-item', dialogueId, {
          quadrant: ['strengths', 'weaknesses', 'opportunities', 'threats'][i % 4],
          text: `Punkt ${i}`,
          anonymous: i % 2 === 0 ? ['yes'] : [],
        }),
      ),
    );
    expect(added.every((r) => ofKind(r, 'update').length === 1)).toBe(true);
    const items = await itemsOf(dialogueId);
    expect(items).toHaveLength(30);
    await as('fac', 'C6').click('swot.start-vote', dialogueId);

    // Half spread six votes over six items (the sixth must fail on the total), half put four on
    // one item and two on another (the fourth on one item must fail on the per-item limit).
    const ids = items.map((i) => i.id);
    const results = await Promise.all(
      people30.flatMap((who, p) => {
        const targets = p < 15 ? ids.slice(0, 6) : [ids[0], ids[0], ids[0], ids[0], ids[1], ids[1]];
        return targets.map((id) => as(who, 'C6').click('swot.vote', id!));
      }),
    );
    const accepted = results.filter((r) => privateText(r).includes('är lagd')).length;
    const ballots = await handle.db
      .select()
      .from(swotBallots)
      .where(eq(swotBallots.dialogueId, dialogueId));
    const votes = await handle.db
      .select()
      .from(swotVotes)
      .where(eq(swotVotes.dialogueId, dialogueId));
    expect(ballots).toHaveLength(30);
    expect(ballots.every((b) => b.used === 5)).toBe(true);
    expect(votes.every((v) => v.dots <= 3)).toBe(true);
    for (const ballot of ballots) {
      const dots = votes
        .filter((v) => v.voterId === ballot.voterId)
        .reduce((n, v) => n + v.dots, 0);
      expect(dots).toBe(ballot.used);
    }
    expect(accepted).toBe(150);
    expect(votes.filter((v) => v.itemId === ids[0] && v.dots === 3)).toHaveLength(15);

    // The message stays small however many items: lists per quadrant, buttons on the top few.
    const decided = updateOf(await as('fac', 'C6').click('swot.end-vote', dialogueId));
    expect(decided.blocks.length).toBeLessThanOrEqual(25);
    const withButtons = decided.blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(withButtons.filter((i) => i.buttons).length).toBe(12);
  });

  it('refuses a vote past the limits in the database itself', async () => {
    const [someBallot] = await handle.db.select().from(swotBallots).limit(1);
    await expect(
      handle.db
        .update(swotBallots)
        .set({ used: someBallot!.votesLimit + 1 })
        .where(
          and(
            eq(swotBallots.dialogueId, someBallot!.dialogueId),
            eq(swotBallots.voterId, someBallot!.voterId),
          ),
        ),
    ).rejects.toThrow();
  });

  it('keeps the message within Block Kit limits with 100 long items', async () => {
    const [dialogue] = await handle.db.select().from(dialogues).limit(1);
    const quadrants = { strengths: [], weaknesses: [], opportunities: [], threats: [] } as Record<
      string,
      BoardItem[]
    >;
    for (let i = 0; i < 100; i++) {
      const quadrant = (['strengths', 'weaknesses', 'opportunities', 'threats'] as const)[i % 4]!;
      quadrants[quadrant]!.push({
        id: `item-${i}`,
        quadrant,
        text: `${i} ${'lång text '.repeat(30)}`.slice(0, 280),
        merged: 0,
        votes: i % 7,
        hasAction: false,
        isRisk: false,
      });
    }
    for (const phase of ['collect', 'vote', 'decide', 'closed'] as const) {
      const board: SwotBoard = {
        dialogue: dialogue!,
        phase,
        settings: { votesPerPerson: 5, maxPerItem: 3, voteUntil: null },
        votesShown: phase === 'decide' || phase === 'closed' ? 'figure' : 'count',
        threshold: 5,
        timeZone: 'Europe/Stockholm',
        unitName: 'Barn och unga',
        quadrants: quadrants as SwotBoard['quadrants'],
        itemCount: 100,
        voting: { voters: 30, dots: 150 },
        actions: [],
        riskCount: 0,
      };
      for (const view of [swotView(board), swotSummaryView(board)]) {
        const buttonItems = view.blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
        const extraBlocks = buttonItems.filter((item) => item.buttons).length * 2;
        expect(view.blocks.length + extraBlocks).toBeLessThanOrEqual(45);
        for (const block of view.blocks) {
          if (block.type !== 'list') continue;
          const characters = block.items.reduce((n, item) => n + item.text.length + 4, 0);
          if (block.items.length > 1) expect(characters).toBeLessThanOrEqual(3_000);
        }
      }
    }
  });
});

describe('SWOT votes: nothing shows what one person voted', () => {
  it('shows only how many voted while voting runs, and no totals after it when too few voted', async () => {
    const refused = await as('mgr', 'C8').command('swot Levande --visa-resultat');
    expect(privateText(refused)).toContain('Rösterna visas aldrig medan röstningen pågår');
    expect(ofKind(refused, 'channel')).toHaveLength(0);

    const { dialogueId } = await start('C8', 'swot Få --ny');
    await add('m1', 'C8', dialogueId, 'threats', 'Tunga lyft');
    await add('m2', 'C8', dialogueId, 'threats', 'Stress');
    const voting = await as('fac', 'C8').click('swot.start-vote', dialogueId);
    expect(viewText(updateOf(voting))).toContain('om minst 5 har röstat');
    const lifts = await itemId(dialogueId, 'Tunga lyft');

    // One vote: the board and another person's ballot show no totals, only that one voted.
    const cast = await as('m1', 'C8').click('swot.vote', lifts);
    expect(viewText(updateOf(cast))).toContain('1 har röstat');
    expect(viewText(updateOf(cast))).not.toMatch(/\d röst(er)? –/);
    const ballot = await as('m2', 'C8').click('swot.ballot', `${dialogueId}:threats`);
    const ballotText = viewText(ofKind(ballot, 'private')[0]!.view);
    expect(ballotText).not.toMatch(/röst(er)? totalt/);
    expect(ballotText).toContain('Andra ser bara hur många som har röstat');

    // Voting over with one voter: the totals are withheld on the board and in the summary.
    const deciding = await as('fac', 'C8').click('swot.end-vote', dialogueId);
    const decideText = viewText(updateOf(deciding));
    expect(decideText).toContain('För få röstade');
    expect(decideText).not.toMatch(/\d röst(er)? –/);
    const closed = await as('fac', 'C8').click('swot.close', dialogueId);
    const summaryText = viewText(ofKind(closed, 'channel')[0]!.view);
    expect(summaryText).toContain('För få röstade');
    expect(summaryText).not.toMatch(/\d röst(er)? –/);
  });
});
