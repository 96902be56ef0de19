/** `npm run migrate`: brings the app's database (DATABASE_URL, else ./data) up to date. */
import { openAppDatabase } from '../store/open-app-database.js';

async function main() {
  const database = await openAppDatabase(process.env);
  await database.close();
  console.log(`migrations applied (${database.kind})`);
}

main().catch((error: unknown) => {
  console.error('migrate failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
