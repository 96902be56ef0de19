import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOrg } from '../store/queries/org-sync.js';
import { dialogues, people, swotItems } from '../store/schema/index.js';
import { checkBlockKitLimits } from './support/block-kit-limits.js';
import {
  findButton,
  slackPerson,
  slackSession,
  slackUnit,
  textOf,
} from './support/slack-session.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';

const CHANNEL = 'C0FULL';
const ITEMS = 45;
let t: TestTillit;
let s: ReturnType<typeof slackSession>;

beforeAll(async () => {
  t = await startTestTillit();
  s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit('full', CHANNEL)],
    people: [
      slackPerson('chef', [{ unit: 'full', role: 'manager' }]),
      slackPerson('m1', [{ unit: 'full', role: 'member' }]),
    ],
  });
});
afterAll(async () => t?.close());

describe('a board with more than fits', () => {
  it('offers "Visa alla" instead of "… och N till", and it lists every item', async () => {
    await s.command('chef', CHANNEL, 'swot Allt om oss');
    const board = await s.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL,
    );
    const [dialogue] = await t.database.db.select().from(dialogues);
    const [m1] = await t.database.db.select().from(people).where(eq(people.key, 'm1'));
    await t.database.db.insert(swotItems).values(
      Array.from({ length: ITEMS }, (_, i) => ({
        dialogueId: dialogue!.id,
        quadrant: 'strengths' as const,
        text: `Styrka nummer ${i + 1} som vi vill lyfta`,
        authorId: m1!.id,
      })),
    );
    // One more through the form: the board is updated and must now hold more than fits.
    const { triggerId } = await s.click('m1', CHANNEL, board.args.blocks, 'swot.add');
    await s.submit('m1', await s.modalOpenedBy(triggerId), {
      quadrant: { selected: 'strengths' },
      text: 'Den sista styrkan',
      anonymous: { checked: [] },
    });
    const ts = t.api.messagesIn(CHANNEL)[0]!.ts;
    await s.waitFor((c) => c.method === 'chat.update' && c.args.ts === ts);
    await t.tillit.settle();
    const updated = t.api
      .callsOf('chat.update')
      .filter((c) => c.args.ts === ts)
      .at(-1)!;
    const shown = textOf(updated);
    expect(shown).not.toMatch(/… och \d+ till/);
    const showAll = findButton(updated.args.blocks, 'swot.show-all');
    expect(JSON.stringify(showAll.text)).toMatch(/Visa alla \(\d+ till\)/);

    const since = s.since();
    await s.click('m1', CHANNEL, updated.args.blocks, 'swot.show-all');
    const all = await s.privateTo('m1', since);
    expect(checkBlockKitLimits(all.args.blocks, { maxBlocks: 50 })).toEqual([]);
    const text = textOf(all);
    for (let i = 1; i <= ITEMS; i++) expect(text).toContain(`Styrka nummer ${i} som`);
    expect(text).toContain('Den sista styrkan');
  });
});
