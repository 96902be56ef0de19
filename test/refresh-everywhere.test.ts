import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocalMessagesByKey, postLocalMessage } from '../store/queries/local-messages.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { rememberPostedMessage } from '../store/queries/posted-messages.js';
import { dialogues } from '../store/schema/index.js';
import { slackPerson, slackSession, slackUnit, textOf } from './support/slack-session.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';

const CHANNEL = 'C0BOTH';
let t: TestTillit;
let s: ReturnType<typeof slackSession>;

beforeAll(async () => {
  t = await startTestTillit({ env: { LOCAL_CHANNEL: 'on' } });
  s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit('sek', CHANNEL)],
    people: [
      slackPerson('chef', [{ unit: 'sek', role: 'manager' }]),
      slackPerson('m1', [{ unit: 'sek', role: 'member' }]),
    ],
  });
});
afterAll(async () => t?.close());

describe('a dialogue message on several platforms', () => {
  it('follows a click on one platform everywhere it was posted', async () => {
    await s.command('chef', CHANNEL, 'swot "Vår vardag"');
    const board = await s.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL,
    );
    const [dialogue] = await t.database.db.select().from(dialogues);
    const boardKey = `swot:${dialogue!.id}`;
    // The same board shown in the local channel too (a unit reached both ways), recorded where
    // every platform's posted messages are.
    const local0 = await postLocalMessage(t.database.db, {
      channelId: 'local-sek',
      personId: null,
      key: boardKey,
      view: { summary: 'SWOT: Vår vardag', blocks: [{ type: 'text', text: 'Inget ännu.' }] },
      postedAt: t.tillit.clock.now(),
    });
    await rememberPostedMessage(t.database.db, {
      key: boardKey,
      platform: 'local',
      workspace: '',
      channelId: 'local-sek',
      messageId: local0.id,
    });

    const { triggerId } = await s.click('m1', CHANNEL, board.args.blocks, 'swot.add');
    await s.submit('m1', await s.modalOpenedBy(triggerId), {
      quadrant: { selected: 'strengths' },
      text: 'Vi hjälper varandra',
      anonymous: { checked: [] },
    });
    const slackUpdate = await s.waitFor((c) => c.method === 'chat.update');
    expect(slackUpdate.args.channel).toBe(CHANNEL);
    expect(textOf(slackUpdate)).toContain('Vi hjälper varandra');
    // On a Postgres pool the local write runs beside the Slack call: wait for it, briefly.
    await expect
      .poll(async () => (await findLocalMessagesByKey(t.database.db, { key: boardKey }))[0])
      .toMatchObject({ version: 2 });
    const [local] = await findLocalMessagesByKey(t.database.db, { key: boardKey });
    expect(JSON.stringify(local!.view)).toContain('Vi hjälper varandra');
  });
});
