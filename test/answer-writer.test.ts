import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommitGuard } from '../dialogues/core/commit-guard.js';
import { AnswerWithdrawn, createAnswerWriter, UnstorableText } from '../store/answer-writer.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import type { AnswerToStore } from '../store/queries/reflection-answers.js';
import { createRound } from '../store/queries/reflection-rounds.js';
import { createUnit } from '../store/queries/units.js';
import { selectRows } from '../store/raw-rows.js';
import { people } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * The group commit of reflection answers (store/answer-writer): answers sent together are
 * written together, in random order, in one transaction; each caller hears its own result
 * only after that commit; one answer the database refuses does not take the others with it.
 */
let handle: DatabaseHandle;
let db: Database;
let unitId: string;
let personIds: string[];
const NOW = new Date('2026-12-03T10:00:00Z');
let roundSeq = 0;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  unitId = (await createUnit(db, { key: 'writer', name: 'Writer', level: 'unit', parentId: null }))
    .id;
  const rows = Array.from({ length: 60 }, (_, i) => ({ key: `w-${i}`, name: `W ${i}` }));
  personIds = (await db.insert(people).values(rows).returning({ id: people.id })).map((r) => r.id);
});
afterAll(async () => handle?.close());

async function newRound(closesInMs = 86_400_000): Promise<string> {
  roundSeq++;
  const round = await createRound(db, {
    unitId,
    roundDate: `2026-01-${String(roundSeq).padStart(2, '0')}`,
    principle: 'trust',
    questionIndex: 0,
    opensAt: new Date(NOW.getTime() - 3_600_000),
    remindAt: new Date(NOW.getTime() + 3_600_000),
    closesAt: new Date(NOW.getTime() + closesInMs),
  });
  if (!round) throw new Error('round not created');
  return round.id;
}

const answer = (roundId: string, i: number, text: string | null = null): AnswerToStore => ({
  roundId,
  personId: personIds[i]!,
  now: NOW,
  rating: (i % 5) + 1,
  text,
});

/** Each answer row of the round with its physical place and the transaction that wrote it. */
async function written(roundId: string) {
  return selectRows<{ rating: number; text: string | null; xmin: string }>(
    db,
    sql`select rating, text, xmin::text as xmin from reflection_answers
        where round_id = ${roundId} order by ctid`,
  );
}

describe('the answer writer', () => {
  it('writes answers sent together in one commit, in an order that is not the order sent', async () => {
    const roundId = await newRound();
    const writer = createAnswerWriter(db);
    // The first answer starts a write at once; the 40 sent meanwhile wait and go as one batch.
    const sent = Array.from({ length: 41 }, (_, i) => answer(roundId, i, `svar ${i}`));
    const results = await Promise.all(sent.map((a) => writer.store(a)));
    await writer.close();

    expect(results).toEqual(sent.map(() => 'stored'));
    const rows = await written(roundId);
    expect(rows).toHaveLength(41);
    expect(new Set(rows.map((r) => r.xmin)).size).toBe(2);
    const participation = await selectRows<{ xmin: string }>(
      db,
      sql`select xmin::text as xmin from reflection_participation where round_id = ${roundId}`,
    );
    // Who took part was written in the same two transactions: nothing finer to pair them by.
    expect(new Set(participation.map((r) => r.xmin))).toEqual(new Set(rows.map((r) => r.xmin)));
    const batch = rows.filter((r) => r.text !== 'svar 0').map((r) => r.text);
    const sentOrder = sent.slice(1).map((a) => a.text);
    expect(batch).not.toEqual(sentOrder);
    expect([...batch].sort()).toEqual([...sentOrder].sort());
  });

  it('answers the same person twice in one batch once: the second is refused', async () => {
    const roundId = await newRound();
    const writer = createAnswerWriter(db);
    const results = await Promise.all([
      writer.store(answer(roundId, 0)),
      writer.store(answer(roundId, 1)),
      writer.store(answer(roundId, 1)),
      writer.store(answer(roundId, 2)),
    ]);
    await writer.close();
    expect(results).toEqual(['stored', 'stored', 'already-answered', 'stored']);
    expect(await written(roundId)).toHaveLength(3);
  });

  it('writes nothing for a request that was answered "nothing was saved" before its batch', async () => {
    const roundId = await newRound();
    const writer = createAnswerWriter(db);
    const kept = writer.store(answer(roundId, 0));
    const withdrawn = writer
      .store(answer(roundId, 1), () => false)
      .catch((error: unknown) => error);
    await expect(kept).resolves.toBe('stored');
    expect(await withdrawn).toBeInstanceOf(AnswerWithdrawn);
    await writer.close();
    expect(await written(roundId)).toHaveLength(1);
  });

  it('refuses a text the database cannot hold before it joins a batch, and keeps the others', async () => {
    const roundId = await newRound();
    const writer = createAnswerWriter(db);
    const results = await Promise.allSettled([
      writer.store(answer(roundId, 0, 'först')),
      writer.store(answer(roundId, 1, 'bra')),
      // A NUL character, and half a surrogate pair: Postgres text cannot hold them.
      writer.store(answer(roundId, 2, 'trasig \u0000 text')),
      writer.store(answer(roundId, 3, 'halv \uD83D')),
      writer.store(answer(roundId, 4, 'också bra')),
    ]);
    await writer.close();
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(UnstorableText);
    const rows = await written(roundId);
    expect(new Set(rows.map((r) => r.text))).toEqual(new Set(['först', 'bra', 'också bra']));
  });

  it('fails every answer of a batch the database refuses, rather than writing them one by one', async () => {
    const roundId = await newRound();
    const writer = createAnswerWriter(db);
    const first = writer.store(answer(roundId, 0));
    // Sent while the first is written, so they share a batch; one names nobody Tillit knows,
    // and the participation row's reference fails the whole statement.
    const batch = [
      writer.store(answer(roundId, 1)),
      writer.store({ ...answer(roundId, 2), personId: '00000000-0000-4000-8000-000000000000' }),
      writer.store(answer(roundId, 3)),
    ];
    await expect(first).resolves.toBe('stored');
    const settled = await Promise.allSettled(batch);
    await writer.close();
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // Only the first answer is there: no answer of the failed batch got a commit of its own.
    expect(await written(roundId)).toHaveLength(1);
  });

  it('commits to writing once claimed: a request answered "nothing was saved" first withdraws', async () => {
    const roundId = await newRound();
    const writer = createAnswerWriter(db);
    const claimedGuard = createCommitGuard();
    const closedGuard = createCommitGuard();
    const first = writer.store(answer(roundId, 0));
    closedGuard.close();
    const claimed = writer.store(answer(roundId, 1), () => claimedGuard.claim());
    const withdrawn = writer
      .store(answer(roundId, 2), () => closedGuard.claim())
      .catch((error: unknown) => error);
    await first;
    await expect(claimed).resolves.toBe('stored');
    // Once claimed, the channel cannot answer "nothing was saved" any more: it waits instead.
    expect(claimedGuard.close()).toBe(false);
    expect(await withdrawn).toBeInstanceOf(AnswerWithdrawn);
    await writer.close();
    expect(await written(roundId)).toHaveLength(2);
  });

  it('refuses answers to a round that has closed, and stores none of them', async () => {
    const roundId = await newRound();
    await db.execute(sql`update reflection_rounds set closed_at = now() where id = ${roundId}`);
    const writer = createAnswerWriter(db);
    const results = await Promise.all([0, 1].map((i) => writer.store(answer(roundId, i))));
    await writer.close();
    expect(results).toEqual(['closed', 'closed']);
    expect(await written(roundId)).toHaveLength(0);
  });

  it('refuses more answers once closed', async () => {
    const writer = createAnswerWriter(db);
    await writer.close();
    await expect(writer.store(answer(await newRound(), 0))).rejects.toThrow(/closed/);
  });
});
