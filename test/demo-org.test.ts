import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrg, DEMO_ORG_MARKER_KEY } from '../dialogues/setup/demo-org.js';
import type { DatabaseHandle } from '../store/database.js';
import type { OrgPlan } from '../store/queries/org-sync.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { countActivePeople, findPersonByIdentity, listMembers } from '../store/queries/people.js';
import { findUnitByKey, findUnitForChannel, listAllUnits } from '../store/queries/units.js';
import type { Role, UnitLevel } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

const plan = buildDemoOrg();

/** Keys of the people holding `role` in the unit `unitKey`. */
function holders(org: OrgPlan, unitKey: string, role: Role): string[] {
  return org.people
    .filter((p) => p.roles.some((r) => r.unit === unitKey && r.role === role))
    .map((p) => p.key);
}

const unitsOf = (level: UnitLevel) => plan.units.filter((u) => u.level === level);

describe('demo organisation', () => {
  it('is the same on every call', () => {
    expect(buildDemoOrg()).toEqual(plan);
  });

  it('has the shape of a Swedish socialförvaltning', () => {
    expect(unitsOf('administration').map((u) => u.key)).toEqual([DEMO_ORG_MARKER_KEY]);
    expect(unitsOf('department').map((u) => u.name)).toEqual([
      'Individ- och familjeomsorg',
      'Funktionsstöd',
      'Äldreomsorg',
    ]);
    expect(unitsOf('unit')).toHaveLength(10);
    expect(unitsOf('section')).toHaveLength(20);
    expect(plan.people.length).toBeGreaterThanOrEqual(180);
    expect(plan.people.length).toBeLessThanOrEqual(220);
    for (const person of plan.people) expect(person.name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{L}+$/u);
  });

  it('gives every unit its managers, members and staff', () => {
    for (const unit of [...unitsOf('department'), ...unitsOf('unit'), ...unitsOf('section')])
      expect(holders(plan, unit.key, 'manager'), unit.key).toHaveLength(1);
    for (const section of unitsOf('section'))
      expect(holders(plan, section.key, 'member'), section.key).toHaveLength(8);
    for (const department of unitsOf('department'))
      expect(holders(plan, department.key, 'facilitator'), department.key).toHaveLength(1);
    expect(holders(plan, DEMO_ORG_MARKER_KEY, 'leader')).toHaveLength(1);
    expect(plan.people.filter((p) => p.admin)).toHaveLength(1);
  });

  it('uses demo- keys, distinct, with a local channel per unit and a local login per person', () => {
    const keys = [...plan.units.map((u) => u.key), ...plan.people.map((p) => p.key)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^demo-[a-z0-9-]+$/);
    for (const unit of plan.units) {
      expect(unit.parent === null || keys.includes(unit.parent)).toBe(true);
      expect(unit.channels).toEqual([{ platform: 'local', workspace: '', channelId: unit.key }]);
    }
    for (const person of plan.people)
      expect(person.identities).toEqual([
        { platform: 'local', workspace: '', externalId: person.key },
      ]);
  });

  it('loads into the database, and loading it again changes nothing', async () => {
    const changes = await syncOrg(handle.db, plan);
    expect(changes).toContain(`+ unit ${DEMO_ORG_MARKER_KEY} (Socialförvaltningen)`);
    expect((await listAllUnits(handle.db)).length).toBe(plan.units.length);
    expect(await countActivePeople(handle.db)).toBe(plan.people.length);

    // The local channel finds its unit and its people by the demo's local links.
    const section = unitsOf('section')[0]!;
    const unit = await findUnitForChannel(handle.db, {
      platform: 'local',
      workspace: '',
      channelId: section.key,
    });
    expect(unit?.key).toBe(section.key);
    const managers = await listMembers(handle.db, { unitId: unit!.id, role: 'manager' });
    expect(managers).toHaveLength(1);
    const someone = plan.people[10]!;
    const found = await findPersonByIdentity(handle.db, {
      platform: 'local',
      workspace: '',
      externalId: someone.key,
    });
    expect(found?.name).toBe(someone.name);
    expect(await findUnitByKey(handle.db, { key: DEMO_ORG_MARKER_KEY })).not.toBeNull();

    expect(await syncOrg(handle.db, buildDemoOrg())).toEqual([]);
  });
});
