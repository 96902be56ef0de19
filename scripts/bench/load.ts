/**
 * `npm run bench -- load`: N (50) concurrent signed `/tillit help` commands, then N button
 * clicks, against the built server (`node dist/bot/main.js`, PostgreSQL) and against a bare
 * Bolt app answering ack + one chat.postEphemeral, in the same run, alternating rounds; then
 * the built server on the embedded database. Prints ack and reply p50/p99, the ratios, and
 * the Tillit process's peak RSS (VmHWM). Exit code 1 when a target is not met: on PostgreSQL
 * ack p99 ≤ 1.5× bare Bolt, reply p99 ≤ 2× bare Bolt, RSS < 200 MB; on PGlite RSS < 400 MB
 * (its latencies are printed without a target).
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (a Postgres server; the bench works in a database
 * of its own), BENCH_CONCURRENCY (50), BENCH_ROUNDS (3), BENCH_WARM_UP_ROUNDS (5, not
 * counted), BENCH_ONLY (`postgres` or `pglite`: one database only), BENCH_NODE_ARGS (options
 * for the Tillit process's node, e.g. `--cpu-prof`), BENCH_BARE_NODE_ARGS (the same for the
 * bare Bolt app's), BENCH_KINDS (`command,click`: which bursts run).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../store/database.js';
import { openDatabase } from '../../store/database.js';
import { withBenchDatabase } from './bench-database.js';
import type { FakeCall } from './fake-slack-process.js';
import { burst, percentile, type Sample, SIGNING_SECRET } from './load-requests.js';
import { forkFakeSlack } from './support/fork-fake-slack.js';
import { createSlackPeople } from './support/outbox-fixtures.js';

const SERVER =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const N = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_ROUNDS = Number(process.env.BENCH_WARM_UP_ROUNDS ?? 5);
const CHANNEL = 'C0LOAD';
/** Which bursts run (BENCH_KINDS=click: only clicks, e.g. while profiling the click). */
const KINDS = (process.env.BENCH_KINDS ?? 'command,click').split(',').map((kind) => {
  // A misspelt kind would leave nothing measured and every target "met".
  if (kind !== 'command' && kind !== 'click') throw new Error(`BENCH_KINDS: unknown "${kind}"`);
  return kind;
});
const TARGETS = { ack: 1.5, reply: 2, rssPostgresMb: 200, rssPgliteMb: 400 };

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

interface Fake {
  url: string;
  calls(): Promise<FakeCall[]>;
}
interface Server {
  url: string;
  child: ChildProcess;
  /** Highest RSS seen, MB (VmHWM of /proc, the kernel's own peak). */
  peakRssMb(): number;
}
/** The samples, and the CPU time the server's process spent on the measured rounds. */
type Results = Record<'command' | 'click', Sample[]> & { cpuMs: number };

export async function run(): Promise<void> {
  build();
  const children: ChildProcess[] = [];
  try {
    const fake = await startFake(children);
    let met = true;
    const only = process.env.BENCH_ONLY;
    if (only !== 'pglite') {
      await withBenchDatabase(SERVER, async ({ url, database }) => {
        const users = await seed(database.db);
        const bare = await startBare(children, fake.url);
        const tillit = await startTillit(children, fake.url, { DATABASE_URL: url });
        const [bareResults, tillitResults] = await alternate([bare, tillit], fake, users);
        met = report('PostgreSQL', bareResults!, tillitResults!, tillit, {
          latency: true,
          rssMb: TARGETS.rssPostgresMb,
        });
        await Promise.all([stop(bare.child), stop(tillit.child)]);
      });
    }
    if (only !== 'postgres') met = (await runEmbedded(children, fake)) && met;
    console.log(met ? 'load: all targets met' : 'load: targets NOT met');
    if (!met) process.exitCode = 1;
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

/** The embedded database: Tillit alone against a fresh bare Bolt baseline, for RSS above all. */
async function runEmbedded(children: ChildProcess[], fake: Fake): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tillit-load-'));
  try {
    // The first start, as a new user meets it: the data directory is created and migrated.
    const first = await startTillit(children, fake.url, { TILLIT_DATA_DIR: dataDir });
    const firstRss = first.peakRssMb();
    await stop(first.child);
    const firstOk = firstRss < TARGETS.rssPgliteMb;
    console.log(
      `\nPGlite first start (new data directory): peak RSS ${firstRss.toFixed(0)} MB (target < ${TARGETS.rssPgliteMb} MB: ${firstOk ? 'met' : 'NOT met'})`,
    );
    const database = await openDatabase({ kind: 'pglite', dataDir });
    await database.migrate();
    const users = await seed(database.db);
    await database.close();
    const bare = await startBare(children, fake.url);
    const tillit = await startTillit(children, fake.url, { TILLIT_DATA_DIR: dataDir });
    const [bareResults, tillitResults] = await alternate([bare, tillit], fake, users);
    const met =
      report('PGlite', bareResults!, tillitResults!, tillit, {
        latency: false,
        rssMb: TARGETS.rssPgliteMb,
      }) && firstOk;
    await Promise.all([stop(bare.child), stop(tillit.child)]);
    return met;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function seed(db: Database): Promise<string[]> {
  const people = await createSlackPeople(db, N, 'T0TEST');
  return people.map((p) => p.userId);
}

/** Rounds alternate between the servers, so load from other work on the machine hits both. */
async function alternate(servers: Server[], fake: Fake, users: string[]): Promise<Results[]> {
  const results = servers.map((): Results => ({ command: [], click: [], cpuMs: 0 }));
  for (const server of servers) {
    // Warm-up, not counted, as on a server that has run for a while: whole bursts, so that
    // every connection of the pool is open and has prepared its statements (postgres.js opens
    // them as a burst needs them), and enough of them for V8 to have compiled the hot code.
    // After one burst each, Tillit's next four were slower than the rest (reply max 118-150
    // ms against 77-105 ms later; bare Bolt 76-87 against 46-64): start-up, not load.
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      for (const kind of KINDS) {
        await burst({ url: server.url, kind, users, ...common(fake) });
      }
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, server] of servers.entries()) {
      const cpuBefore = cpuMs(server.child.pid!);
      for (const kind of KINDS) {
        results[i]![kind].push(...(await burst({ url: server.url, kind, users, ...common(fake) })));
      }
      results[i]!.cpuMs += cpuMs(server.child.pid!) - cpuBefore;
    }
  }
  return results;
}

const common = (fake: Fake) => ({
  channelId: CHANNEL,
  fakeOrigin: new URL(fake.url).origin,
  calls: fake.calls,
  replyTimeoutMs: 30_000,
});

/**
 * Prints the figures and says whether the targets were met. The latency targets hold on the
 * PostgreSQL server; on the embedded database (queries run in WebAssembly on the main thread)
 * its latencies are reported, and its memory is the target.
 */
function report(
  label: string,
  bare: Results,
  tillit: Results,
  server: Server,
  targets: { latency: boolean; rssMb: number },
): boolean {
  let met = true;
  console.log(`\nload (${label}): ${N} concurrent, ${ROUNDS} rounds, ms`);
  console.log('kind     measure  bare p50  bare p99  tillit p50  tillit p99  ratio p99  target');
  for (const kind of KINDS) {
    for (const measure of ['ack', 'reply'] as const) {
      const pick = (samples: Sample[]) =>
        samples.map((s) => (measure === 'ack' ? s.ackMs : (s.replyMs ?? Number.POSITIVE_INFINITY)));
      const b = pick(bare[kind]);
      const t = pick(tillit[kind]);
      const ratio = percentile(t, 99) / percentile(b, 99);
      const ok = ratio <= TARGETS[measure];
      if (targets.latency) met &&= ok;
      const verdict = targets.latency
        ? `≤ ${TARGETS[measure]}× ${ok ? 'met' : 'NOT met'}`
        : '(no target here)';
      console.log(
        `${kind.padEnd(8)} ${measure.padEnd(7)} ${fmt(percentile(b, 50))} ${fmt(percentile(b, 99))} ${fmt(percentile(t, 50), 11)} ${fmt(percentile(t, 99), 11)} ${ratio.toFixed(2).padStart(9)}×  ${verdict}`,
      );
    }
  }
  // CPU per request holds up under a busy machine better than latency does: it says how much
  // of a burst's wait is this process's own work.
  const requests = (r: Results) => r.command.length + r.click.length;
  const bareCpu = bare.cpuMs / requests(bare);
  const tillitCpu = tillit.cpuMs / requests(tillit);
  console.log(
    `CPU per request (process time, ms): bare ${bareCpu.toFixed(2)}, tillit ${tillitCpu.toFixed(2)} (${(tillitCpu / bareCpu).toFixed(2)}×)`,
  );
  const rss = server.peakRssMb();
  const rssOk = rss < targets.rssMb;
  met &&= rssOk;
  console.log(
    `peak RSS of the Tillit process: ${rss.toFixed(0)} MB (target < ${targets.rssMb} MB: ${rssOk ? 'met' : 'NOT met'})`,
  );
  return met;
}

const fmt = (ms: number, width = 9) =>
  (Number.isFinite(ms) ? ms.toFixed(0) : 'lost').padStart(width);

function build(): void {
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('npm run build failed');
}

async function startFake(children: ChildProcess[]): Promise<Fake> {
  // A limit far above any burst: the load bench measures Tillit, not Slack's pace.
  const fake = await forkFakeSlack(100_000);
  children.push(fake.child);
  return { url: fake.url, calls: () => fake.ask<FakeCall[]>('calls') };
}

async function startBare(children: ChildProcess[], apiUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_BARE_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      path.join(here, 'bare-bolt-process.ts'),
    ],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        SLACK_API_URL: apiUrl,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`bare Bolt exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, peakRssMb: () => peakRss(child.pid!) };
}

/**
 * The built server as production runs it, in an empty folder (no `.env` of the developer's)
 * with only the variables it needs.
 */
async function startTillit(
  children: ChildProcess[],
  apiUrl: string,
  database: Record<string, string>,
): Promise<Server> {
  const port = await freePort();
  const cwd = mkdtempSync(path.join(tmpdir(), 'tillit-load-cwd-'));
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/bot/main.js')], {
    cwd,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      ...database,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  child.once('exit', () => rmSync(cwd, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while ((await fetch(`${url}/healthz`).catch(() => null))?.status !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('Tillit did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, child, peakRssMb: () => peakRss(child.pid!) };
}

/** User + system CPU time of a process so far, ms (/proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, so split after its closing paren).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** VmHWM: the highest resident set the kernel saw for the process, start-up included. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
