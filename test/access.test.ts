import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Capability, may } from '../dialogues/core/access.js';
import type { Actor } from '../dialogues/core/actor.js';
import { texts } from '../dialogues/texts/catalogue.js';
import type { DatabaseHandle } from '../store/database.js';
import { type OrgPlan, syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey, listRolesOfPerson } from '../store/queries/people.js';
import { findUnitByKey } from '../store/queries/units.js';
import { openTestDatabase } from './support/test-database.js';

// dept → unit → section, and a sibling unit; one person per role, each held in `unit`.
const plan: OrgPlan = {
  units: [
    { key: 'dept', name: 'Avdelning', level: 'department', parent: null, channels: [] },
    { key: 'unit', name: 'Enhet', level: 'unit', parent: 'dept', channels: [] },
    { key: 'section', name: 'Sektion', level: 'section', parent: 'unit', channels: [] },
    { key: 'sibling', name: 'Syskon', level: 'unit', parent: 'dept', channels: [] },
  ],
  people: [
    ...(['member', 'manager', 'facilitator', 'leader'] as const).map((role) => ({
      key: role,
      name: role,
      admin: false,
      identities: [],
      roles: [{ unit: 'unit', role }],
    })),
    { key: 'admin', name: 'admin', admin: true, identities: [], roles: [] },
  ],
};

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await syncOrg(handle.db, plan);
});
afterAll(async () => handle?.close());

async function actorOf(key: string): Promise<Actor> {
  const person = (await findPersonByKey(handle.db, { key }))!;
  const roles = await listRolesOfPerson(handle.db, { personId: person.id });
  return { person, lang: 'sv', t: texts('sv'), roles };
}

// Rows: who; columns: the capability in the unit itself, the section below it, the parent
// department, and a sibling unit. A role counts in its unit and below, never above or beside.
type Row = [
  who: string,
  capability: Capability,
  inUnit: boolean,
  below: boolean,
  above: boolean,
  beside: boolean,
];
const table: Row[] = [
  ['member', 'take-part', true, false, false, false],
  ['member', 'run-dialogue', false, false, false, false],
  ['member', 'manage-actions', false, false, false, false],
  ['member', 'view-summary', false, false, false, false],
  ['manager', 'take-part', true, true, false, false],
  ['manager', 'run-dialogue', true, true, false, false],
  ['manager', 'manage-actions', true, true, false, false],
  ['manager', 'view-summary', true, true, false, false],
  ['facilitator', 'take-part', true, true, false, false],
  ['facilitator', 'run-dialogue', true, true, false, false],
  ['facilitator', 'manage-actions', true, true, false, false],
  ['facilitator', 'view-summary', false, false, false, false],
  ['leader', 'take-part', true, true, false, false],
  ['leader', 'run-dialogue', false, false, false, false],
  ['leader', 'manage-actions', false, false, false, false],
  ['leader', 'view-summary', true, true, false, false],
  ['admin', 'take-part', false, false, false, false],
  ['admin', 'run-dialogue', false, false, false, false],
  ['admin', 'manage-actions', false, false, false, false],
  ['admin', 'view-summary', false, false, false, false],
  // The section has no manager of its own, but the unit's manager answers for it from above
  // (its notices go to her, nearest-managers.ts): the leader does not stand in there. See the
  // stand-in test below for a line nobody manages.
  ['member', 'run-risk-dialogue', false, false, false, false],
  ['manager', 'run-risk-dialogue', true, true, false, false],
  ['facilitator', 'run-risk-dialogue', true, true, false, false],
  ['leader', 'run-risk-dialogue', false, false, false, false],
  ['admin', 'run-risk-dialogue', false, false, false, false],
  // Reflection answers belong to the unit itself: nobody above answers for the units below.
  ['member', 'answer-reflection', true, false, false, false],
  ['manager', 'answer-reflection', true, false, false, false],
  ['facilitator', 'answer-reflection', true, false, false, false],
  ['leader', 'answer-reflection', true, false, false, false],
  ['admin', 'answer-reflection', false, false, false, false],
];

describe('access policy: role × capability × where', () => {
  it.each(table)('%s / %s', async (who, capability, inUnit, below, above, beside) => {
    const actor = await actorOf(who);
    const unitId = async (key: string) => (await findUnitByKey(handle.db, { key }))!.id;
    const allowed = await Promise.all(
      ['unit', 'section', 'dept', 'sibling'].map(async (key) =>
        may(handle.db, actor, capability, await unitId(key)),
      ),
    );
    expect(allowed).toEqual([inUnit, below, above, beside]);
  });
});

describe('a leader stands in only where nobody in the line manages', () => {
  it('may hold the risk dialogue and handle the actions of a unit nobody up the tree manages', async () => {
    // dept has no manager; `lone` and its section have none either. The leader holds her role
    // in `lone`; her namesake in `unit` has the unit's manager in the line.
    await syncOrg(handle.db, {
      units: [
        ...plan.units,
        { key: 'lone', name: 'Ensam', level: 'unit', parent: 'dept', channels: [] },
        {
          key: 'lone-section',
          name: 'Ensam sektion',
          level: 'section',
          parent: 'lone',
          channels: [],
        },
      ],
      people: [
        ...plan.people,
        {
          key: 'lone-leader',
          name: 'lone-leader',
          admin: false,
          identities: [],
          roles: [{ unit: 'lone', role: 'leader' }],
        },
      ],
    });
    const leader = await actorOf('lone-leader');
    const unitId = async (key: string) => (await findUnitByKey(handle.db, { key }))!.id;
    for (const capability of ['manage-actions', 'run-risk-dialogue'] as const) {
      const where = await Promise.all(
        ['lone', 'lone-section', 'dept'].map(async (key) =>
          may(handle.db, leader, capability, await unitId(key)),
        ),
      );
      expect(where, capability).toEqual([true, true, false]);
    }
  });
});
