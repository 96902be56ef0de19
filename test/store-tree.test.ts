import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgFile } from '../dialogues/setup/org-file.js';
import type { DatabaseHandle } from '../store/database.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { findUnitByKey, listAncestors, listSubtree } from '../store/queries/units.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

describe('org tree', () => {
  it('imports the example org and walks the tree', async () => {
    const parsed = parseOrgFile('org.yaml', readFileSync('test/fixtures/org.yaml', 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const changes = await syncOrg(handle.db, parsed.plan);
    expect(changes.length).toBeGreaterThan(5);
    const root = await findUnitByKey(handle.db, { key: 'sof' });
    const subtree = await listSubtree(handle.db, { unitId: root!.id });
    expect(subtree.map((u) => u.key)).toEqual(['sof', 'ifo', 'ifo-barn', 'ifo-barn-utredning']);
    const leaf = await findUnitByKey(handle.db, { key: 'ifo-barn-utredning' });
    const ancestors = await listAncestors(handle.db, { unitId: leaf!.id });
    expect(ancestors.map((u) => u.key)).toEqual(['ifo-barn', 'ifo', 'sof']);
    expect(await syncOrg(handle.db, parsed.plan)).toEqual([]);
  });
});
