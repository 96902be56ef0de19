import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '../../store/database.js';

export interface BenchDatabase {
  /** The connection string of the bench's own database. */
  url: string;
  /** The app's own handle on it, migrated. */
  database: DatabaseHandle;
}

/**
 * Runs `work` in a database of its own on the Postgres `server`: created and migrated here,
 * dropped afterwards whatever happens, so a bench never touches data it did not make.
 * Connections `work` opens itself it closes itself, before it returns.
 */
export async function withBenchDatabase(
  server: string,
  work: (bench: BenchDatabase) => Promise<void>,
): Promise<void> {
  const name = `tillit_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  let database: DatabaseHandle | null = null;
  try {
    database = await openDatabase({ kind: 'postgres', url: url.toString() });
    await database.migrate();
    await work({ url: url.toString(), database });
  } finally {
    await database?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
