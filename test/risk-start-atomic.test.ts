import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRiskBoard } from '../dialogues/risk/risk-board.js';
import type { Database } from '../store/database.js';
import { createDialogue, listOpenDialoguesInChannel } from '../store/queries/dialogues.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey } from '../store/queries/people.js';
import { findUnitByKey } from '../store/queries/units.js';
import { channelOf, driver, ofKind, riskOrg } from './support/risk-org.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';

/**
 * A risk dialogue and its row of year and levels are written in one transaction, so there is
 * no dialogue without them, and the board no longer makes up defaults for one.
 */

const NOW = new Date('2026-10-06T08:00:00Z');
let t: TestTillit;
let db: Database;
const openRisks = () =>
  listOpenDialoguesInChannel(db, {
    kind: 'risk',
    platform: 'slack',
    workspace: 'T1',
    channelId: channelOf('enh'),
  });

beforeAll(async () => {
  t = await startTestTillit();
  db = t.database.db;
  await syncOrg(db, riskOrg);
});
afterAll(async () => t?.close());

describe('starting a risk dialogue', () => {
  it('writes nothing when its risk row cannot be written, and everything when it can', async () => {
    await db.execute(sql`
      create function refuse_risk_dialogue() returns trigger language plpgsql as $$
      begin raise exception 'refused by the test'; end $$`);
    await db.execute(sql`
      create trigger refuse_risk_dialogue before insert on risk_dialogues
      for each row execute function refuse_risk_dialogue()`);
    await expect(driver(db, 'chef_enh', channelOf('enh'), NOW).command('risk')).rejects.toThrow();
    expect(await openRisks()).toEqual([]);

    await db.execute(sql`drop trigger refuse_risk_dialogue on risk_dialogues`);
    const started = await driver(db, 'chef_enh', channelOf('enh'), NOW).command('risk');
    expect(ofKind(started, 'channel')).toHaveLength(1);
    expect(await openRisks()).toHaveLength(1);
  });

  it('has no board without its year and levels, instead of one with made-up defaults', async () => {
    const unit = (await findUnitByKey(db, { key: 'seka' }))!;
    const chef = (await findPersonByKey(db, { key: 'chef_a' }))!;
    const bare = await createDialogue(db, {
      kind: 'risk',
      unitId: unit.id,
      platform: 'slack',
      workspace: 'T1',
      channelId: channelOf('seka'),
      topic: 'Utan rad',
      phase: 'identify',
      deadline: null,
      settings: {},
      lang: 'sv',
      alongside: false,
      startedBy: chef.id,
      now: NOW,
    });
    await expect(loadRiskBoard(db, bare!, { threshold: 5 })).rejects.toThrow(/risk_dialogues/);
  });
});
