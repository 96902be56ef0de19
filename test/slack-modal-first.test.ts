import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { features } from '../dialogues/features.js';
import { formButtonIds, opensForm } from '../dialogues/opens-form.js';
import type { RecordedCall } from '../scripts/bench/support/fake-slack-api.js';
import { sendEvent } from '../scripts/bench/support/slack-requests.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { slackPerson, slackSession, slackUnit, textOf, userIdOf } from './support/slack-session.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';

/**
 * A Slack trigger_id lives 3 s from the click, so a button whose answer is a form must get
 * its modal open before a slow use case has finished. Here the database is made slow on
 * purpose: a transaction holds the dialogues table locked while the click comes in, and lets
 * go only once Slack has seen views.open (or after 2.5 s, when the test has failed).
 */

const CHANNEL = 'C0MODAL';
let t: TestTillit;
let s: ReturnType<typeof slackSession>;
let board: RecordedCall;

beforeAll(async () => {
  t = await startTestTillit();
  s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit('sek', CHANNEL)],
    people: [slackPerson('chef', [{ unit: 'sek', role: 'manager' }])],
  });
  await s.command('chef', CHANNEL, 'swot "Vår vardag"');
  board = await s.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL);
});
afterAll(async () => t?.close());

describe('a form from a slow use case', () => {
  it('opens its modal while the database still holds the use case up, then fills it in', async () => {
    const events: string[] = [];
    let triggerId = '';
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table dialogues in access exclusive mode`);
      events.push('database held');
      ({ triggerId } = await s.click('chef', CHANNEL, board.args.blocks, 'swot.add'));
      const opened = await t.api
        .waitFor((c) => c.method === 'views.open' && c.args.trigger_id === triggerId, 2_500)
        .catch(() => null);
      events.push(opened ? 'views.open' : 'no views.open while held');
      events.push('database released');
    });
    expect(events).toEqual(['database held', 'views.open', 'database released']);

    // The modal that opened says the form is on its way; the form replaces it in place.
    const open = t.api.callsOf('views.open').find((c) => c.args.trigger_id === triggerId)!;
    expect(JSON.stringify(open.args.view)).toContain('Öppnar');
    const update = await t.api.waitFor(
      (c) =>
        c.method === 'views.update' &&
        (c.args.view as { callback_id?: string }).callback_id === 'swot.add-item',
    );
    const viewId = update.args.view_id as string;
    expect(t.api.view(viewId)).toMatchObject({ callback_id: 'swot.add-item' });
    expect(t.api.callsOf('views.open').filter((c) => c.args.trigger_id === triggerId)).toHaveLength(
      1,
    );
  });

  it('opens a quick form directly, with no waiting modal in between', async () => {
    const { triggerId } = await s.click('chef', CHANNEL, board.args.blocks, 'swot.add');
    const open = await t.api.waitFor(
      (c) => c.method === 'views.open' && c.args.trigger_id === triggerId,
    );
    expect((open.args.view as { callback_id?: string }).callback_id).toBe('swot.add-item');
  });

  it('knows only buttons that exist', () => {
    const known = new Set(features.flatMap((f) => Object.keys(f.actions ?? {})));
    for (const id of formButtonIds()) expect(known, id).toContain(id);
    expect(opensForm({ kind: 'command', text: 'help' })).toBe(false);
  });
});

describe('messages to Tillit in its Messages tab', () => {
  it('work as /tillit commands do, with or without the /tillit', async () => {
    for (const [i, text] of ['help', '/tillit hjälp'].entries()) {
      const since = s.since();
      const response = await sendEvent(t.url, SIGNING_SECRET, {
        eventId: `Ev0DM${i}`,
        teamId: 'T0TEST',
        event: {
          type: 'message',
          channel_type: 'im',
          channel: `D${userIdOf('chef')}`,
          user: userIdOf('chef'),
          text,
          ts: `${Date.now() / 1000}`,
        },
      });
      expect(response.status).toBe(200);
      expect(textOf(await s.privateTo('chef', since))).toContain('/tillit');
    }
  });

  it('leave Tillit’s own messages and edits alone', async () => {
    await quiet();
    const before = t.api.calls.length;
    for (const [i, extra] of [{ bot_id: 'B0TILLIT' }, { subtype: 'message_changed' }].entries()) {
      await sendEvent(t.url, SIGNING_SECRET, {
        eventId: `Ev0SELF${i}`,
        event: {
          type: 'message',
          channel_type: 'im',
          channel: `D${userIdOf('chef')}`,
          user: userIdOf('chef'),
          text: 'help',
          ts: `${Date.now() / 1000}`,
          ...extra,
        },
      });
    }
    await quiet();
    const sent = t.api.calls.slice(before).filter((c) => c.method.startsWith('chat.'));
    expect(sent.map((c) => `${c.method} ${textOf(c).slice(0, 80)}`)).toEqual([]);
  });
});

/** Until the fake Slack API has had no call for 300 ms: what earlier requests sent is in. */
async function quiet() {
  await t.tillit.settle();
  let count = -1;
  while (count !== t.api.calls.length) {
    count = t.api.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
