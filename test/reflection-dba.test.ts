import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../bot/clock.js';
import { createLocalDeliverer } from '../bot/local/local-deliverer.js';
import { carryOutLocally } from '../bot/local/local-replies.js';
import { createLogger } from '../bot/log.js';
import { createSender } from '../bot/outbox/sender.js';
import type { RequestContext } from '../dialogues/core/context.js';
import type { Inbound } from '../dialogues/core/inbound.js';
import type { Outcome } from '../dialogues/core/outcome.js';
import { createInboundHandler } from '../dialogues/handle-inbound.js';
import { closeDueRounds } from '../dialogues/reflection/close-rounds.js';
import { openDueRounds } from '../dialogues/reflection/open-rounds.js';
import { ANSWER_FORM, RATE_ACTION } from '../dialogues/reflection/prompt-view.js';
import { sendDueReminders } from '../dialogues/reflection/reminders.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { createPersonWithIdentity, type Person, setRole } from '../store/queries/people.js';
import { rememberTeamsForm } from '../store/queries/teams-conversations.js';
import { createUnit } from '../store/queries/units.js';
import { selectRows } from '../store/raw-rows.js';
import { settings } from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * The database administrator's attack on the reflection's promise, played out. Ten people
 * answer four weekly rounds in an order the test knows (and so would someone who watched
 * them); each answer goes through the real use case, its "thank you" is stored by the local
 * channel, prompts and reminders are delivered to the local inbox by the real sender, and a
 * Teams form is kept for each answer. Then the round closes (and its clean-up runs), and the
 * test reads every table as `pg_dump` would, with each row's `ctid` and `xmin`, and tries
 * every link back from an answer to a person.
 */
const PEOPLE = 10;
const ROUNDS = 4;
/** The first Thursday, 14:00 in Stockholm: a round opens each week at this time. */
const FIRST_OPEN = new Date('2026-11-26T13:00:00Z');
const WEEK = 7 * 86_400_000;

let handle: DatabaseHandle;
let db: Database;
let people: Person[];
const clock = fixedClock();
const handleInbound = createInboundHandler();
const log = createLogger('error', () => {});

type Played = { roundId: string; order: Person[]; textOf: Map<string, string> };
const played: Played[] = [];
/** Each round's answers just before it closed: physical order and ids, as a DBA saw them live. */
const beforeClose = new Map<string, { ids: string[]; xmins: string[] }>();
/** The whole database after the last close and its clean-up. */
let dump: Map<string, Record<string, unknown>[]>;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  people = await createUnitWithPeople();
  const sender = createSender({
    db,
    clock,
    log,
    deliverers: [createLocalDeliverer({ db, clock })],
  });
  for (let week = 0; week < ROUNDS; week++) {
    const opens = new Date(FIRST_OPEN.getTime() + week * WEEK);
    await closeAt(opens);
    clock.set(opens);
    await openDueRounds(db, { now: opens });
    const [round] = await selectRows<{ id: string; remind_at: Date }>(
      db,
      sql`select id, remind_at from reflection_rounds where closed_at is null`,
    );
    await drain(sender);
    const order = shuffled(people);
    const textOf = new Map<string, string>();
    // Half answer on the first day, the others after the reminder the next morning.
    for (const [i, person] of order.entries()) {
      if (i === PEOPLE / 2) {
        clock.set(new Date(round!.remind_at));
        await sendDueReminders(db, { now: clock.now() });
        await drain(sender);
      }
      clock.set(new Date(clock.now().getTime() + 60_000));
      const text = `svar ${week}-${i} ${Math.random().toString(36).slice(2)}`;
      textOf.set(person.id, text);
      await answer(person, round!.id, (i % 5) + 1, text);
    }
    beforeClose.set(round!.id, await answersOf(round!.id));
    played.push({ roundId: round!.id, order, textOf });
  }
  await closeAt(new Date(FIRST_OPEN.getTime() + ROUNDS * WEEK));
  dump = await dumpDatabase();
}, 120_000);
afterAll(async () => handle?.close());

describe('after a round closes, a database administrator cannot tell who said what', () => {
  it('finds the answers in an order that is not the order they were given', async () => {
    const correlations: number[] = [];
    for (const round of played) {
      const physical = rowsOf('reflection_answers').filter((r) => r.round_id === round.roundId);
      expect(physical).toHaveLength(PEOPLE);
      const given = round.order.map((p) => round.textOf.get(p.id));
      const rankOf = (text: unknown) => given.indexOf(text as string);
      const ranks = physical.map((r) => rankOf(r.text));
      expect(new Set(ranks).size).toBe(PEOPLE);
      // A random order is the identity with probability 1/10! per round: this never flakes.
      expect(ranks).not.toEqual([...ranks].sort((a, b) => a - b));
      correlations.push(spearman(ranks));
    }
    // Averaged over four rounds, chance stays far below 0.8 (the given order would be 1).
    expect(mean(correlations)).toBeLessThan(0.8);
  });

  it('gives the answers new ids and one transaction id for all, shared with nothing personal', async () => {
    const personal = personalRows();
    const personalXmins = new Set(personal.map((r) => String(r.xmin)));
    for (const round of played) {
      const rows = rowsOf('reflection_answers').filter((r) => r.round_id === round.roundId);
      const old = beforeClose.get(round.roundId)!;
      for (const row of rows) expect(old.ids).not.toContain(row.id);
      expect(new Set(rows.map((r) => String(r.xmin))).size).toBe(1);
      expect(personalXmins.has(String(rows[0]!.xmin))).toBe(false);
    }
  });

  it('keeps no record anywhere that names a person together with a closed round', async () => {
    const roundIds = played.map((r) => r.roundId);
    const offenders = personalRows().filter((row) => {
      const json = JSON.stringify(row);
      return roundIds.some((id) => json.includes(id));
    });
    expect(offenders.map((r) => r.__table)).toEqual([]);
  });

  it('keeps no "thank you" for an answer, and no form with a clicked rating', async () => {
    const thanks = rowsOf('local_messages').filter((r) =>
      JSON.stringify(r.view).includes(sv.reflection.thanks),
    );
    expect(thanks).toEqual([]);
    expect(rowsOf('teams_forms')).toEqual([]);
  });

  it('keeps who was asked and who answered only as counts on the round', async () => {
    expect(rowsOf('reflection_participation')).toEqual([]);
    expect(rowsOf('reflection_invitations')).toEqual([]);
    for (const round of played) {
      const row = rowsOf('reflection_rounds').find((r) => r.id === round.roundId)!;
      expect(row.answered_count).toBe(PEOPLE);
    }
  });
});

/** Rows of every table that name one of the people (their id or key), tagged with the table. */
function personalRows(): Record<string, unknown>[] {
  const names = people.flatMap((p) => [p.id, p.key]);
  const rows: Record<string, unknown>[] = [];
  for (const [table, tableRows] of dump) {
    for (const row of tableRows) {
      const json = JSON.stringify(row);
      if (names.some((n) => json.includes(n))) rows.push({ ...row, __table: table });
    }
  }
  return rows;
}

const rowsOf = (table: string) => dump.get(table) ?? [];

/** Every table of the schema, every row with its ctid and xmin, in physical order. */
async function dumpDatabase(): Promise<Map<string, Record<string, unknown>[]>> {
  const tables = await selectRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const all = new Map<string, Record<string, unknown>[]>();
  for (const { name } of tables) {
    all.set(
      name,
      await selectRows(
        db,
        sql`select ctid::text as ctid, xmin::text as xmin, t.* from ${sql.identifier(name)} t
            order by ctid`,
      ),
    );
  }
  return all;
}

async function answersOf(roundId: string) {
  const rows = await selectRows<{ id: string; xmin: string }>(
    db,
    sql`select id, xmin::text as xmin from reflection_answers where round_id = ${roundId} order by ctid`,
  );
  return { ids: rows.map((r) => r.id), xmins: rows.map((r) => r.xmin) };
}

/** The rating button on the prompt, a Teams form kept as Teams does, the submit, the thanks. */
async function answer(person: Person, roundId: string, rating: number, text: string) {
  const opened = await send(person, {
    kind: 'action',
    action: { id: RATE_ACTION, value: `${roundId}:${rating}` },
  });
  const form = opened.replies.find((r) => r.kind === 'form');
  if (form?.kind !== 'form') throw new Error(`no answer form: ${JSON.stringify(opened)}`);
  await rememberTeamsForm(db, {
    activityId: `activity-${roundId}-${person.key}`,
    conversationId: `a:personal-${person.key}`,
    form: form.form as unknown as Record<string, unknown>,
  });
  const submitted = await send(person, {
    kind: 'submit',
    formId: ANSWER_FORM,
    state: roundId,
    values: { rating: String(rating), text },
  });
  await carryOutLocally(
    { db, refresh: async () => {} },
    { personId: person.id, channelId: null, now: clock.now() },
    submitted.replies,
  );
  expect(JSON.stringify(submitted.replies)).toContain(sv.reflection.thanks);
}

function send(person: Person, inbound: Inbound): Promise<Outcome> {
  const ctx: RequestContext = {
    db,
    now: clock.now(),
    settings,
    caller: { platform: 'local', workspace: '', externalId: person.key },
    place: { platform: 'local', workspace: '', channelId: null },
    directory: { displayName: async () => null },
    // On the server, answers go through the group commit, as in the running bot.
    answerWriter: handle.answerWriter,
  };
  return handleInbound(ctx, inbound);
}

async function closeAt(now: Date) {
  clock.set(now);
  await closeDueRounds(db, { now });
}

async function drain(sender: ReturnType<typeof createSender>) {
  while ((await sender.runOnce()) > 0) {}
}

async function createUnitWithPeople(): Promise<Person[]> {
  const unit = await createUnit(db, {
    key: 'dba',
    name: 'Enhet DBA',
    level: 'unit',
    parentId: null,
  });
  const created: Person[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const key = `dba-person-${i}`;
    const person = await createPersonWithIdentity(db, {
      key,
      name: `Person ${i}`,
      identity: { platform: 'local', workspace: '', externalId: key },
    });
    await setRole(db, { personId: person.id, unitId: unit.id, role: 'member' });
    created.push(person);
  }
  return created;
}

function fixedClock(): Clock & { set(at: Date): void } {
  let current = FIRST_OPEN;
  return {
    now: () => current,
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
    set: (at) => {
      current = at;
    },
  };
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Spearman's rank correlation between position and rank (both 0..n-1, no ties). */
function spearman(ranks: number[]): number {
  const n = ranks.length;
  const d2 = ranks.reduce((sum, rank, position) => sum + (rank - position) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
