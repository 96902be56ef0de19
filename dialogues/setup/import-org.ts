import type { Database } from '../../store/database.js';
import {
  type OrgChange,
  type OrgPlan,
  type SyncOptions,
  syncOrg,
} from '../../store/queries/org-sync.js';
import type { Language } from '../../store/schema/index.js';
import { announceRoleChanges } from './role-notices.js';

/**
 * An org-file import as an administrator runs it: the organisation synced, its role and
 * administrator changes in the audit log, and each unit's role changes announced in the
 * unit's channels, in one transaction.
 */
export function importOrg(
  db: Database,
  plan: OrgPlan,
  params: { lang: Language; now: Date; onStep?: SyncOptions['onStep'] },
): Promise<OrgChange[]> {
  return syncOrg(db, plan, {
    now: params.now,
    onStep: params.onStep,
    onAudit: (tx, entries) => announceRoleChanges(tx, entries, params),
  });
}
