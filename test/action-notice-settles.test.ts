import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignedView } from '../dialogues/follow-up/action-views.js';
import { buildDemoOrg } from '../dialogues/setup/demo-org.js';
import { texts } from '../dialogues/texts/catalogue.js';
import { sendBlockAction } from '../scripts/bench/support/slack-requests.js';
import type { Database } from '../store/database.js';
import { type ActionRow, createAction } from '../store/queries/actions.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { enqueueOutbox, getOutboxRow } from '../store/queries/outbox.js';
import { findPostedMessages } from '../store/queries/posted-messages.js';
import { people, units } from '../store/schema/index.js';
import {
  getLocal,
  type LocalTestTillit,
  listLocalPeople,
  postLocal,
  startLocalTillit,
} from './support/local-tillit.js';
import { slackPerson, slackSession, slackUnit, TEAM, userIdOf } from './support/slack-session.js';
import {
  deliverTeamsOutbox,
  startTeamsTillit,
  type TeamsTestTillit,
} from './support/start-teams-tillit.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';
import {
  aadOf,
  cardOf,
  findAllActions,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  textOf as teamsTextOf,
  teamsUnit,
  teamsUserIdOf,
} from './support/teams-session.js';

/**
 * Issue 20: the owner's "Du har fått en åtgärd" notice, sent through the outbox, gives way to
 * what became of the action once it is done or struck (an outbox update of the message), on
 * the platform it reached them; Klar / Nytt datum / Stryk are not left on a settled action.
 */

const NOW = new Date('2026-11-26T09:00:00Z');
const BUTTONS = ['follow-up.done', 'follow-up.reschedule', 'follow-up.drop'];

async function personIdOf(db: Database, key: string): Promise<string> {
  return (await db.select().from(people).where(eq(people.key, key)))[0]!.id;
}

/** An action given by one person to another, with its notice in the outbox (as new-action does). */
async function giveAction(
  db: Database,
  params: { unitKey: string; ownerKey: string; byKey: string; text: string },
): Promise<ActionRow> {
  const [unit] = await db.select().from(units).where(eq(units.key, params.unitKey));
  const ownerId = await personIdOf(db, params.ownerKey);
  const action = await createAction(db, {
    unitId: unit!.id,
    text: params.text,
    ownerId,
    dueDate: '2026-12-10',
    sourceKind: 'manual',
    sourceDialogueId: null,
    sourceItemId: null,
    createdBy: await personIdOf(db, params.byKey),
    now: NOW,
  });
  await enqueueOutbox(db, {
    key: `action-assigned:${action.id}`,
    target: { kind: 'person', personId: ownerId },
    notBefore: NOW,
    updatable: true,
    view: assignedView(
      texts('sv'),
      'sv',
      { ...action, unitName: unit!.name, ownerName: params.ownerKey },
      params.byKey,
    ),
  });
  return action;
}

describe('Slack: the action notice shows the outcome once the action is done', () => {
  let t: TestTillit;
  const CHANNEL = 'C0NOTICE';
  beforeAll(async () => {
    t = await startTestTillit({ start: NOW });
    await syncOrg(t.database.db, {
      units: [slackUnit('enh', CHANNEL)],
      people: [
        slackPerson('chef', [{ unit: 'enh', role: 'manager' }]),
        slackPerson('m1', [{ unit: 'enh', role: 'member' }]),
      ],
    });
  });
  afterAll(async () => t?.close());

  it('updates the notice in the DM (chat.update): no Klar / Nytt datum / Stryk on a done action', async () => {
    const s = slackSession(t);
    const action = await giveAction(t.database.db, {
      unitKey: 'enh',
      ownerKey: 'm1',
      byKey: 'chef',
      text: 'Ny rutin för överlämning',
    });
    expect(await t.tillit.sender.runOnce()).toBe(1);
    const notice = t.api
      .callsOf('chat.postMessage')
      .find((c) => JSON.stringify(c.args.metadata ?? {}).includes(`action-assigned:${action.id}`))!;
    expect(JSON.stringify(notice.args.blocks)).toContain('follow-up.done');
    const [place] = await findPostedMessages(t.database.db, {
      key: `action-assigned:${action.id}`,
      platform: 'slack',
    });
    expect(place).toMatchObject({ channelId: expect.stringMatching(/^D/) });
    // A message that never changes keeps no address beyond the outbox's week.
    await enqueueOutbox(t.database.db, {
      key: 'plain-notice:1',
      target: { kind: 'person', personId: await personIdOf(t.database.db, 'm1') },
      notBefore: NOW,
      view: { summary: 'Hej', blocks: [{ type: 'text', text: 'Hej' }] },
    });
    t.tillit.clock.advance(2_000); // one message to a person a second
    expect(await t.tillit.sender.runOnce()).toBe(1);
    expect(
      await findPostedMessages(t.database.db, { key: 'plain-notice:1', platform: 'slack' }),
    ).toEqual([]);

    // Marked done from somewhere else (the actions list in the DM): the notice must follow.
    const since = s.since();
    const clicked = await sendBlockAction(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: userIdOf('m1'),
      channelId: place!.channelId,
      messageTs: '1700000000.000200',
      actionId: 'follow-up.done::0',
      value: action.id,
    });
    expect(clicked.status).toBe(200);
    await expect
      .poll(
        async () =>
          (await getOutboxRow(t.database.db, { key: `update:action-assigned:${action.id}` }))
            ?.status,
      )
      .toBe('queued');
    await t.tillit.sender.runOnce();
    const update = t.api
      .callsOf('chat.update')
      .find((c) => c.at >= since && c.args.ts === place!.messageId)!;
    expect(update.args.channel).toBe(place!.channelId);
    const shown = JSON.stringify(update.args.blocks);
    expect(shown).toContain('Åtgärden är klar');
    expect(shown).toContain('Ny rutin för överlämning');
    for (const gone of BUTTONS) expect(shown).not.toContain(`"${gone}`);
    expect(
      (await getOutboxRow(t.database.db, { key: `update:action-assigned:${action.id}` }))?.status,
    ).toBe('sent');
  });
});

describe('local channel: the action notice in the inbox shows the outcome once struck', () => {
  let t: LocalTestTillit;
  const section = buildDemoOrg().units.find((u) => u.level === 'section')!.key;
  beforeAll(async () => {
    t = await startLocalTillit({ start: NOW });
  });
  afterAll(async () => t?.close());

  interface InboxMessage {
    id: string;
    version: number;
    summary: string;
    html: string;
  }
  const inboxOf = async (person: string) =>
    (await getLocal<{ messages: InboxMessage[] }>(t.url, 'inbox', { person })).body.messages;

  it('replaces the inbox notice in place: the outcome instead of the buttons', async () => {
    const everyone = await listLocalPeople(t.url);
    const inSection = (role: string) =>
      everyone.find((p) => p.roles.some((r) => r.unitKey === section && r.role === role))!;
    const manager = inSection('manager');
    const member = inSection('member');
    const action = await giveAction(t.database.db, {
      unitKey: section,
      ownerKey: member.key,
      byKey: manager.key,
      text: 'Checklista för nattpasset',
    });
    // Long overdue, the unit's manager was told too, with the same buttons.
    const managerId = await personIdOf(t.database.db, manager.key);
    await enqueueOutbox(t.database.db, {
      key: `action-escalate:${action.id}:0:${managerId}`,
      target: { kind: 'person', personId: managerId },
      notBefore: NOW,
      updatable: true,
      view: {
        summary: 'Försenad åtgärd',
        blocks: [
          { type: 'text', text: 'Checklista för nattpasset är försenad' },
          {
            type: 'buttons',
            buttons: [{ label: 'Stryk', action: { id: 'follow-up.drop', value: action.id } }],
          },
        ],
      },
    });
    expect(await t.tillit.sender.runOnce()).toBe(2);
    const [notice] = (await inboxOf(member.key)).filter((m) => m.html.includes('Checklista'));
    expect(notice!.html).toContain('follow-up.drop');
    const [escalation] = (await inboxOf(manager.key)).filter((m) => m.html.includes('Checklista'));
    expect(escalation!.html).toContain('follow-up.drop');

    // The manager strikes it (the owner's notice is not the message they acted on).
    const dropped = await postLocal(t.url, 'submit', {
      person: manager.key,
      channel: section,
      formId: 'follow-up.drop',
      state: action.id,
      values: { reason: 'Ersätts av en ny rutin' },
    });
    expect(dropped.status).toBe(200);
    await t.tillit.sender.runOnce();
    const after = (await inboxOf(member.key)).find((m) => m.id === notice!.id)!;
    expect(after.version).toBe(notice!.version + 1);
    expect(after.html).toContain('Åtgärden är struken');
    expect(after.html).toContain('Checklista för nattpasset');
    for (const gone of BUTTONS) expect(after.html).not.toContain(gone);
    const escalationNow = (await inboxOf(manager.key)).find((m) => m.id === escalation!.id)!;
    expect(escalationNow.html).toContain('Åtgärden är struken');
    for (const gone of BUTTONS) expect(escalationNow.html).not.toContain(gone);
  });
});

describe('Teams: the action notice in the 1:1 chat shows the outcome once done', () => {
  let t: TeamsTestTillit;
  const CHANNEL = teamsChannelId('atg');
  beforeAll(async () => {
    t = await startTeamsTillit({ start: NOW });
    await syncOrg(t.database.db, {
      units: [teamsUnit('atg', CHANNEL)],
      people: [
        teamsPerson('chef', [{ unit: 'atg', role: 'manager' }]),
        teamsPerson('m1', [{ unit: 'atg', role: 'member' }]),
      ],
    });
    t.connector.addMembers(
      ['chef', 'm1'].map((key) => ({ id: teamsUserIdOf(key), name: key, aadObjectId: aadOf(key) })),
    );
    // Tillit was added to the unit's channel: that reference is all it has of the tenant.
    await teamsSession(t).command('chef', 'help', { channel: CHANNEL });
  });
  afterAll(async () => t?.close());

  it('updates the notice card in place (updateActivity): no Klar / Nytt datum / Stryk left', async () => {
    const s = teamsSession(t);
    const action = await giveAction(t.database.db, {
      unitKey: 'atg',
      ownerKey: 'm1',
      byKey: 'chef',
      text: 'Nya rutiner för nattpasset',
    });
    await deliverTeamsOutbox(t, 1_100);
    const notice = s.privateTo('m1').find((a) => teamsTextOf(a).includes('Nya rutiner'))!;
    expect(
      findAllActions(cardOf(notice)).some((a) => a.data?.tillit?.id === 'follow-up.done'),
    ).toBe(true);

    // Marked done from the list of her actions, not from the notice.
    const since = s.since();
    await s.command('m1', 'åtgärder', 'personal');
    const list = s.privateTo('m1', since).at(-1)!;
    const done = findAllActions(cardOf(list)).find(
      (a) => a.data?.tillit?.id === 'follow-up.done' && a.data.tillit.value === action.id,
    )!;
    await s.clickData('m1', list, done.data!);
    await expect
      .poll(
        async () =>
          (await getOutboxRow(t.database.db, { key: `update:action-assigned:${action.id}` }))
            ?.status,
      )
      .toBe('queued');
    await deliverTeamsOutbox(t, 1_100);
    const updated = t.connector.activities.get(notice.id)!;
    expect(updated.updates).toBe(1);
    expect(teamsTextOf(updated)).toContain('Åtgärden är klar');
    expect(findAllActions(cardOf(updated))).toEqual([]);
  });
});
