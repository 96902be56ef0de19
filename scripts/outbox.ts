/**
 * `npm run outbox -- <command>` on the app's database (DATABASE_URL, else ./data):
 *   status            rows queued / sending / sent / failed
 *   failed [n]        the newest n (default 20) failed rows: key, reason, attempts
 *   retry [key]       puts failed rows (or the one with this key) back in the queue
 */

import { loadEnvFile } from '../bot/env-file.js';
import type { Database } from '../store/database.js';
import { openAppDatabase } from '../store/open-app-database.js';
import { countOutboxByStatus, listFailedOutbox, requeueFailed } from '../store/queries/outbox.js';
import { readArgs, usageError } from './cli.js';

const cli = {
  usage: `Usage: npm run outbox -- COMMAND
  status        rows queued / sending / sent / failed
  failed [N]    the newest N (default 20) failed rows: key, reason, attempts
  retry [KEY]   puts the failed rows (or the one with this key) back in the queue`,
  options: {},
  positionals: [1, 2],
} as const;

async function main() {
  const { positionals } = readArgs(cli);
  const [command, argument] = positionals;
  if (command !== 'status' && command !== 'failed' && command !== 'retry') {
    usageError(cli, `unknown command "${command}"`);
  }
  if (command === 'status' && argument !== undefined) {
    usageError(cli, `unexpected argument "${argument}"`);
  }
  loadEnvFile();
  const database = await openAppDatabase(process.env);
  try {
    await carryOut(database.db, command, argument);
  } finally {
    await database.close();
  }
}

async function carryOut(db: Database, command: 'status' | 'failed' | 'retry', argument?: string) {
  switch (command) {
    case 'status': {
      const counts = await countOutboxByStatus(db);
      for (const [status, count] of Object.entries(counts)) {
        console.log(`${status.padEnd(8)} ${count.toLocaleString('en-US').padStart(10)}`);
      }
      return;
    }
    case 'failed': {
      const limit = Number(argument ?? 20);
      const rows = await listFailedOutbox(db, {
        limit: Number.isInteger(limit) && limit > 0 ? limit : 20,
      });
      if (rows.length === 0) console.log('no failed rows');
      for (const row of rows) {
        console.log(
          `${row.createdAt.toISOString()}  ${row.key}  ${row.lastError ?? '?'}  (${row.attempts} attempts)`,
        );
      }
      return;
    }
    case 'retry': {
      const requeued = await requeueFailed(db, {
        now: new Date(),
        ...(argument ? { key: argument } : {}),
      });
      console.log(`${requeued} row(s) back in the queue`);
      return;
    }
    default:
      command satisfies never;
  }
}

main().catch((error: unknown) => {
  console.error('outbox failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
