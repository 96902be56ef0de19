/** `npm run migrate`: brings the app's database (DATABASE_URL, else ./data) up to date. */
import { loadEnvFile } from '../bot/env-file.js';
import { openAppDatabase } from '../store/open-app-database.js';
import { readArgs } from './cli.js';

const USAGE = `Usage: npm run migrate
  applies the committed migrations to the app's database: the PostgreSQL server at
  DATABASE_URL, else the embedded one in TILLIT_DATA_DIR (default ./data). The server does
  the same at start-up; several at once wait for each other (an advisory lock).`;

async function main() {
  readArgs({ usage: USAGE, options: {} });
  loadEnvFile();
  const database = await openAppDatabase(process.env);
  await database.close();
  console.log(`migrations applied (${database.kind})`);
}

main().catch((error: unknown) => {
  console.error('migrate failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
