import { buildDemoOrg, DEMO_ORG_MARKER_KEY } from '../../dialogues/setup/demo-org.js';
import type { Database } from '../../store/database.js';
import { hasAnyUnit } from '../../store/queries/local-directory.js';
import { syncOrg } from '../../store/queries/org-sync.js';
import { findUnitByKey } from '../../store/queries/units.js';
import type { Logger } from '../log.js';

/**
 * With the local channel on and no organisation yet, loads the made-up demo organisation so
 * every flow can be tried at once. An organisation that exists is never touched.
 */
export async function loadDemoOrgIfEmpty(db: Database, log: Logger): Promise<boolean> {
  if (await hasAnyUnit(db)) return false;
  const plan = buildDemoOrg();
  await syncOrg(db, plan);
  log.info('demo data loaded for the local channel (made-up organisation and people)', {
    units: plan.units.length,
    people: plan.people.length,
  });
  return true;
}

/** While the demo's root unit exists, what the page shows is demo data: it says so. */
export async function isDemoOrg(db: Database): Promise<boolean> {
  const root = await findUnitByKey(db, { key: DEMO_ORG_MARKER_KEY });
  return root?.active === true;
}
