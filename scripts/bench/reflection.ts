import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { createAnswerWriter } from '../../store/answer-writer.js';
import type { Database } from '../../store/database.js';
import { storeAnswer } from '../../store/queries/reflection-answers.js';
import { createRound, inviteToRound } from '../../store/queries/reflection-rounds.js';
import { createUnit } from '../../store/queries/units.js';
import { people } from '../../store/schema/index.js';
import { withBenchDatabase } from './bench-database.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 32);
const BATCH = 500;
const BATCHES = 8;
/** Targets from the issue: absolute, and relative to the plain insert. */
const TARGET_PER_SECOND = 2_000;
const TARGET_RATIO = 0.5;
const WARM_UP = 100;

export async function run(): Promise<void> {
  await withBenchDatabase(SERVER, async ({ url }) => {
    // The plain insert on a pool as wide as the workers (the app's own pool is 10):
    // concurrent commits share the disk's flushes. The answers go as the app writes them:
    // through the answer writer on its one connection of its own (store/database.ts).
    const client = postgres(url, { max: WORKERS, onnotice: () => {} });
    const writerClient = postgres(url, { max: 1, onnotice: () => {} });
    const asDatabase = (c: postgres.Sql) =>
      drizzle(c, { casing: 'snake_case' }) as unknown as Database;
    try {
      await measure(asDatabase(client), asDatabase(writerClient));
    } finally {
      await Promise.all([client.end({ timeout: 5 }), writerClient.end({ timeout: 5 })]);
    }
  });
}

async function measure(db: Database, writerDb: Database) {
  const total = BATCH * BATCHES;
  const everyone = total + WARM_UP;
  const unit = await createUnit(db, { key: 'bench', name: 'Bench', level: 'unit', parentId: null });
  const personIds: string[] = [];
  for (let start = 0; start < everyone; start += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, everyone - start) }, (_, i) => ({
      key: `bench-${start + i}`,
      name: `Bench ${start + i}`,
    }));
    personIds.push(
      ...(await db.insert(people).values(rows).returning({ id: people.id })).map((r) => r.id),
    );
  }
  const now = new Date();
  const round = await benchRound(db, unit.id, now, '2026-01-01');
  const singleRound = await benchRound(db, unit.id, now, '2026-01-08');
  await inviteToRound(db, { roundId: round.id, personIds });
  await inviteToRound(db, { roundId: singleRound.id, personIds });
  await db.execute(sql`create table bench_plain_answers (
    id uuid primary key default gen_random_uuid(),
    round_id uuid not null, unit_id uuid not null, principle reflection_principle not null,
    rating smallint, text text)`);

  const values = (i: number) => ({
    rating: (i % 5) + 1,
    text:
      i % 2 === 0
        ? `Reflektion nummer ${i}: ${'samarbetet fungerade bra den här veckan. '.repeat(2)}`
        : null,
  });
  const plainOne = async (i: number) => {
    const v = values(i);
    await db.execute(sql`insert into bench_plain_answers (round_id, unit_id, principle, rating, text)
      values (${round.id}, ${unit.id}, 'trust', ${v.rating}, ${v.text})`);
  };
  const writer = createAnswerWriter(writerDb);
  const answerOf = (i: number, roundId = round.id) => ({
    roundId,
    personId: personIds[i]!,
    now,
    ...values(i),
  });
  const answerOne = async (i: number) => {
    const result = await writer.store(answerOf(i));
    if (result !== 'stored') throw new Error(`answer ${i} not stored: ${result}`);
  };
  // For comparison only: one answer per statement and commit, as on the embedded database.
  const singleOne = async (i: number) => {
    const result = await storeAnswer(db, answerOf(i, singleRound.id));
    if (result !== 'stored') throw new Error(`answer ${i} not stored: ${result}`);
  };

  // A warm-up batch of each, not counted, then alternating measured batches.
  await inParallel(total, everyone, plainOne);
  await inParallel(total, everyone, answerOne);
  await inParallel(total, everyone, singleOne);
  let plainMs = 0;
  let answerMs = 0;
  let singleMs = 0;
  for (let batch = 0; batch < BATCHES; batch++) {
    const from = batch * BATCH;
    plainMs += await timed(() => inParallel(from, from + BATCH, plainOne));
    answerMs += await timed(() => inParallel(from, from + BATCH, answerOne));
    singleMs += await timed(() => inParallel(from, from + BATCH, singleOne));
  }
  await writer.close();
  const plainRate = (total / plainMs) * 1_000;
  const answerRate = (total / answerMs) * 1_000;
  const singleRate = (total / singleMs) * 1_000;
  const ratio = answerRate / plainRate;
  const met = answerRate >= TARGET_PER_SECOND && ratio >= TARGET_RATIO;
  console.log(`reflection answers (${total}, ${WORKERS} concurrent clients, Postgres):`);
  console.log(`  stored answers (writer):  ${Math.round(answerRate).toLocaleString('en')}/s`);
  console.log(`  plain single-row insert:  ${Math.round(plainRate).toLocaleString('en')}/s`);
  console.log(`  ratio:                    ${Math.round(ratio * 100)} % of the plain insert`);
  console.log(
    `  (one answer per commit, as on the embedded database: ${Math.round(singleRate).toLocaleString('en')}/s, ${Math.round((singleRate / plainRate) * 100)} %)`,
  );
  console.log(
    `  target ≥ ${TARGET_PER_SECOND.toLocaleString('en')}/s and ≥ ${TARGET_RATIO * 100} %: ${met ? 'met' : 'NOT met'}`,
  );
  if (!met) process.exitCode = 1;
}

/** Runs job(i) for i in [from, to) on WORKERS concurrent workers. */
async function inParallel(from: number, to: number, job: (i: number) => Promise<void>) {
  let next = from;
  const worker = async () => {
    while (next < to) await job(next++);
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function benchRound(db: Database, unitId: string, now: Date, roundDate: string) {
  const round = await createRound(db, {
    unitId,
    roundDate,
    principle: 'trust',
    questionIndex: 0,
    opensAt: new Date(now.getTime() - 3_600_000),
    remindAt: new Date(now.getTime() + 86_400_000),
    closesAt: new Date(now.getTime() + 7 * 86_400_000),
  });
  if (!round) throw new Error('bench round not created');
  return round;
}
