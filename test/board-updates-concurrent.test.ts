import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOutboxRow } from '../store/queries/outbox.js';
import { findPostedMessages } from '../store/queries/posted-messages.js';
import { dialogues } from '../store/schema/index.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';
import { swotCollecting } from './support/swot-form.js';

/**
 * Items added at the same moment by different people (on a server database, truly at once):
 * each request computes the board under the board's lock, so the newest version of the board
 * has every item, and that is the one the channel ends with.
 */

const members = Array.from({ length: 8 }, (_, i) => `m${i + 1}`);
let t: TestTillit;

beforeAll(async () => {
  t = await startTestTillit();
});
afterAll(async () => t?.close());

describe('a board changed by many at once', () => {
  it('ends showing every change, in its newest version', async () => {
    const { board, addItemModal, submitItem } = await swotCollecting(t, members);
    const modals = await Promise.all(members.map((m) => addItemModal(m)));
    const answers = await Promise.all(
      members.map((m, i) => submitItem(m, modals[i]!, `Punkt från ${m}`)),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await t.tillit.settle();
    const [dialogue] = await t.database.db.select().from(dialogues);
    const row = await getOutboxRow(t.database.db, { key: `update:swot:${dialogue!.id}` });
    expect(row?.status).toBe('sent');
    for (const m of members) expect(JSON.stringify(row!.view)).toContain(`Punkt från ${m}`);
    const [place] = await findPostedMessages(t.database.db, {
      key: `swot:${dialogue!.id}`,
      platform: 'slack',
    });
    expect(place!.appliedVersion).toBe(row!.version);
    const last = t.api
      .callsOf('chat.update')
      .filter((c) => c.args.ts === board.args.ts || c.args.channel === place!.channelId)
      .at(-1)!;
    for (const m of members) expect(JSON.stringify(last.args.blocks)).toContain(`Punkt från ${m}`);
  });
});
