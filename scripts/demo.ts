/**
 * `npm run demo`: loads the demo organisation (an invented socialförvaltning, keys `demo-…`)
 * into the app's database, with a local channel per unit and a local login per person.
 */
import { loadEnvFile } from '../bot/env-file.js';
import { buildDemoOrg, DEMO_KEY_PREFIX } from '../dialogues/setup/demo-org.js';
import { openAppDatabase } from '../store/open-app-database.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { listAllUnits } from '../store/queries/units.js';
import { readArgs } from './cli.js';
import { createProgress } from './progress.js';

const SHOWN_CHANGES = 8;

const USAGE = `Usage: npm run demo
  loads the demo organisation (an invented socialförvaltning, keys demo-…) into the app's
  database, with a local channel per unit; refuses a database that holds a real one.
  Progress goes to standard error.`;

async function main(): Promise<number> {
  readArgs({ usage: USAGE, options: {} });
  loadEnvFile();
  const progress = createProgress('demo');
  progress.step(1, 7, 'database');
  const database = await openAppDatabase(process.env);
  try {
    // The org file is authoritative: syncing the demo would deactivate a real organisation.
    const real = (await listAllUnits(database.db)).filter(
      (u) => !u.key.startsWith(DEMO_KEY_PREFIX),
    );
    if (real.length > 0) {
      console.error(
        `This database already holds a real organisation (${real.length} units, e.g. ${real[0]!.key}); loading the demo would deactivate it. Use an empty database (another TILLIT_DATA_DIR or DATABASE_URL).`,
      );
      return 1;
    }
    const plan = buildDemoOrg();
    // The import's six steps after opening the database: seven in all.
    const changes = await syncOrg(database.db, plan, {
      onStep: (index, total, step) => progress.step(index + 1, total + 1, step),
    });
    progress.end();
    const count = (level: string) => plan.units.filter((u) => u.level === level).length;
    console.log(
      `Demo data, invented people (keys ${DEMO_KEY_PREFIX}…), in ${database.kind}: ` +
        `${plan.units.length} units (${count('administration')} förvaltning, ` +
        `${count('department')} avdelningar, ${count('unit')} enheter, ` +
        `${count('section')} sektioner), ${plan.people.length} people.`,
    );
    if (changes.length === 0) console.log('Already loaded: no changes.');
    else {
      console.log(
        `${changes.length} changes, the first ${Math.min(SHOWN_CHANGES, changes.length)}:`,
      );
      for (const change of changes.slice(0, SHOWN_CHANGES)) console.log(`  ${change}`);
    }
  } finally {
    // A refusal or a failure starts on a line of its own, not on the live progress line.
    progress.end();
    await database.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('demo failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
