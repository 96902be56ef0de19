import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewTicks } from '../dialogues/review/review-ticks.js';
import type { Database } from '../store/database.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { addReviewFeedback, listReviewFeedback } from '../store/queries/peer-reviews.js';
import { selectRows } from '../store/raw-rows.js';
import { dialogues, identities, peerReviews, people, units } from '../store/schema/index.js';
import {
  type LocalPerson,
  type LocalTestTillit,
  listLocalPeople,
  postLocal,
  startLocalTillit,
} from './support/local-tillit.js';
import {
  deliverTeamsOutbox,
  startTeamsTillit,
  type TeamsTestTillit,
} from './support/start-teams-tillit.js';
import {
  aadOf,
  cardOf,
  findAllActions,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  teamsUnit,
  teamsUserIdOf,
} from './support/teams-session.js';

/**
 * The database administrator's attack on anonymous peer-review feedback (issue #21): a member
 * of the reviewing unit gives anonymous feedback through the real handler, on the local
 * channel and on Teams. Then the test reads every table, every column, as `pg_dump` would,
 * and looks for a row that names the writer (person id, key, login, Teams conversation)
 * together with the feedback's text, its kind or its review, or with the minute it was given.
 */

const SECRET = 'Prova korta stående möten på måndagar';
const HOUR = 3_600_000;

type Dump = Map<string, Record<string, unknown>[]>;

/** Every table of the schema, every row with its ctid and xmin. */
async function dumpDatabase(db: Database): Promise<Dump> {
  const tables = await selectRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const all: Dump = new Map();
  for (const { name } of tables) {
    all.set(
      name,
      await selectRows(
        db,
        sql`select ctid::text as ctid, xmin::text as xmin, t.* from ${sql.identifier(name)} t`,
      ),
    );
  }
  return all;
}

/** Timestamps of a row, to the minute (ISO `YYYY-MM-DDTHH:MM`). */
function minutesOf(row: Record<string, unknown>): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (value instanceof Date) found.push(value.toISOString().slice(0, 16));
    else if (typeof value === 'string') {
      for (const m of value.matchAll(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/g)) {
        found.push(m[0].replace(' ', 'T'));
      }
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(row);
  return found;
}

const text = (row: Record<string, unknown>) =>
  JSON.stringify(row, (_k, v) => (v instanceof Date ? v.toISOString() : v));

/** A row as its content, without where it sits (ctid) or which transaction wrote it (xmin). */
const contentOf = (row: Record<string, unknown>) => {
  const { ctid: _c, xmin: _x, ...rest } = row;
  return text(rest);
};

/**
 * Rows that tie the writer to the feedback: a row naming the writer that also holds the text,
 * the review (with or without its kind), or a time in the minute the feedback was given, by
 * Tillit's clock or the database's. For the time, rows already there before the writer
 * clicked (as they were) are left out: they were written when the test set up the org, which
 * in life is days before.
 */
function linkingRows(
  dump: Dump,
  writer: { names: string[]; reviewId: string; minutes: string[]; before: Dump },
): string[] {
  const existed = new Set([...writer.before.values()].flat().map(contentOf));
  const links: string[] = [];
  for (const [table, rows] of dump) {
    for (const row of rows) {
      const json = text(row);
      if (!writer.names.some((n) => json.includes(n))) continue;
      const fresh = !existed.has(contentOf(row));
      const times = minutesOf(row).filter((m) => writer.minutes.includes(m));
      const why = [
        json.includes(SECRET) && 'text',
        json.includes(writer.reviewId) && 'review',
        fresh && times.length > 0 && `time ${times.join(' ')}`,
      ].filter(Boolean);
      if (why.length > 0) links.push(`${table} (${why.join(', ')}): ${json.slice(0, 400)}`);
    }
  }
  return links;
}

/** The anonymous feedback as stored: no author, and a time no finer than the day. */
async function expectStoredWithoutMinute(db: Database, givenAt: Date) {
  const rows = await selectRows<{ author_person_id: string | null; created_at: Date | string }>(
    db,
    sql`select author_person_id, created_at from review_feedback where text = ${SECRET}`,
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]!.author_person_id).toBeNull();
  const stored = new Date(rows[0]!.created_at);
  expect(stored.toISOString().slice(0, 16)).not.toBe(givenAt.toISOString().slice(0, 16));
  expect(stored.toISOString().slice(11)).toBe('00:00:00.000Z');
}

/** A closed SWOT of the sharing unit, so its manager has an outcome to share. */
async function closedSwot(
  db: Database,
  params: { unitId: string; platform: 'local' | 'teams'; channelId: string; by: string; at: Date },
) {
  await db.insert(dialogues).values({
    kind: 'swot',
    unitId: params.unitId,
    platform: params.platform,
    workspace: '',
    channelId: params.channelId,
    topic: 'Vår vardag',
    phase: 'closed',
    lang: 'sv',
    startedBy: params.by,
    createdAt: new Date(params.at.getTime() - 10 * 24 * HOUR),
    closedAt: new Date(params.at.getTime() - 24 * HOUR),
  });
}

/** Well away from real time, so no row written by the database's own clock shares a minute. */
const start = () => new Date(Date.now() + 50 * 24 * HOUR);

/** The minute now, by Tillit's clock and by the database's (real time). */
const minutesNow = (clock: { now(): Date }) => [
  clock.now().toISOString().slice(0, 16),
  new Date().toISOString().slice(0, 16),
];

describe('local channel: anonymous feedback keeps nothing that names its writer', () => {
  let t: LocalTestTillit;
  let writer: LocalPerson;
  let reviewId = '';
  let before: Dump;

  beforeAll(async () => {
    t = await startLocalTillit({ start: start() });
    const db = t.database.db;
    const everyone = await listLocalPeople(t.url);
    const [sharing, reviewing] = await db.select().from(units).where(eq(units.level, 'section'));
    const roleIn = (unitKey: string, role: string) =>
      everyone.find((p) => p.roles.some((r) => r.unitKey === unitKey && r.role === role))!;
    const manager = roleIn(sharing!.key, 'manager');
    writer = roleIn(reviewing!.key, 'member');
    const [mgr] = await db.select().from(people).where(eq(people.key, manager.key));
    await closedSwot(db, {
      unitId: sharing!.id,
      platform: 'local',
      channelId: sharing!.key,
      by: mgr!.id,
      at: t.tillit.clock.now(),
    });
    const shared = await postLocal(t.url, 'command', {
      person: manager.key,
      channel: sharing!.key,
      text: `dela ${reviewing!.key}`,
    });
    expect(shared.status).toBe(200);
    await t.tillit.sender.runOnce();
    const [review] = await db.select().from(peerReviews);
    reviewId = review!.id;
    t.tillit.clock.advance(3 * HOUR);
    before = await dumpDatabase(db);
    const at = { person: writer.key, channel: reviewing!.key };
    const opened = await postLocal(t.url, 'action', {
      ...at,
      action: { id: 'review.feedback', value: `${reviewId}:tip` },
    });
    expect(opened.status).toBe(200);
    const given = await postLocal(t.url, 'submit', {
      ...at,
      formId: 'review.feedback',
      state: `${reviewId}:tip`,
      values: { text: SECRET, anonymous: ['yes'] },
    });
    expect(given.status).toBe(200);
    // The writer is thanked on the page, and the thanks is kept nowhere.
    expect((given.body as { notice?: string }).notice).toContain('utan namn');
    await t.tillit.settle();
    await t.tillit.sender.runOnce();
  });
  afterAll(async () => t?.close());

  it('stores the feedback with no author and only its day', async () => {
    await expectStoredWithoutMinute(t.database.db, t.tillit.clock.now());
  });

  it('leaves no row naming the writer with the text, the review or the minute', async () => {
    const db = t.database.db;
    const [person] = await db.select().from(people).where(eq(people.key, writer.key));
    const logins = await db.select().from(identities).where(eq(identities.personId, person!.id));
    const names = [person!.id, writer.key, ...logins.map((l) => l.externalId)];
    const dump = await dumpDatabase(db);
    const minutes = minutesNow(t.tillit.clock);
    expect(linkingRows(dump, { names, reviewId, minutes, before })).toEqual([]);
  });
});

describe('Teams: anonymous feedback keeps nothing that names its writer', () => {
  let t: TeamsTestTillit;
  const SHARING = teamsChannelId('delar');
  const REVIEWING = teamsChannelId('granskar');
  let reviewId = '';
  let before: Dump;

  beforeAll(async () => {
    t = await startTeamsTillit({ start: start() });
    const db = t.database.db;
    await syncOrg(db, {
      units: [teamsUnit('delar', SHARING), teamsUnit('granskar', REVIEWING)],
      people: [
        teamsPerson('chef', [{ unit: 'delar', role: 'manager' }]),
        teamsPerson('skribent', [{ unit: 'granskar', role: 'member' }]),
      ],
    });
    const [sharing] = await db.select().from(units).where(eq(units.key, 'delar'));
    const [chef] = await db.select().from(people).where(eq(people.key, 'chef'));
    await closedSwot(db, {
      unitId: sharing!.id,
      platform: 'teams',
      channelId: SHARING,
      by: chef!.id,
      at: t.tillit.clock.now(),
    });
    t.connector.addMembers(
      ['chef', 'skribent'].map((key) => ({
        id: teamsUserIdOf(key),
        name: key,
        aadObjectId: aadOf(key),
      })),
    );
    const s = teamsSession(t);
    // Tillit was added to the reviewing unit's channel: that reference is how its card gets there.
    await s.command('skribent', 'hjälp', { channel: REVIEWING });
    // The writer has written to Tillit 1:1 before (a first 1:1 chat is recorded when it opens).
    await s.command('skribent', 'hjälp', 'personal');
    await s.command('chef', 'dela granskar', { channel: SHARING });
    await t.tillit.settle();
    await deliverTeamsOutbox(t);
    const [review] = await db.select().from(peerReviews);
    reviewId = review!.id;
    const card = s.inChannel(REVIEWING).at(-1)!;
    t.tillit.clock.advance(3 * HOUR);
    before = await dumpDatabase(db);
    const since = s.since();
    const tip = findAllActions(cardOf(card)).find(
      (a) => a.data?.tillit?.id === 'review.feedback' && a.data.tillit.value === `${reviewId}:tip`,
    );
    await s.clickData('skribent', card, tip!.data!);
    const form = s.privateTo('skribent', since).at(-1) ?? s.inChannel(REVIEWING, since).at(-1)!;
    await s.submit('skribent', form, { text: SECRET, anonymous: 'yes' });
    await t.tillit.settle();
    await deliverTeamsOutbox(t);
  });
  afterAll(async () => t?.close());

  it('stores the feedback with no author and only its day', async () => {
    await expectStoredWithoutMinute(t.database.db, t.tillit.clock.now());
  });

  it('leaves no row naming the writer with the text, the review or the minute', async () => {
    const db = t.database.db;
    const [person] = await db.select().from(people).where(eq(people.key, 'skribent'));
    const logins = await db.select().from(identities).where(eq(identities.personId, person!.id));
    const conversation = t.connector.personalConversationOf(teamsUserIdOf('skribent'));
    const names = [
      person!.id,
      teamsUserIdOf('skribent'),
      conversation,
      ...logins.map((l) => l.externalId),
    ];
    const dump = await dumpDatabase(db);
    const minutes = minutesNow(t.tillit.clock);
    expect(linkingRows(dump, { names, reviewId, minutes, before })).toEqual([]);
  });
});

describe('the order feedback is shown in', () => {
  it("puts a day's anonymous feedback before its named feedback, whenever it was given", async () => {
    const t = await startLocalTillit({ start: start() });
    try {
      const db = t.database.db;
      const [sharing, reviewing] = await db.select().from(units).where(eq(units.level, 'section'));
      const [someone] = await db.select().from(people);
      const [dialogue] = await db
        .insert(dialogues)
        .values({
          kind: 'swot',
          unitId: sharing!.id,
          platform: 'local',
          workspace: '',
          channelId: sharing!.key,
          topic: 'Ordning',
          phase: 'closed',
          lang: 'sv',
          startedBy: someone!.id,
        })
        .returning();
      const [review] = await db
        .insert(peerReviews)
        .values({
          sharingUnitId: sharing!.id,
          reviewingUnitId: reviewing!.id,
          sourceKind: 'swot',
          sourceDialogueId: dialogue!.id,
          outcome: {
            kind: 'swot',
            topic: 'Ordning',
            unitName: '',
            closedAt: '',
            top: [],
            actions: [],
          },
          lang: 'sv',
          sharedBy: someone!.id,
          deadline: new Date('2030-01-01T00:00:00Z'),
          createdAt: new Date('2026-03-01T00:00:00Z'),
        })
        .returning();
      const give = (text: string, at: string, author: string | null) =>
        addReviewFeedback(db, {
          reviewId: review!.id,
          kind: 'tip',
          text,
          authorPersonId: author,
          now: new Date(at),
        });
      await give('named early', '2026-03-02T09:00:00Z', someone!.id);
      await give('anonymous between', '2026-03-02T09:05:00Z', null);
      await give('named late', '2026-03-02T09:10:00Z', someone!.id);
      await give('anonymous next day', '2026-03-03T08:00:00Z', null);
      const shown = await listReviewFeedback(db, { reviewId: review!.id });
      expect(shown.map((f) => f.text)).toEqual([
        'anonymous between',
        'named early',
        'named late',
        'anonymous next day',
      ]);
      expect(shown[0]!.createdAt.toISOString()).toBe('2026-03-02T00:00:00.000Z');

      // At the close, the anonymous rows are written anew together, in random order: neither
      // their place in the table nor their transaction id says when each was written.
      const rows = () =>
        selectRows<{ id: string; text: string; xmin: string }>(
          db,
          sql`select id, text, xmin::text as xmin from review_feedback
              where review_id = ${review!.id} order by ctid`,
        );
      const written = await rows();
      const anonymous = (list: typeof written) => list.filter((r) => r.text.startsWith('anon'));
      expect(new Set(anonymous(written).map((r) => r.xmin)).size).toBe(2);
      const [deadlines] = reviewTicks().filter((tick) => tick.name === 'peer-review-deadlines');
      await deadlines!.run({
        db,
        now: new Date('2030-01-02T00:00:00Z'),
        settings: {
          defaultLang: 'sv',
          defaultTimezone: 'Europe/Stockholm',
          anonymityThreshold: 5,
          publicUrl: null,
        },
        refresh: async () => {},
      });
      const after = await rows();
      expect(new Set(anonymous(after).map((r) => r.xmin)).size).toBe(1);
      expect(after.slice(0, 2).map((r) => r.text)).toEqual(['named early', 'named late']);
      // The ids stay: an action made of a tip still names it.
      expect(
        anonymous(after)
          .map((r) => r.id)
          .sort(),
      ).toEqual(
        anonymous(written)
          .map((r) => r.id)
          .sort(),
      );
    } finally {
      await t.close();
    }
  });
});
