import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../store/database.js';
import { readTemplate } from './pglite-template.js';

/**
 * A fresh, migrated database for one test file: in-process PGlite by default, or a database of
 * its own on the server at TEST_DATABASE_URL (created here, dropped by `close`), so test runs
 * and test files never see each other's data.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // From the run's migrated copy (pglite-template.ts); migrate() then finds nothing to do.
    const file = inject('pgliteTemplate');
    const from = file ? await readTemplate(file) : undefined;
    const handle = await openDatabase({ kind: 'pglite', dataDir: null, from });
    await handle.migrate();
    return handle;
  }
  const name = `tillit_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
