import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { type AnswerWriter, createAnswerWriter } from './answer-writer.js';
import { beginWhenWriting } from './lazy-transaction.js';
import { nameEveryStatement } from './named-statements.js';

/**
 * The one database type every query function takes: postgres.js and PGlite both fit it. No
 * schema is given to drizzle: Tillit writes its queries with the query builder and SQL, never
 * the relational `db.query` API, and a schema makes every transaction build a query object per
 * table (measured by `npm run bench -- load`).
 */
export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = PgTransaction<PgQueryResultHKT>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | {
      kind: 'pglite';
      dataDir: string | null;
      /**
       * In memory only: a data directory PGlite dumped (`dumpDataDir`) to start from instead of
       * an empty one. Tests start every database from one migrated copy (0.5 s, not 4 s).
       */
      from?: Blob;
    };

export interface DatabaseHandle {
  db: Database;
  /** 'postgres' or 'pglite', for /healthz and the start-up line. */
  kind: DatabaseTarget['kind'];
  /** Runs the committed migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  /** Liveness probe for /healthz. */
  ping(): Promise<void>;
  /** What the driver's pool shows (/metrics): its size, and the transactions holding one. */
  pool?: { max: number; inTransaction(): number };
  /** Reflection answers in group commits on a connection of their own (server only). */
  answerWriter?: AnswerWriter;
  /** The embedded database's data directory as one file, to start others from (tests). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any fixed number: it names the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK_ID = 7_411_100;

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres'
    ? openPostgres(target.url)
    : openPglite(target.dataDir, target.from);
}

const POOL_MAX = 10;

/**
 * Counts transactions under way by wrapping the driver's own transaction method (drizzle
 * calls postgres.js's `begin` and PGlite's `transaction`): neither driver exposes its pool.
 */
function countTransactions<T extends object>(client: T, method: keyof T): () => number {
  let open = 0;
  const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
  (client as Record<keyof T, unknown>)[method] = async (...args: unknown[]) => {
    open++;
    try {
      return await original(...args);
    } finally {
      open--;
    }
  };
  return () => open;
}

function openPostgres(url: string): DatabaseHandle {
  const client = postgres(url, {
    max: POOL_MAX,
    onnotice: () => {},
    // A server that does not answer fails a query within seconds, not after 30 s.
    connect_timeout: 5,
    // A transaction whose client went silent (a cut network) must not hold its locks for
    // ever: the server ends it, and nothing of it is committed.
    connection: { idle_in_transaction_session_timeout: 15_000 },
  });
  // Every statement a named one (see named-statements.ts); requests that only read pay no
  // BEGIN and COMMIT (see lazy-transaction.ts).
  nameEveryStatement(client);
  Object.assign(client, { begin: beginWhenWriting(client) });
  const inTransaction = countTransactions(client, 'begin');
  const db = drizzlePostgres(client, { casing: 'snake_case' }) as unknown as Database;
  // Its own connection: requests waiting for their answer's batch may hold the whole pool.
  // Bounded: a batch waiting behind a round's close, or a server gone quiet, fails (each person
  // is told, and may send again) instead of holding every answer in every unit.
  const writerClient = postgres(url, {
    max: 1,
    onnotice: () => {},
    connect_timeout: 5,
    connection: { statement_timeout: 10_000, lock_timeout: 5_000 },
  });
  const answerWriter = createAnswerWriter(
    drizzlePostgres(writerClient, { casing: 'snake_case' }) as unknown as Database,
  );
  return {
    db,
    kind: 'postgres',
    pool: { max: POOL_MAX, inTransaction },
    answerWriter,
    async migrate() {
      // A session-level advisory lock on a one-connection client: a second instance starting
      // at the same moment waits here, then finds every migration applied.
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migratePostgres(drizzlePostgres(single, { casing: 'snake_case' }), {
          migrationsFolder,
        });
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    async ping() {
      await client`select 1`;
    },
    async close() {
      await answerWriter.close();
      await Promise.all([client.end({ timeout: 5 }), writerClient.end({ timeout: 5 })]);
    },
  };
}

/**
 * The embedded server's buffer cache lives in the process's WebAssembly memory, which never
 * shrinks: Postgres' default 128 MB of shared buffers made most of the process's RSS. One
 * process with an organisation's data needs far less (the files are in the OS's cache too);
 * 16 MB took an opened database from about 350 to about 245 MB (scripts/bench/load.ts).
 */
const PGLITE_OPTIONS = {
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
};

async function openPglite(dataDir: string | null, from?: Blob): Promise<DatabaseHandle> {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  if (dataDir) await initDataDirApart(dataDir);
  const client = dataDir
    ? await PGlite.create(dataDir, PGLITE_OPTIONS)
    : await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: from });
  const inTransaction = countTransactions(client, 'transaction');
  const db = drizzlePglite(client, { casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    pool: { max: 1, inTransaction },
    async migrate() {
      await migratePglite(drizzlePglite(client, { casing: 'snake_case' }), { migrationsFolder });
    },
    async ping() {
      await client.query('select 1');
    },
    async dump() {
      return client.dumpDataDir('none');
    },
    async close() {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * A new data directory is created by store/pglite-initdb in a child process, so initdb's
 * memory is not this process's high-water mark (first start: about 840 MB, against about 300).
 * The child runs with this process's loader options (tsx in development) on the sibling file.
 */
async function initDataDirApart(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const here = fileURLToPath(import.meta.url);
  const script = path.join(path.dirname(here), `pglite-initdb${path.extname(here)}`);
  await promisify(execFile)(process.execPath, [...loaderOptions(), script, dataDir]);
}

/** `--import`/`--require` pairs of this process (tsx's loader), not --inspect or the like. */
function loaderOptions(): string[] {
  const args = process.execArgv;
  return args.flatMap((arg, i) =>
    (arg === '--import' || arg === '--require') && args[i + 1] ? [arg, args[i + 1]!] : [],
  );
}

/**
 * Embedded Postgres is one process's alone: two processes on one data directory would corrupt
 * it. A pid file refuses the second one; a file left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'tillit.pid');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder}. Stop it, or set DATABASE_URL to share a Postgres server.`,
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
