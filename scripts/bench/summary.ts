import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { buildSummary, summaryWindows } from '../../dialogues/summary/build-summary.js';
import { readPeriod } from '../../dialogues/summary/period.js';
import { STOP_WORDS } from '../../dialogues/summary/themes.js';
import type { Database, DatabaseHandle } from '../../store/database.js';
import { summaryRows } from '../../store/queries/summary-sql.js';
import { selectRows } from '../../store/raw-rows.js';
import { withBenchDatabase } from './bench-database.js';
import { baselineQuery } from './summary-baseline.js';
import { BENCH_NOW, LEAF_UNIT, seedLargeOrg, unitId } from './summary-seed.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARM_UP = 5;
const TARGETS = { subtree: 300, unit: 50, ratio: 2 };
const THRESHOLD = 5;
const TIME_ZONE = 'Europe/Stockholm';

export async function run(): Promise<void> {
  await withBenchDatabase(SERVER, async ({ url, database }) => {
    const single = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await seedAndMeasure(database, single);
    } finally {
      await single.end({ timeout: 5 });
    }
  });
}

async function seedAndMeasure(database: DatabaseHandle, single: postgres.Sql): Promise<void> {
  console.log('summary bench: seeding a large organisation …');
  const started = performance.now();
  await seedLargeOrg(drizzle(single, { casing: 'snake_case' }) as unknown as Database, console.log);
  const [counts] = await selectRows<Record<string, number>>(
    database.db,
    sql`select (select count(*) from units)::int as units, (select count(*) from people)::int as people,
      (select count(*) from reflection_answers)::int as answers,
      (select count(*) from dialogues)::int as dialogues, (select count(*) from actions)::int as actions`,
  );
  console.log(
    `  ${JSON.stringify(counts)} in ${Math.round((performance.now() - started) / 1000)} s`,
  );
  // The first summary of a period counts every closed round's answers once and keeps the
  // totals; every later one reads those. Shown apart; then autovacuum's part, done by hand,
  // so the kept totals are read from their index alone, as on a server that has been running.
  const db = database.db;
  const cold = await timed(() => buildSummary(db, requestFor(unitId(0))));
  console.log(`  first summary of the whole organisation (every answer counted once): ${ms(cold)}`);
  await db.execute(sql`vacuum analyze`);
  const met = [
    await measure(
      database.db,
      'subtree (whole organisation, 300 units)',
      unitId(0),
      TARGETS.subtree,
    ),
    await measure(database.db, 'unit (one section)', unitId(LEAF_UNIT), TARGETS.unit),
  ].every(Boolean);
  if (!met) process.exitCode = 1;
}

async function measure(
  db: Database,
  label: string,
  rootId: string,
  target: number,
): Promise<boolean> {
  const request = requestFor(rootId);
  const baseline = baselineQuery({
    rootId,
    windows: summaryWindows(request),
    threshold: THRESHOLD,
    stopWords: STOP_WORDS,
  });
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const a = await timed(() => buildSummary(db, request));
    const b = await timed(() => summaryRows(db, baseline));
    if (i >= WARM_UP) {
      ours.push(a);
      theirs.push(b);
    }
  }
  const [p50, p95] = [percentile(ours, 50), percentile(ours, 95)];
  const [b50, b95] = [percentile(theirs, 50), percentile(theirs, 95)];
  const ratio = p95 / b95;
  const met = p95 < target && ratio <= TARGETS.ratio;
  console.log(`${label}, T2-2026 against T1-2026 and T2-2025 (${RUNS} runs each):`);
  console.log(`  summary (buildSummary):     p50 ${ms(p50)}  p95 ${ms(p95)}`);
  console.log(`  one hand-written statement: p50 ${ms(b50)}  p95 ${ms(b95)}`);
  console.log(`  ratio (p95):                ${ratio.toFixed(2)}×`);
  console.log(`  target p95 < ${target} ms and ≤ ${TARGETS.ratio}×: ${met ? 'met' : 'NOT met'}`);
  return met;
}

const requestFor = (unitId: string) => ({
  unitId,
  period: readPeriod('T2-2026', '2026-06-15')!,
  threshold: THRESHOLD,
  timeZone: TIME_ZONE,
  now: BENCH_NOW,
});

async function timed(job: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await job();
  return performance.now() - started;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
