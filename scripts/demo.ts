/**
 * `npm run demo`: loads the demo organisation (an invented socialförvaltning, keys `demo-…`)
 * into the app's database, with a local channel per unit and a local login per person.
 */
import { buildDemoOrg, DEMO_KEY_PREFIX } from '../dialogues/setup/demo-org.js';
import { openAppDatabase } from '../store/open-app-database.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { listAllUnits } from '../store/queries/units.js';

const SHOWN_CHANGES = 8;

async function main(): Promise<number> {
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
    const changes = await syncOrg(database.db, plan);
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
