import type { Database } from '../../store/database.js';
import {
  type OrgChange,
  type OrgPlan,
  type SyncOptions,
  syncOrg,
} from '../../store/queries/org-sync.js';
import type { Language } from '../../store/schema/index.js';
import { DEFAULT_TIME_ZONE } from '../core/defaults.js';
import { namedPairingPeriod, pairingPeriod } from '../pairing/suggest-peer.js';
import { announceRoleChanges } from './role-notices.js';

/**
 * An org-file import as an administrator runs it: the organisation synced, its role and
 * administrator changes in the audit log, and each unit's role changes announced in the
 * unit's channels, in one transaction. Review pairs without a tertial hold for the tertial
 * of the import, in `timeZone`.
 */
export function importOrg(
  db: Database,
  plan: OrgPlan,
  params: { lang: Language; now: Date; timeZone?: string; onStep?: SyncOptions['onStep'] },
): Promise<OrgChange[]> {
  const current = pairingPeriod(params.now, params.timeZone ?? DEFAULT_TIME_ZONE);
  return syncOrg(db, plan, {
    now: params.now,
    onStep: params.onStep,
    onAudit: (tx, entries) => announceRoleChanges(tx, entries, params),
    tertials: {
      current: current.name,
      isOpen: (name) => (namedPairingPeriod(name)?.index ?? -1) >= current.index,
    },
  });
}
