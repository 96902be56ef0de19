import type { DatabaseHandle } from '../../store/database.js';
import { type OrgPlan, type PlannedPerson, syncOrg } from '../../store/queries/org-sync.js';
import { units } from '../../store/schema/index.js';
import { openTestDatabase } from './test-database.js';

/** A person of the Slack workspace T1, user `U_<KEY>`, with these roles. */
export const slackPerson = (
  key: string,
  roles: PlannedPerson['roles'],
  admin = false,
): PlannedPerson => ({
  key,
  name: key.toUpperCase(),
  admin,
  identities: [
    { platform: 'slack' as const, workspace: 'T1', externalId: `U_${key.toUpperCase()}` },
  ],
  roles,
});

/** A unit named `Enhet <key>`; a unit (not a department) has the Slack channel `C_<KEY>`. */
const slackUnit = (
  key: string,
  level: OrgPlan['units'][number]['level'],
  parent: string | null,
) => ({
  key,
  name: `Enhet ${key}`,
  level,
  parent,
  channels:
    level === 'unit'
      ? [{ platform: 'slack' as const, workspace: 'T1', channelId: `C_${key.toUpperCase()}` }]
      : [],
});

/**
 * Two departments under one förvaltning, two units in each (ifo: barn, vuxen; aldre: hemtj,
 * boende), an admin, a leader of each department, and barn's manager and a member: what
 * collegial review pairs and rounds are tried on.
 */
export const twoDepartments: OrgPlan = {
  units: [
    slackUnit('sof', 'administration', null),
    slackUnit('ifo', 'department', 'sof'),
    slackUnit('barn', 'unit', 'ifo'),
    slackUnit('vuxen', 'unit', 'ifo'),
    slackUnit('aldre', 'department', 'sof'),
    slackUnit('hemtj', 'unit', 'aldre'),
    slackUnit('boende', 'unit', 'aldre'),
  ],
  people: [
    slackPerson('adm', [], true),
    slackPerson('led', [{ unit: 'ifo', role: 'leader' }]),
    slackPerson('led2', [{ unit: 'aldre', role: 'leader' }]),
    slackPerson('barnchef', [{ unit: 'barn', role: 'manager' }]),
    slackPerson('barn1', [{ unit: 'barn', role: 'member' }]),
  ],
};

/** A test database holding twoDepartments, and each unit's id by its key. */
export async function openTwoDepartments(): Promise<{
  handle: DatabaseHandle;
  id: Record<string, string>;
}> {
  const handle = await openTestDatabase();
  await syncOrg(handle.db, twoDepartments);
  const id: Record<string, string> = {};
  for (const u of await handle.db.select().from(units)) id[u.key] = u.id;
  return { handle, id };
}
