/**
 * `npm run bench -- outbox`: how close a 10,000-person reflection round comes to the rate-limit
 * floor. The fake Slack Web API (a process of its own) accepts PER_SECOND messages in any
 * sliding second per workspace and answers 429 with Retry-After beyond it; the floor is
 * prompts / limit. SENDERS sender processes (separate instances, as in production) share the
 * budget through the database. Every prompt goes to a different person's DM, so Slack's
 * per-channel pace is not the bottleneck: the workspace budget is.
 *
 * The senders are started and idle first; the round's 10,000 rows are enqueued in one
 * transaction (what a tick does, timed apart), and the clock runs from its commit until the
 * last row is marked sent.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (default the local test server; the bench works in
 * a database of its own, created and dropped here), BENCH_PROMPTS (10,000), BENCH_PER_SECOND
 * (1,000), BENCH_SENDERS (2, or 1 on a machine with two cores).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from '../../store/database.js';
import { countOutboxByStatus } from '../../store/queries/outbox.js';
import { withBenchDatabase } from './bench-database.js';
import type { FakeStats } from './fake-slack-process.js';
import { forkFakeSlack } from './support/fork-fake-slack.js';
import { createSlackPeople, enqueuePrompts } from './support/outbox-fixtures.js';

const SERVER =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const PROMPTS = Number(process.env.BENCH_PROMPTS ?? 10_000);
const PER_SECOND = Number(process.env.BENCH_PER_SECOND ?? 1_000);
/** Two instances where the cores allow; one core is left to the fake API and Postgres. */
const SENDERS = Number(process.env.BENCH_SENDERS ?? Math.max(1, Math.min(2, cpus().length - 1)));
/**
 * The senders' budget, just under the limit: the fake counts a sliding second, and a token
 * bucket allows its burst on top of its rate in any second, so budget + burst stays below it.
 */
const BUDGET = {
  perSecond: Math.floor(PER_SECOND * 0.95),
  burst: Math.max(1, Math.floor(PER_SECOND * 0.01)),
};
const TARGET_RATIO = 1.1;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export async function run(): Promise<void> {
  await withBenchDatabase(SERVER, async ({ url, database }) => {
    const children: ChildProcess[] = [];
    try {
      const fake = await startFake(children);
      const recipients = await createSlackPeople(database.db, PROMPTS);
      for (let i = 0; i < SENDERS; i++) {
        await startSender(children, { url, apiUrl: fake.url, workerId: `bench-${i}` });
      }
      await measure(database, fake, recipients);
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map(exited));
    }
  });
}

async function measure(
  { db }: DatabaseHandle,
  fake: { stats(): Promise<FakeStats> },
  recipients: Awaited<ReturnType<typeof createSlackPeople>>,
) {
  const enqueueStarted = performance.now();
  await db.transaction((tx) => enqueuePrompts(tx, 'bench', recipients));
  const started = performance.now();
  // Polled gently: counting is a scan, and the database is what is being measured.
  while ((await countOutboxByStatus(db)).sent < PROMPTS) await sleep(100);
  const seconds = (performance.now() - started) / 1000;
  const stats = await fake.stats();
  const floor = PROMPTS / PER_SECOND;
  const ratio = seconds / floor;
  const counts = await countOutboxByStatus(db);
  console.log(
    `${PROMPTS.toLocaleString('en-US')} prompts in ${seconds.toFixed(1)} s, floor ${floor.toFixed(1)} s ` +
      `(${ratio.toFixed(2)}×; target ≤ ${TARGET_RATIO.toFixed(2)}×)`,
  );
  console.log(
    `  limit ${PER_SECOND}/s per workspace, budget ${BUDGET.perSecond}/s + burst ${BUDGET.burst}, ` +
      `${SENDERS} sender ${SENDERS === 1 ? 'process' : 'processes'}; the round's rows were enqueued in ` +
      `${((started - enqueueStarted) / 1000).toFixed(2)} s before the clock started`,
  );
  console.log(
    `  posted ${stats.posted}, distinct ${stats.distinctKeys} (duplicates ${stats.posted - stats.distinctKeys}, ` +
      `lost ${PROMPTS - stats.distinctKeys}), 429 answers ${stats.rateLimited}, ` +
      `failed ${counts.failed}`,
  );
  const [load] = loadavg();
  console.log(`  machine: ${cpus().length} cores, load average ${load!.toFixed(1)} at the end`);
  if (ratio > TARGET_RATIO) console.log('  above target');
}

async function startFake(
  children: ChildProcess[],
): Promise<{ url: string; stats(): Promise<FakeStats> }> {
  const fake = await forkFakeSlack(PER_SECOND);
  children.push(fake.child);
  return { url: fake.url, stats: () => fake.ask<FakeStats>('stats') };
}

function startSender(
  children: ChildProcess[],
  params: { url: string; apiUrl: string; workerId: string },
): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/bench/support/outbox-sender-process.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        OUTBOX_DATABASE_URL: params.url,
        SLACK_API_URL: params.apiUrl,
        WORKER_ID: params.workerId,
        RATE_PER_SECOND: String(BUDGET.perSecond),
        RATE_BURST: String(BUDGET.burst),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (/pid \d+/.test(chunk.toString())) resolve();
    });
    child.once('exit', (code) => reject(new Error(`sender exited (${code})`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
