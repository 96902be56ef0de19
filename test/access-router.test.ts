import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Capability, isAdmin, may } from '../dialogues/core/access.js';
import type { Actor } from '../dialogues/core/actor.js';
import type { RequestContext } from '../dialogues/core/context.js';
import { createInboundHandler } from '../dialogues/handle-inbound.js';
import { texts } from '../dialogues/texts/catalogue.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { DatabaseHandle } from '../store/database.js';
import { type OrgPlan, syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey, listRolesOfPerson } from '../store/queries/people.js';
import { findUnitByKey } from '../store/queries/units.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * Roles × commands × units through the real router: each command is refused exactly where
 * the access table (`may`) says no, so no command keeps a role rule of its own. The org is
 * dept → unit → section and a sibling unit; each role is held in `unit`, plus an administrator.
 */
const UNITS = ['dept', 'unit', 'section', 'sibling'] as const;
const WHO = ['member', 'manager', 'facilitator', 'leader', 'admin'] as const;
const channelOf = (unit: string) => `c-${unit}`;

const plan: OrgPlan = {
  units: [
    ['dept', null],
    ['unit', 'dept'],
    ['section', 'unit'],
    ['sibling', 'dept'],
  ].map(([key, parent]) => ({
    key: key!,
    name: `Enhet ${key}`,
    level: parent === null ? 'department' : key === 'section' ? 'section' : 'unit',
    parent: parent ?? null,
    channels: [{ platform: 'local', workspace: '', channelId: channelOf(key!) }],
  })),
  people: WHO.map((who) => ({
    key: who,
    name: who,
    admin: who === 'admin',
    identities: [{ platform: 'local', workspace: '', externalId: who }],
    roles: who === 'admin' ? [] : [{ unit: 'unit', role: who }],
  })),
};

interface Case {
  command: (unit: string) => string;
  /** In the unit's channel, or a direct message naming the unit. */
  where: 'channel' | 'dm';
  capability: Capability;
  /** Administrators read every unit's audit log (setup). */
  adminMay?: boolean;
}

const cases: Case[] = [
  { command: (u) => `summary ${u}`, where: 'dm', capability: 'view-summary' },
  { command: () => 'risk status', where: 'channel', capability: 'view-summary' },
  { command: (u) => `setup audit ${u}`, where: 'dm', capability: 'read-audit', adminMay: true },
  { command: () => 'swot "Prov"', where: 'channel', capability: 'run-dialogue' },
  { command: () => 'risk "Prov"', where: 'channel', capability: 'run-risk-dialogue' },
  { command: (u) => `actions unit ${u}`, where: 'dm', capability: 'manage-actions' },
  { command: () => 'actions add', where: 'channel', capability: 'manage-actions' },
];

let handle: DatabaseHandle;
const handleInbound = createInboundHandler();
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

async function send(who: string, text: string, channelId: string | null): Promise<string> {
  const ctx: RequestContext = {
    db: handle.db,
    now: new Date('2026-11-26T10:00:00Z'),
    settings: {
      defaultLang: 'sv',
      defaultTimezone: 'Europe/Stockholm',
      anonymityThreshold: 5,
      publicUrl: null,
    },
    caller: { platform: 'local', workspace: '', externalId: who },
    place: { platform: 'local', workspace: '', channelId },
    directory: { displayName: async () => null },
  };
  return JSON.stringify((await handleInbound(ctx, { kind: 'command', text })).replies);
}

const REFUSALS = [
  sv.common.notAllowed({ what: '' }).split(' ').slice(0, 4).join(' '),
  sv.summary.adminOnly,
];
const refused = (reply: string) => REFUSALS.some((r) => reply.includes(r));

describe('every command asks the access table, and only it', () => {
  it('refuses exactly where `may` says no, for each role, command and unit', async () => {
    const mismatches: string[] = [];
    let allowed = 0;
    for (const who of WHO) {
      const actor = await actorOf(who);
      for (const unitKey of UNITS) {
        const unit = (await findUnitByKey(handle.db, { key: unitKey }))!;
        for (const c of cases) {
          const expected =
            (await may(handle.db, actor, c.capability, unit.id)) ||
            (c.adminMay === true && isAdmin(actor));
          const text = c.command(unitKey);
          const reply = await send(who, text, c.where === 'channel' ? channelOf(unitKey) : null);
          if (refused(reply) === expected) {
            mismatches.push(
              `${who} · ${text} · ${unitKey}: ${expected ? 'allowed' : 'refused'} by the table, not by the command: ${reply.slice(0, 160)}`,
            );
          }
          if (expected) allowed += 1;
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Not all refused, not all allowed: the enumeration sees both sides of every rule.
    expect(allowed).toBeGreaterThan(10);
    expect(allowed).toBeLessThan(WHO.length * UNITS.length * cases.length - 10);
  });

  it('takes the outermost unit, not the first by name, for a risk status in a direct message', async () => {
    // A manager of "Enhet unit" and a leader of the department above it, renamed so that it
    // sorts last: the department is the outermost, whatever the names.
    await syncOrg(handle.db, {
      ...plan,
      units: plan.units.map((u) => (u.key === 'dept' ? { ...u, name: 'Ö-avdelningen' } : u)),
      people: [
        ...plan.people,
        {
          key: 'two',
          name: 'two',
          admin: false,
          identities: [{ platform: 'local', workspace: '', externalId: 'two' }],
          roles: [
            { unit: 'unit', role: 'manager' },
            { unit: 'dept', role: 'leader' },
          ],
        },
      ],
    });
    const reply = await send('two', 'risk status', null);
    expect(reply).toContain(sv.risk.status.title({ unit: 'Ö-avdelningen', year: 2026 }));
  });
});
