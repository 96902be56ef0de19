import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestPeer } from '../dialogues/pairing/suggest-peer.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { DatabaseHandle } from '../store/database.js';
import { collectPersonData } from '../store/queries/person-data.js';
import { auditLog, reviewPairs } from '../store/schema/index.js';
import { driver, ofKind, privateText, viewText } from './support/risk-org.js';
import { openTwoDepartments } from './support/two-departments.js';

/** Tuesday 3 March 2026: the first tertial (T1-2026). */
const NOW = new Date('2026-03-03T09:00:00Z');
const NEXT_TERTIAL = new Date('2026-06-03T09:00:00Z');

let handle: DatabaseHandle;
let id: Record<string, string>;

beforeAll(async () => {
  ({ handle, id } = await openTwoDepartments());
});
afterAll(async () => handle?.close());

const as = (who: string) => driver(handle.db, who, null, NOW);
const keyOf = (unitId: string | undefined) => Object.keys(id).find((k) => id[k] === unitId);

describe("Tillit's suggestion", () => {
  it('is a unit at the same level in the other department, and another one next tertial', async () => {
    const now = await suggestPeer(handle.db, { unitId: id.barn!, on: NOW });
    const next = await suggestPeer(handle.db, { unitId: id.barn!, on: NEXT_TERTIAL });
    expect(['hemtj', 'boende']).toContain(now?.peer.key);
    expect(['hemtj', 'boende']).toContain(next?.peer.key);
    expect(next?.peer.key).not.toBe(now?.peer.key);
    expect(now).toMatchObject({ source: 'suggested', pairId: null, period: 'T1-2026' });
    // The two units of a department do not both land on the same peer.
    const vuxen = await suggestPeer(handle.db, { unitId: id.vuxen!, on: NOW });
    expect(vuxen?.peer.key).not.toBe(now?.peer.key);
    // The departments pair with each other; the förvaltning has nobody across a boundary.
    expect((await suggestPeer(handle.db, { unitId: id.ifo!, on: NOW }))?.peer.key).toBe('aldre');
    expect(await suggestPeer(handle.db, { unitId: id.sof!, on: NOW })).toBeNull();
  });
});

describe('pairs an admin sets in chat', () => {
  it('refuses a member, a unit with itself, an unknown unit, and a tertial that is over', async () => {
    const member = await as('barn1').command('setup pair barn hemtj');
    expect(privateText(member)).toBe(sv.common.notAllowed({ what: sv.setup.what }));
    expect(privateText(await as('led').command('inställningar par barn hemtj'))).toBe(
      sv.common.notAllowed({ what: sv.setup.what }),
    );
    expect(privateText(await as('adm').command('inställningar par barn barn'))).toBe(
      sv.pairing.self({ unit: 'Enhet barn' }),
    );
    const unknown = privateText(await as('adm').command('inställningar par barn hemtjänsten'));
    expect(unknown).toContain(sv.common.unknownUnit({ text: 'hemtjänsten' }));
    expect(unknown).toContain('`hemtj`');
    expect(privateText(await as('adm').command('setup pair barn hemtj T3-2025'))).toBe(
      sv.pairing.pastPeriod({ period: 'T3-2025' }),
    );
    expect(privateText(await as('adm').command('setup pair barn hemtj sommar'))).toBe(
      sv.pairing.badPeriod({ got: 'sommar' }),
    );
    expect(privateText(await as('adm').command('setup pair barn'))).toBe(sv.pairing.badPair);
    expect(await handle.db.select().from(reviewPairs)).toEqual([]);
  });

  it('sets two units as each other’s reviewers, ahead of the suggestion, and removes them', async () => {
    const suggested = await suggestPeer(handle.db, { unitId: id.barn!, on: NOW });
    const other = suggested?.peer.key === 'hemtj' ? 'boende' : 'hemtj';
    const set = await as('adm').command(`inställningar par barn ${other}`);
    expect(privateText(set)).toBe(
      sv.pairing.pairSet({ unit: 'Enhet barn', peer: `Enhet ${other}`, period: 'T1-2026' }),
    );
    const rows = await handle.db.select().from(reviewPairs);
    expect(rows.map((r) => [keyOf(r.unitId), keyOf(r.peerUnitId), r.period, r.source])).toEqual(
      expect.arrayContaining([
        ['barn', other, 'T1-2026', 'admin'],
        [other, 'barn', 'T1-2026', 'admin'],
      ]),
    );
    expect(rows).toHaveLength(2);
    const won = await suggestPeer(handle.db, { unitId: id.barn!, on: NOW });
    expect(won).toMatchObject({ source: 'admin', peer: { key: other } });
    // Next tertial the rotation holds again.
    expect((await suggestPeer(handle.db, { unitId: id.barn!, on: NEXT_TERTIAL }))?.source).toBe(
      'suggested',
    );
    // Setting it again changes nothing.
    expect(privateText(await as('adm').command(`setup pair barn ${other}`))).toBe(
      sv.pairing.pairHeld({ unit: 'Enhet barn', peer: `Enhet ${other}`, period: 'T1-2026' }),
    );

    const list = viewText(ofKind(await as('adm').command('setup pair'), 'private')[0]!.view);
    expect(list).toContain(sv.pairing.line({ unit: 'Enhet barn', peer: `Enhet ${other}` }));
    expect(list).toContain(sv.pairing.sources.admin);
    expect(list).toContain(sv.pairing.suggestedHeader);
    expect(list).toContain(sv.pairing.line({ unit: 'Enhet ifo', peer: 'Enhet aldre' }));

    const removed = await as('adm').command('inställningar par bort barn');
    expect(privateText(removed)).toBe(
      sv.pairing.pairRemoved({ unit: 'Enhet barn', period: 'T1-2026' }),
    );
    expect(await handle.db.select().from(reviewPairs)).toEqual([]);
    expect(privateText(await as('adm').command('setup pair remove barn'))).toBe(
      sv.pairing.nothingToRemove({ unit: 'Enhet barn', period: 'T1-2026' }),
    );
    expect((await suggestPeer(handle.db, { unitId: id.barn!, on: NOW }))?.source).toBe('suggested');

    // Each change is in the audit log with who made it, and leaders read it with `setup audit`.
    const audit = (await handle.db.select().from(auditLog)).filter((a) =>
      a.action.startsWith('pair-'),
    );
    expect(
      audit.map((a) => [a.action, keyOf(a.unitId ?? ''), keyOf(a.peerUnitId ?? ''), a.period]),
    ).toEqual(
      expect.arrayContaining([
        ['pair-set', 'barn', other, 'T1-2026'],
        ['pair-set', other, 'barn', 'T1-2026'],
        ['pair-removed', 'barn', other, 'T1-2026'],
        ['pair-removed', other, 'barn', 'T1-2026'],
      ]),
    );
    expect(audit).toHaveLength(4);
    expect(new Set(audit.map((a) => a.source))).toEqual(new Set(['chat']));
    const log = viewText(ofKind(await as('led').command('setup audit barn'), 'private')[0]!.view);
    expect(log).toContain(
      sv.pairing.audit.set({ unit: 'Enhet barn', peer: `Enhet ${other}`, period: 'T1-2026' }),
    );
    expect(log).toContain('(ändrat av ADM)');
    // The admin's register extract shows the pairs they set, by unit key.
    const extract = await collectPersonData(handle.db, { personKey: 'adm' });
    expect(extract?.sections.auditLog).toContainEqual(
      expect.objectContaining({
        action: 'pair-set',
        unit: 'barn',
        peer_unit: other,
        period: 'T1-2026',
        about_them: false,
        by_them: true,
      }),
    );
  });

  it('sets a pair for a coming tertial by name', async () => {
    await as('adm').command('setup pair vuxen boende T2-2026');
    const [row] = await handle.db
      .select()
      .from(reviewPairs)
      .where(and(eq(reviewPairs.unitId, id.vuxen!), eq(reviewPairs.period, 'T2-2026')));
    expect(keyOf(row?.peerUnitId)).toBe('boende');
    expect((await suggestPeer(handle.db, { unitId: id.vuxen!, on: NEXT_TERTIAL }))?.peer.key).toBe(
      'boende',
    );
    const list = viewText(
      ofKind(await as('adm').command('setup pair T2-2026'), 'private')[0]!.view,
    );
    expect(list).toContain(sv.pairing.listTitle({ period: 'T2-2026' }));
    expect(list).toContain(sv.pairing.line({ unit: 'Enhet vuxen', peer: 'Enhet boende' }));
    await as('adm').command('setup pair remove vuxen T2-2026');
  });
});
