import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swotItems } from '../store/schema/index.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';
import { SWOT_CHANNEL, swotCollecting } from './support/swot-form.js';

// A Slack form is acknowledged (the modal closes) only once what it sent is stored; the same
// view sent again is stored once; past the 3 s budget the modal says nothing was saved, and
// the late write never commits after that answer.
let t: TestTillit;
let form: Awaited<ReturnType<typeof swotCollecting>>;

beforeAll(async () => {
  t = await startTestTillit();
  form = await swotCollecting(t, ['m1', 'm2', 'm3', 'm4']);
});
afterAll(async () => t?.close());

const itemsWithText = async (text: string) =>
  (await t.database.db.select().from(swotItems).where(eq(swotItems.text, text))).length;

/** Holds the item table locked (on PGlite: the one connection busy) until `release`. */
function holdDatabase() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const held = t.database.db.transaction(async (tx) => {
    await tx.execute(sql`lock table swot_items in access exclusive mode`);
    locked();
    await released;
  });
  return {
    isLocked,
    release: async () => {
      release();
      await held;
    },
  };
}

describe('Slack form submissions', () => {
  it('stores identical submissions of one view (same id and hash) once, and closes each', async () => {
    const modal = await form.addItemModal('m1');
    const view = { viewId: 'V0SAMEVIEW', hash: '1712345678.000001' };
    const first = await form.submitItem('m1', modal, 'Vi ses varje morgon', view);
    const again = await Promise.all([
      form.submitItem('m1', modal, 'Vi ses varje morgon', view),
      form.submitItem('m1', modal, 'Vi ses varje morgon', view),
    ]);
    for (const response of [first, ...again]) {
      expect(response.status).toBe(200);
      expect(response.body).toBe('');
    }
    expect(await itemsWithText('Vi ses varje morgon')).toBe(1);
    // Another view (a new modal) with the same text is a new item.
    const other = await form.addItemModal('m1');
    await form.submitItem('m1', other, 'Vi ses varje morgon', { viewId: 'V0OTHERVIEW' });
    expect(await itemsWithText('Vi ses varje morgon')).toBe(2);
  });

  it('lets a refused submission be corrected and sent again from the same view', async () => {
    const modal = await form.addItemModal('m2');
    const view = { viewId: 'V0CORRECTED', hash: '1712345678.000002' };
    const empty = await form.submitItem('m2', modal, '', view);
    expect(empty.body).toMatchObject({ response_action: 'errors' });
    const corrected = await form.submitItem('m2', modal, 'Bra introduktion', view);
    expect(corrected.body).toBe('');
    expect(await itemsWithText('Bra introduktion')).toBe(1);
  });

  it('past the budget keeps the modal open with "nothing was saved", and never stores it later', async () => {
    const modal = await form.addItemModal('m3');
    const hold = holdDatabase();
    await hold.isLocked;
    const sent = Date.now();
    const response = await form.submitItem('m3', modal, 'Skrivet medan databasen var upptagen');
    const answeredMs = Date.now() - sent;
    await hold.release();
    // Slack closes the connection after 3 s: the answer must come before that.
    expect(answeredMs).toBeLessThan(3_000);
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('Det tog för lång tid – inget sparades');
    expect(response.body).toMatchObject({ response_action: 'errors' });
    // The late work finishes now that the table is free, and rolls back instead of committing.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await itemsWithText('Skrivet medan databasen var upptagen')).toBe(0);
    // The same form, sent again when the database answers, is stored.
    const retry = await form.submitItem('m3', modal, 'Skrivet medan databasen var upptagen');
    expect(retry.body).toBe('');
    expect(await itemsWithText('Skrivet medan databasen var upptagen')).toBe(1);
  });

  // On PGlite a held transaction blocks every query, so the person (and their language)
  // cannot be looked up either: there the default language is all Tillit can know.
  it.runIf(process.env.TEST_DATABASE_URL)(
    'says it in English to someone who reads English (Postgres: only the item table is held)',
    async () => {
      const since = form.s.since();
      await form.s.command('m4', SWOT_CHANNEL, 'lang en');
      await form.s.privateTo('m4', since);
      const modal = await form.addItemModal('m4');
      const hold = holdDatabase();
      await hold.isLocked;
      const response = await form.submitItem('m4', modal, 'Written while busy');
      await hold.release();
      expect(JSON.stringify(response.body)).toContain('That took too long – nothing was saved');
    },
  );
});
