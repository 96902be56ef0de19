import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestPeer } from '../dialogues/pairing/suggest-peer.js';
import { importOrg } from '../dialogues/setup/import-org.js';
import { parseOrgFile } from '../dialogues/setup/org-file.js';
import type { DatabaseHandle } from '../store/database.js';
import type { OrgPlan } from '../store/queries/org-sync.js';
import { reviewPairs, units } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

/** Tuesday 3 March 2026: the first tertial (T1-2026). */
const NOW = new Date('2026-03-03T09:00:00Z');

const UNITS = `units:
  - { key: sof, name: Socialförvaltningen, level: administration, parent: null }
  - { key: ifo, name: IFO, level: department, parent: sof }
  - { key: barn, name: Barn och unga, level: unit, parent: ifo }
  - { key: vuxen, name: Vuxen, level: unit, parent: ifo }
  - { key: aldre, name: Äldre, level: department, parent: sof }
  - { key: hemtj, name: Hemtjänst, level: unit, parent: aldre }
  - { key: boende, name: Boende, level: unit, parent: aldre }
people: []
`;

const withPairs = (pairs: string) => `${UNITS}pairs:\n${pairs}`;

function planOf(text: string, file = 'org.yaml'): OrgPlan {
  const parsed = parseOrgFile(file, text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.plan;
}

const problemsOf = (text: string, file = 'org.yaml') => {
  const parsed = parseOrgFile(file, text);
  return parsed.ok ? [] : parsed.problems;
};

describe('pairs in the org file', () => {
  it('reads a pair with and without a tertial', () => {
    const plan = planOf(
      withPairs('  - units: [barn, hemtj]\n    tertial: t2-2026\n  - units: [vuxen, boende]\n'),
    );
    expect(plan.pairs).toEqual([
      { units: ['barn', 'hemtj'], tertial: 'T2-2026' },
      { units: ['vuxen', 'boende'], tertial: null },
    ]);
    expect(planOf(UNITS).pairs).toEqual([]);
  });

  it('says which line names an unknown unit, a unit with itself, or a unit paired twice', () => {
    const text = withPairs(
      [
        '  - units: [barn, hemtjansten]', // line 11
        '  - units: [vuxen, vuxen]', // line 12
        '  - units: [barn, boende]', // line 13
        '  - units: [hemtj, vuxen]', // line 14
        '  - units: [boende, vuxen]', // line 15: vuxen is paired on line 14
        '  - units: [barn, hemtj, boende]', // line 16
        '  - { units: [barn, hemtj], tertial: sommar }', // line 17
        '  - { units: [barn, hemtj], peer: boende }', // line 18
        '  - barn', // line 19
      ].join('\n'),
    );
    expect(problemsOf(text)).toEqual([
      { line: 11, message: 'pair barn–hemtjansten: unknown unit "hemtjansten"' },
      { line: 12, message: 'pair vuxen–vuxen: a unit cannot be paired with itself' },
      {
        line: 15,
        message:
          'pair boende–vuxen: boende is already paired in the tertial of the import (line 13)',
      },
      { line: 16, message: 'pair: units must list exactly two unit keys' },
      { line: 17, message: 'pair: tertial must look like T1-2027' },
      { line: 18, message: 'pair: unknown field "peer" (expected units, tertial)' },
      { line: 19, message: 'pair: each pair must be a mapping with units and tertial' },
    ]);
  });

  it('reads pair rows of a CSV file', () => {
    const csv = [
      'type,key,name,level,parent,channels,slack,teams,units,admin,tertial',
      'unit,ifo,IFO,department,,,,,,,',
      'unit,barn,Barn,unit,ifo,,,,,,',
      'unit,aldre,Äldre,department,,,,,,,',
      'unit,hemtj,Hemtjänst,unit,aldre,,,,,,',
      'pair,,,,,,,,barn hemtj,,T3-2026',
      'pair,,,,,,,,barn barn,,',
    ].join('\n');
    expect(problemsOf(csv, 'org.csv')).toEqual([
      { line: 7, message: 'pair barn–barn: a unit cannot be paired with itself' },
    ]);
    expect(planOf(csv.split('\n').slice(0, 6).join('\n'), 'org.csv').pairs).toEqual([
      { units: ['barn', 'hemtj'], tertial: 'T3-2026' },
    ]);
  });
});

describe('importing pairs', () => {
  let handle: DatabaseHandle;
  const id: Record<string, string> = {};
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle?.close());

  const load = (text: string) => importOrg(handle.db, planOf(text), { lang: 'sv', now: NOW });
  const stored = async () => {
    for (const u of await handle.db.select().from(units)) id[u.key] = u.id;
    const keyOf = (unitId: string) => Object.keys(id).find((k) => id[k] === unitId);
    return (await handle.db.select().from(reviewPairs))
      .map((r) => `${keyOf(r.unitId)}>${keyOf(r.peerUnitId)}@${r.period}:${r.source}`)
      .sort();
  };

  it('keeps them both ways, wins over the suggestion, and changes nothing when imported again', async () => {
    const text = withPairs(
      '  - units: [barn, boende]\n  - { units: [vuxen, hemtj], tertial: T2-2026 }\n',
    );
    const changes = await load(text);
    expect(changes).toEqual(
      expect.arrayContaining(['+ pair barn–boende (T1-2026)', '+ pair vuxen–hemtj (T2-2026)']),
    );
    expect(await stored()).toEqual([
      'barn>boende@T1-2026:org-file',
      'boende>barn@T1-2026:org-file',
      'hemtj>vuxen@T2-2026:org-file',
      'vuxen>hemtj@T2-2026:org-file',
    ]);
    expect(await suggestPeer(handle.db, { unitId: id.boende!, on: NOW })).toMatchObject({
      source: 'org-file',
      peer: { key: 'barn' },
    });
    expect(await load(text)).toEqual([]);
  });

  it('replaces the pairs of tertials not yet over when the file changes', async () => {
    const changes = await load(withPairs('  - units: [barn, hemtj]\n'));
    expect(changes).toEqual([
      '- pair barn–boende (T1-2026)',
      '- pair vuxen–hemtj (T2-2026)',
      '+ pair barn–hemtj (T1-2026)',
    ]);
    expect(await stored()).toEqual(['barn>hemtj@T1-2026:org-file', 'hemtj>barn@T1-2026:org-file']);
    // A file without pairs removes the file's pairs.
    expect(await load(UNITS)).toEqual(['- pair barn–hemtj (T1-2026)']);
    expect(await stored()).toEqual([]);
  });
});
