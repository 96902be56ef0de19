import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrg } from '../dialogues/setup/import-org.js';
import { AUDIT_PAGE } from '../dialogues/setup/setup-audit.js';
import type { DatabaseHandle } from '../store/database.js';
import { recordAudit } from '../store/queries/audit-log.js';
import { type OrgPlan, syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey } from '../store/queries/people.js';
import { findUnitByKey } from '../store/queries/units.js';
import { auditLog, outbox } from '../store/schema/index.js';
import { driver, ofKind, privateText, viewText } from './support/risk-org.js';
import { openTestDatabase } from './support/test-database.js';
import { slackPerson } from './support/two-departments.js';

/**
 * Issue 15, item 8: an administrator who makes themselves manager of a unit could read its
 * reflection summaries unseen. Every role change is now kept in the audit log, which leaders
 * and administrators read with `setup audit`, and announced in the unit's channel.
 */
const NOW = new Date('2026-10-05T09:30:00Z');

const channel = (id: string) => [{ platform: 'slack' as const, workspace: 'T1', channelId: id }];

const plan: OrgPlan = {
  units: [
    { key: 'avd', name: 'Avdelning Stöd', level: 'department', parent: null, channels: [] },
    {
      key: 'enh',
      name: 'Enhet Bemötande',
      level: 'unit',
      parent: 'avd',
      channels: channel('C_ENH'),
    },
    { key: 'ann', name: 'Annan avdelning', level: 'department', parent: null, channels: [] },
  ],
  people: [
    slackPerson('adm', [], true),
    slackPerson('led', [{ unit: 'avd', role: 'leader' }]),
    slackPerson('led2', [{ unit: 'ann', role: 'leader' }]),
    slackPerson('chef', [{ unit: 'enh', role: 'manager' }]),
    slackPerson('m1', [{ unit: 'enh', role: 'member' }]),
    slackPerson('m2', [{ unit: 'enh', role: 'member' }]),
  ],
};

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await syncOrg(handle.db, plan);
  // What the first import recorded is not what these tests look at.
  await handle.db.delete(auditLog);
});
afterAll(async () => handle?.close());

const as = (who: string, channelId: string | null = null) => driver(handle.db, who, channelId, NOW);
const idOf = async (key: string) => (await findPersonByKey(handle.db, { key }))!.id;
const channelNotices = () =>
  handle.db.select().from(outbox).where(like(outbox.key, 'role-change:%'));

describe('role changes are visible: setup role in chat', () => {
  it('logs and announces an administrator making themselves manager; members cannot read the log', async () => {
    const given = await as('adm', 'C_ENH').command('setup role <@U_ADM|adm> chef enh');
    expect(privateText(given)).toContain('ADM');
    expect(privateText(given)).toContain('enhetens kanal');

    const enh = await findUnitByKey(handle.db, { key: 'enh' });
    const adm = await idOf('adm');
    const rows = await handle.db.select().from(auditLog);
    expect(rows).toMatchObject([
      {
        actorPersonId: adm,
        subjectPersonId: adm,
        unitId: enh!.id,
        action: 'role-added',
        roleBefore: null,
        roleAfter: 'manager',
        source: 'chat',
      },
    ]);
    expect(rows[0]!.at).toEqual(NOW);

    const notices = await channelNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ platform: 'slack', workspace: 'T1', channelId: 'C_ENH' });
    expect(notices[0]!.view.summary).toBe('ADM är nu chef i Enhet Bemötande (ändrat av ADM).');

    // Giving it again changes nothing: no second row, no second announcement.
    const again = await as('adm').command('setup role <@U_ADM|adm> chef enh');
    expect(privateText(again)).toContain('redan');
    expect(await handle.db.select().from(auditLog)).toHaveLength(1);
    expect(await channelNotices()).toHaveLength(1);

    // Members and managers cannot read the log; leaders read their own subtree only.
    for (const who of ['m1', 'chef']) {
      for (const command of ['setup audit', 'setup audit enh']) {
        const refused = await as(who).command(command);
        expect(privateText(refused)).toContain('Du har inte behörighet');
        expect(privateText(refused)).not.toContain('ADM är nu chef');
      }
    }
    expect(privateText(await as('led2').command('setup audit enh'))).toContain(
      'Du har inte behörighet',
    );
    const led2Own = viewText(ofKind(await as('led2').command('setup audit'), 'private')[0]!.view);
    expect(led2Own).not.toContain('ADM är nu chef');
    const leader = viewText(ofKind(await as('led').command('setup audit'), 'private')[0]!.view);
    expect(leader).toContain(
      '5 okt 2026 kl. 11.30 · ADM är nu chef i Enhet Bemötande (ändrat av ADM).',
    );
    const admin = viewText(ofKind(await as('adm').command('setup audit enh'), 'private')[0]!.view);
    expect(admin).toContain('ADM är nu chef i Enhet Bemötande');
  });

  it('pages the log, newest first, within the platform limits', async () => {
    const enh = await findUnitByKey(handle.db, { key: 'enh' });
    const m2 = await idOf('m2');
    await recordAudit(
      handle.db,
      Array.from({ length: AUDIT_PAGE + 4 }, (_, i) => ({
        at: new Date(NOW.getTime() - (i + 1) * 60_000),
        actorPersonId: null,
        action: i % 2 ? ('role-removed' as const) : ('role-added' as const),
        subjectPersonId: m2,
        unitId: enh!.id,
        roleBefore: i % 2 ? ('facilitator' as const) : null,
        roleAfter: i % 2 ? null : ('facilitator' as const),
        source: 'org-file' as const,
      })),
    );
    const first = ofKind(await as('led').command('setup audit enh'), 'private')[0]!.view;
    const list = first.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.length).toBe(AUDIT_PAGE);
    expect(viewText(first).indexOf('ADM är nu chef')).toBeGreaterThan(-1);
    expect(viewText(first)).toContain('/tillit inställningar logg enh 2');
    const second = ofKind(await as('led').command('setup audit enh 2'), 'private')[0]!.view;
    const rest = second.blocks.find((b) => b.type === 'list');
    expect(rest?.type === 'list' && rest.items.length).toBe(5);
    expect(viewText(second)).not.toContain('logg enh 3');
    expect(privateText(await as('led').command('setup audit enh x y'))).toContain('sidnummer');
  });
});

describe('role changes are visible: the org-file import', () => {
  it('logs role and administrator changes from the file and announces them in English', async () => {
    await handle.db.delete(auditLog);
    const changed: OrgPlan = {
      ...plan,
      people: plan.people.map((p) =>
        p.key === 'm1'
          ? { ...p, roles: [{ unit: 'enh', role: 'leader' as const }] }
          : p.key === 'chef'
            ? { ...p, admin: true }
            : p,
      ),
    };
    const at = new Date('2026-10-06T07:00:00Z');
    const changes = await importOrg(handle.db, changed, { lang: 'en', now: at });
    expect(changes).toContain('+ role m1 leader@enh');

    const m1 = await idOf('m1');
    const chef = await idOf('chef');
    const adm = await idOf('adm');
    const rows = await handle.db.select().from(auditLog);
    const base = { at, actorPersonId: null, source: 'org-file' };
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ...base,
          action: 'role-added',
          subjectPersonId: m1,
          roleAfter: 'leader',
        }),
        expect.objectContaining({
          ...base,
          action: 'role-removed',
          subjectPersonId: m1,
          roleBefore: 'member',
        }),
        // The manager role the administrator gave themselves in chat is not in the file.
        expect.objectContaining({
          ...base,
          action: 'role-removed',
          subjectPersonId: adm,
          roleBefore: 'manager',
        }),
        expect.objectContaining({
          ...base,
          action: 'admin-added',
          subjectPersonId: chef,
          unitId: null,
        }),
      ]),
    );
    expect(rows).toHaveLength(4);

    const [notice] = await handle.db
      .select()
      .from(outbox)
      .where(and(like(outbox.key, 'role-change:%'), eq(outbox.notBefore, at)));
    const text = JSON.stringify(notice!.view);
    expect(notice!.channelId).toBe('C_ENH');
    expect(text).toContain('M1 is now leader in Enhet Bemötande (changed in the org file).');
    expect(text).toContain('M1 is no longer member in Enhet Bemötande (changed in the org file).');
    expect(text).not.toContain('administrator');

    // The same file again: nothing changes, nothing is logged or announced.
    const before = (await channelNotices()).length;
    expect(await importOrg(handle.db, changed, { lang: 'en', now: at })).toEqual([]);
    expect(await handle.db.select().from(auditLog)).toHaveLength(4);
    expect(await channelNotices()).toHaveLength(before);

    const adminLog = viewText(ofKind(await as('adm').command('setup audit'), 'private')[0]!.view);
    expect(adminLog).toContain('CHEF är nu administratör (ändrat i organisationsfilen).');
    const leaderLog = viewText(ofKind(await as('led').command('setup audit'), 'private')[0]!.view);
    expect(leaderLog).not.toContain('administratör (');
  });
});
