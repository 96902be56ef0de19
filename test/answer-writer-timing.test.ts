import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../dialogues/core/context.js';
import type { Inbound } from '../dialogues/core/inbound.js';
import { createInboundHandler } from '../dialogues/handle-inbound.js';
import { openDueRounds } from '../dialogues/reflection/open-rounds.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { DatabaseHandle } from '../store/database.js';
import type { ReflectionRound } from '../store/queries/reflection-rounds.js';
import { selectRows } from '../store/raw-rows.js';
import { reflectionRounds } from '../store/schema/index.js';
import {
  createReflectionOrg,
  type ReflectionOrg,
  settings,
  TEAM,
  userIdOf,
} from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * What the person hears about a reflection answer written by the group commit is true, even
 * when its batch waits past the budget (here: behind a round held by another transaction, as
 * a close or a reminder run holds it). Only on the server: the writer exists there alone.
 */
const SERVER = process.env.TEST_DATABASE_URL;
const OPENS = new Date('2026-11-26T13:00:00Z');
const DURING = new Date('2026-11-26T15:00:00Z');
/** A budget whose answer window (budget minus the 500 ms commit margin) closes at 200 ms. */
const timing = { budgetMs: 700, reachable: async () => true };

let handle: DatabaseHandle;
let org: ReflectionOrg;
let round: ReflectionRound;
let holder: postgres.Sql;

describe.skipIf(!SERVER)('the answer writer against the answer budget', () => {
  beforeAll(async () => {
    handle = await openTestDatabase();
    org = await createReflectionOrg(handle.db, { key: 'late', count: 3 });
    await openDueRounds(handle.db, { now: OPENS });
    [round] = (await handle.db
      .select()
      .from(reflectionRounds)
      .where(eq(reflectionRounds.unitId, org.unit.id))) as [ReflectionRound];
    const url = new URL(SERVER!);
    const [{ name }] = await handle.db
      .execute(sql`select current_database() as name`)
      .then((rows) => rows as unknown as [{ name: string }]);
    url.pathname = `/${name}`;
    holder = postgres(url.toString(), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await holder?.end();
    await handle?.close();
  });

  const submit = (person: ReflectionOrg['members'][number], text: string) => {
    const ctx: RequestContext = {
      db: handle.db,
      now: DURING,
      settings,
      caller: { platform: 'slack', workspace: TEAM, externalId: userIdOf(person.key) },
      place: { platform: 'slack', workspace: TEAM, channelId: null },
      directory: { displayName: async () => null },
      answerWriter: handle.answerWriter,
    };
    const inbound: Inbound = {
      kind: 'submit',
      formId: 'reflection.answer',
      state: round.id,
      values: { rating: '4', text },
    };
    return createInboundHandler(undefined, timing)(ctx, inbound);
  };

  /** Holds the round as a close does, for `ms`, while `work` runs. */
  async function whileRoundHeld<T>(ms: number, work: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const transaction = holder.begin(async (tx) => {
      await tx`select id from reflection_rounds where id = ${round.id} for update`;
      locked();
      await held;
    });
    await isLocked;
    const result = work();
    setTimeout(release, ms);
    await transaction;
    return result;
  }

  const stored = async (text: string) =>
    (
      await selectRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from reflection_answers where text = ${text}`,
      )
    )[0]!.n;

  it('says "stored" when the batch was claimed before the window closed, however long it waits', async () => {
    const outcome = await whileRoundHeld(1_200, () => submit(org.members[0]!, 'väntade länge'));
    expect(JSON.stringify(outcome.replies)).toContain(sv.reflection.thanks);
    expect(outcome.failure).toBeUndefined();
    expect(await stored('väntade länge')).toBe(1);
  });
});
