import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Schema = typeof schema;

/** The one database type every query function takes: postgres.js and PGlite both fit it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | null };

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
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any fixed number: it names the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK_ID = 7_411_100;

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openPglite(target.dataDir);
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
  const inTransaction = countTransactions(client, 'begin');
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    pool: { max: POOL_MAX, inTransaction },
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
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const inTransaction = countTransactions(client, 'transaction');
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database;
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
    async close() {
      await client.close();
      releaseLock();
    },
  };
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
