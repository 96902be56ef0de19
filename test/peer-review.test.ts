import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../dialogues/core/context.js';
import type { Reply } from '../dialogues/core/outcome.js';
import { createInboundHandler, type HandledInbound } from '../dialogues/handle-inbound.js';
import { pairingPeriod } from '../dialogues/pairing/suggest-peer.js';
import {
  REMINDER_BEFORE_MS,
  reviewAnswersKey,
  reviewCardKey,
} from '../dialogues/review/review-kind.js';
import { loadReviewShown } from '../dialogues/review/review-load.js';
import { reviewTicks } from '../dialogues/review/review-ticks.js';
import { reviewAnswersView, reviewCardView } from '../dialogues/review/review-views.js';
import type { TickContext } from '../dialogues/schedule/tick.js';
import { texts } from '../dialogues/texts/catalogue.js';
import type { FormValues, View } from '../dialogues/view.js';
import type { DatabaseHandle } from '../store/database.js';
import { type OrgPlan, syncOrg } from '../store/queries/org-sync.js';
import { savePairs } from '../store/queries/review-pairs.js';
import {
  actions,
  dialogues,
  outbox,
  peerReviews,
  people,
  reviewFeedback,
  riskDialogues,
  risks,
  swotItems,
  units,
} from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

const T0 = new Date('2026-03-02T08:00:00Z');
const SECRET_NAME = 'Märta Hemligsson';

const person = (
  key: string,
  unit: string,
  role: 'member' | 'manager',
  name = key.toUpperCase(),
) => ({
  key,
  name,
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
      channels: [{ platform: 'slack', workspace: 'T1', channelId: 'C1' }],
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
    person('m1', 'barn', 'member', SECRET_NAME),
    person('m2', 'barn', 'member'),
    person('vmgr', 'vuxen', 'manager'),
    person('v1', 'vuxen', 'member'),
    person('v2', 'vuxen', 'member', 'Vera Vuxensson'),
  ],
};

let handle: DatabaseHandle;
const inbound = createInboundHandler();
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  await syncOrg(handle.db, plan);
  for (const p of await handle.db.select().from(people)) ids[p.key] = p.id;
  for (const u of await handle.db.select().from(units)) ids[u.key] = u.id;
  // A closed SWOT with a named item by m1 and an action m1 owns: neither name may travel.
  const [closed] = await handle.db
    .insert(dialogues)
    .values({
      kind: 'swot',
      unitId: ids.barn!,
      platform: 'slack',
      workspace: 'T1',
      channelId: 'C1',
      topic: 'Vår vardag',
      phase: 'closed',
      lang: 'sv',
      startedBy: ids.mgr!,
      createdAt: new Date(T0.getTime() - 20 * 86_400_000),
      closedAt: new Date(T0.getTime() - 86_400_000),
    })
    .returning();
  ids.closed = closed!.id;
  await handle.db.insert(swotItems).values({
    dialogueId: closed!.id,
    quadrant: 'strengths',
    text: 'Korta beslutsvägar',
    authorId: ids.m1!,
  });
  await handle.db.insert(actions).values({
    unitId: ids.barn!,
    text: 'Gemensam planeringsdag',
    ownerId: ids.m1!,
    dueDate: '2026-04-01',
    status: 'done',
    sourceKind: 'swot',
    sourceDialogueId: closed!.id,
    createdBy: ids.mgr!,
    effect: 'yes',
  });
  await handle.db.insert(dialogues).values({
    kind: 'swot',
    unitId: ids.barn!,
    platform: 'slack',
    workspace: 'T1',
    channelId: 'C1',
    topic: 'Pågår',
    phase: 'collect',
    lang: 'sv',
    startedBy: ids.mgr!,
  });
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
    home: () => send({ kind: 'home' }),
  };
}

const ofKind = <K extends Reply['kind']>(result: HandledInbound, kind: K) =>
  result.replies.filter((r): r is Extract<Reply, { kind: K }> => r.kind === kind);
const said = (result: HandledInbound) =>
  JSON.stringify(result.replies.map((r) => ('view' in r ? r.view : 'errors' in r ? r.errors : r)));
const updateFor = (result: HandledInbound, key: string): View => {
  const found = ofKind(result, 'update').find((u) => u.key === key);
  if (!found) throw new Error(`no update for ${key} in ${said(result)}`);
  return found.view;
};
const buttonIds = (view: View) =>
  view.blocks.flatMap((b) =>
    b.type === 'buttons'
      ? b.buttons.map((x) => x.action.id)
      : b.type === 'list'
        ? b.items.flatMap((i) => (i.buttons ?? []).map((x) => x.action.id))
        : [],
  );
const reviewCount = async () => (await handle.db.select().from(peerReviews)).length;

function tickContext(now: Date): TickContext {
  return {
    db: handle.db,
    now,
    settings: {
      defaultLang: 'sv',
      defaultTimezone: 'Europe/Stockholm',
      anonymityThreshold: 5,
      publicUrl: null,
    },
    refresh: async () => {},
  };
}
const runTicks = async (now: Date) => {
  for (const tick of reviewTicks()) await tick.run(tickContext(now));
};

let reviewId = '';

describe('sharing a closed outcome for peer review', () => {
  it('refuses a member, the unit itself and an open dialogue, and shares nothing', async () => {
    expect(said(await as('m2', 'C1').command('dela vuxen'))).toContain('inte behörighet');
    expect(said(await as('mgr', 'C1').command('dela barn'))).toContain('granska sig själv');
    expect(said(await as('mgr', 'C1').command('dela Pågår vuxen'))).toContain('pågår fortfarande');
    expect(await reviewCount()).toBe(0);
  });

  it('posts the answers message here and the card to the peer unit, with no member names', async () => {
    const shared = await as('mgr', 'C1').command('dela vuxen');
    const [answers] = ofKind(shared, 'channel');
    expect(answers?.key).toMatch(/^review:.+:answers$/);
    const [review] = await handle.db.select().from(peerReviews);
    reviewId = review!.id;
    expect(review?.reviewingUnitId).toBe(ids.vuxen);
    // Two weeks, through the day: midnight in Stockholm after 16 March.
    expect(review?.deadline.toISOString()).toBe('2026-03-16T23:00:00.000Z');
    const [card] = await handle.db
      .select()
      .from(outbox)
      .where(eq(outbox.key, reviewCardKey(reviewId)));
    expect(card?.channelId).toBe('C9');
    expect(card?.updatable).toBe(true);
    const shown = JSON.stringify(card?.view) + JSON.stringify(review?.outcome);
    expect(shown).toContain('Korta beslutsvägar');
    expect(shown).toContain('Gemensam planeringsdag');
    expect(shown).not.toContain(SECRET_NAME);
    expect(shown).not.toContain('Märta');
    expect(said(await as('mgr', 'C1').command('dela vuxen'))).toContain('redan delat');
  });
});

describe('feedback from the reviewing unit', () => {
  it('takes the three kinds, anonymous with no author kept, named with the name', async () => {
    const form = await as('v1', 'C9').click('review.feedback', `${reviewId}:tip`);
    expect(ofKind(form, 'form')[0]?.form.id).toBe('review.feedback');
    const tip = await as('v1', 'C9').submit('review.feedback', `${reviewId}:tip`, {
      text: 'Prova korta stående möten på måndagar',
      anonymous: 'yes',
    });
    expect(said(tip)).toContain('utan namn');
    const answers = updateFor(tip, reviewAnswersKey(reviewId));
    expect(JSON.stringify(answers)).toContain('Prova korta stående möten');
    expect(JSON.stringify(answers)).toContain('anonym');
    await as('v2', 'C9').submit('review.feedback', `${reviewId}:how-we-do-it`, {
      text: 'Vi har en gemensam kalender',
    });
    const question = await as('v1', 'C9').submit('review.feedback', `${reviewId}:question`, {
      text: 'Hur följer ni upp planeringsdagen?',
      anonymous: 'yes',
    });
    const card = JSON.stringify(updateFor(question, reviewCardKey(reviewId)));
    expect(card).toContain('Vera Vuxensson');
    expect(card).toContain('Återkoppling (3)');
    // The card has not been delivered yet (no sender runs here): when it goes, it shows them.
    const [queued] = await handle.db
      .select()
      .from(outbox)
      .where(eq(outbox.key, reviewCardKey(reviewId)));
    expect(queued?.status).toBe('queued');
    expect(JSON.stringify(queued?.view)).toContain('Återkoppling (3)');
    const rows = await handle.db.select().from(reviewFeedback);
    expect(rows.map((r) => r.kind).sort()).toEqual(['how-we-do-it', 'question', 'tip']);
    expect(rows.filter((r) => r.authorPersonId === null)).toHaveLength(2);
    expect(rows.find((r) => r.kind === 'how-we-do-it')?.authorPersonId).toBe(ids.v2);
    // One updating message each: one update row per message, however many answers came.
    const updates = await handle.db
      .select()
      .from(outbox)
      .where(like(outbox.key, `update:review:${reviewId}:%`));
    expect(updates.map((u) => u.key).sort()).toEqual([
      `update:${reviewAnswersKey(reviewId)}`,
      `update:${reviewCardKey(reviewId)}`,
    ]);
  });

  it("shows on each side's home view while open", async () => {
    expect(said(await as('v1', 'C9').home())).toContain(
      'Barn och unga väntar på er återkoppling på ”Vår vardag”',
    );
    expect(said(await as('mgr', 'C1').home())).toContain('Vuxen granskar ”Vår vardag”: 3 svar');
  });

  it('keeps nothing that ties anonymous feedback to its writer', async () => {
    const v1 = ids.v1!;
    const traces = await handle.db.execute(
      sql`select count(*)::int as n from outbox where key like ${`%${v1}%`} or view::text like ${`%${v1}%`}`,
    );
    expect(JSON.stringify(traces)).toMatch(/"n":0/);
    const columns = await handle.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'review_feedback' order by column_name`,
    );
    expect(JSON.stringify(columns)).not.toMatch(/edit_token|session|ip/);
  });

  it('refuses someone outside the reviewing unit and a personnummer, storing nothing', async () => {
    expect(said(await as('m2', 'C1').click('review.feedback', `${reviewId}:tip`))).toContain(
      'inte behörighet',
    );
    const before = (await handle.db.select().from(reviewFeedback)).length;
    const refused = await as('v1', 'C9').submit('review.feedback', `${reviewId}:tip`, {
      text: 'Ring 19121212-1212 så förklarar hen',
    });
    expect(said(refused)).toContain('personnummer');
    expect((await handle.db.select().from(reviewFeedback)).length).toBe(before);
    const tooLong = await as('v1', 'C9').submit('review.feedback', `${reviewId}:tip`, {
      text: 'x'.repeat(281),
    });
    expect(said(tooLong)).toContain('för lång');
  });

  it("lets the reviewing unit's manager sum up, and no member", async () => {
    expect(said(await as('v1', 'C9').click('review.comment', reviewId))).toContain(
      'inte behörighet',
    );
    const saved = await as('vmgr', 'C9').submit('review.comment', reviewId, {
      text: 'Ett tydligt resultat, vi lär oss av planeringsdagen.',
    });
    expect(JSON.stringify(updateFor(saved, reviewAnswersKey(reviewId)))).toContain(
      'vi lär oss av planeringsdagen',
    );
  });
});

describe('a tip turned into an action', () => {
  it("is made by the sharing unit's manager through the one action use case", async () => {
    const [tip] = await handle.db
      .select()
      .from(reviewFeedback)
      .where(eq(reviewFeedback.kind, 'tip'));
    expect(said(await as('m2', 'C1').click('review.tip-action', tip!.id))).toContain(
      'inte behörighet',
    );
    const form = await as('mgr', 'C1').click('review.tip-action', tip!.id);
    expect(ofKind(form, 'form')[0]?.form.inputs.map((i) => i.id)).toEqual(['text', 'owner', 'due']);
    const done = await as('mgr', 'C1').submit('review.tip-action', tip!.id, {
      text: 'Korta stående möten på måndagar',
      owner: ids.m2!,
      due: '2026-04-15',
    });
    const answers = updateFor(done, reviewAnswersKey(reviewId));
    expect(JSON.stringify(answers)).toContain('blev en åtgärd');
    expect(buttonIds(answers)).not.toContain('review.tip-action');
    const [action] = await handle.db.select().from(actions).where(eq(actions.sourceKind, 'review'));
    expect(action).toMatchObject({ unitId: ids.barn, ownerId: ids.m2, sourceItemId: tip!.id });
    const [linked] = await handle.db
      .select()
      .from(reviewFeedback)
      .where(eq(reviewFeedback.id, tip!.id));
    expect(linked?.actionId).toBe(action?.id);
    expect(said(await as('mgr', 'C1').click('review.tip-action', tip!.id))).toContain(
      'redan blivit',
    );
  });
});

describe('the reminder and the deadline', () => {
  it('reminds the reviewing unit once, however often the tick runs', async () => {
    const [review] = await handle.db.select().from(peerReviews);
    const early = new Date(review!.deadline.getTime() - REMINDER_BEFORE_MS - 60_000);
    await runTicks(early);
    const reminders = () =>
      handle.db.select().from(outbox).where(like(outbox.key, 'review-reminder:%'));
    expect(await reminders()).toHaveLength(0);
    const due = new Date(review!.deadline.getTime() - REMINDER_BEFORE_MS + 60_000);
    await runTicks(due);
    await runTicks(new Date(due.getTime() + 60_000));
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.channelId).toBe('C9');
    expect(JSON.stringify(sent[0]?.view)).toContain('Påminnelse');
  });

  it('refuses feedback after the deadline even before the tick closed it', async () => {
    const [review] = await handle.db.select().from(peerReviews);
    const late = new Date(review!.deadline.getTime() + 60_000);
    const refused = await as('v1', 'C9', late).click('review.feedback', `${reviewId}:tip`);
    expect(said(refused)).toContain('avslutad');
  });

  it('closes at the deadline, and both messages show it closed with no buttons', async () => {
    const [review] = await handle.db.select().from(peerReviews);
    const after = new Date(review!.deadline.getTime() + 60_000);
    await runTicks(after);
    const [closed] = await handle.db.select().from(peerReviews);
    expect(closed?.closedAt?.toISOString()).toBe(after.toISOString());
    for (const key of [reviewCardKey(reviewId), reviewAnswersKey(reviewId)]) {
      const [row] = await handle.db
        .select()
        .from(outbox)
        .where(eq(outbox.key, `update:${key}`));
      const view = row?.view as unknown as View;
      expect(JSON.stringify(view)).toContain('Granskningen är avslutad');
      expect(buttonIds(view)).toEqual([]);
    }
    const refused = await as('v2', 'C9', after).submit('review.feedback', `${reviewId}:tip`, {
      text: 'För sent',
    });
    expect(said(refused)).toContain('avslutad');
  });
});

describe('a risk outcome', () => {
  it('shares risks, decisions and actions without the owner or the decider', async () => {
    const [risk] = await handle.db
      .insert(dialogues)
      .values({
        kind: 'risk',
        unitId: ids.barn!,
        platform: 'slack',
        workspace: 'T1',
        channelId: 'C1',
        topic: 'Årets risker',
        phase: 'closed',
        lang: 'sv',
        startedBy: ids.mgr!,
        alongside: true,
        closedAt: new Date(T0.getTime() - 3_600_000),
      })
      .returning();
    await handle.db
      .insert(riskDialogues)
      .values({ dialogueId: risk!.id, unitId: ids.barn!, year: 2026, levels: [3, 6, 9] });
    await handle.db.insert(risks).values({
      unitId: ids.barn!,
      description: 'Hög sjukfrånvaro i helgerna',
      status: 'closed',
      dialogueId: risk!.id,
      authorId: ids.m1!,
      probability: 3,
      consequence: 4,
      process: 'work-environment',
      handling: 'action',
      decision: {
        action: {
          text: 'Se över helgschemat',
          ownerId: ids.m1!,
          ownerName: SECRET_NAME,
          dueDate: '2026-05-01',
        },
      },
      decidedBy: ids.m1!,
      decidedAt: T0,
    });
    const shared = await as('mgr', 'C1').command('dela "Årets risker" vuxen');
    expect(said(shared)).toContain('Årets risker');
    const [review] = await handle.db
      .select()
      .from(peerReviews)
      .where(eq(peerReviews.sourceDialogueId, risk!.id));
    const [card] = await handle.db
      .select()
      .from(outbox)
      .where(eq(outbox.key, reviewCardKey(review!.id)));
    const shown = JSON.stringify(card?.view) + JSON.stringify(review?.outcome);
    expect(shown).toContain(
      'Hög sjukfrånvaro i helgerna · riskvärde 12 · beslut: Åtgärd · Arbetsmiljö (SAM)',
    );
    expect(shown).not.toContain(SECRET_NAME);
  });

  it("shares with the tertial's suggested peer when no unit is named", async () => {
    // Tillit's rotation pairs Barn och unga with Vuxen; the latest closed outcome went there.
    expect(said(await as('mgr', 'C1').command('dela'))).toContain('redan delat med Vuxen');
  });

  it('explains itself when asked', async () => {
    expect(said(await as('mgr', 'C1').command('dela hjälp'))).toContain('dela <enhet>');
    expect(said(await as('m2', 'C1').command('share help'))).toContain('dela <enhet>');
  });

  it('leaves `dela runda` to the round of the pairing', async () => {
    expect(said(await as('mgr', 'C1').command('dela runda'))).toContain(
      JSON.stringify(texts('sv').pairing.round.usage).slice(1, 30),
    );
  });
});

describe("the tertial's pair", () => {
  it('is who `dela` alone shares with', async () => {
    const period = pairingPeriod(T0, 'Europe/Stockholm').name;
    await savePairs(handle.db, {
      period,
      source: 'admin',
      setBy: null,
      pairs: [{ unitId: ids.barn!, peerUnitId: ids.vuxen! }],
    });
    // The latest closed outcome (the risk dialogue) went to Vuxen above: the pair names Vuxen.
    expect(said(await as('mgr', 'C1').command('dela'))).toContain('redan delat med Vuxen');
  });
});

describe('in English', () => {
  it('shows the card and the answers in the language of the manager who shared', async () => {
    const [review] = await handle.db
      .select()
      .from(peerReviews)
      .where(eq(peerReviews.sourceDialogueId, ids.closed!));
    const shown = await loadReviewShown(handle.db, { ...review!, lang: 'en' }, T0);
    const card = JSON.stringify(reviewCardView(shown));
    expect(card).toContain('Peer review: Barn och unga – Vår vardag');
    expect(card).toContain('Feedback (3)');
    expect(card).toContain('(anonymous)');
    expect(JSON.stringify(reviewAnswersView(shown))).toContain('became an action');
  });
});
