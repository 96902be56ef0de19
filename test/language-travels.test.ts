import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverSlackReplies, type SlackScene } from '../bot/slack/slack-replies.js';
import type { RequestContext } from '../dialogues/core/context.js';
import { createInboundHandler } from '../dialogues/handle-inbound.js';
import { CHOOSE_LANGUAGE } from '../dialogues/language.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { View } from '../dialogues/view.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey, setLanguage } from '../store/queries/people.js';
import { listLocalPeople, postLocal } from './support/local-tillit.js';
import { slackSession, slackUnit, TEAM, userIdOf } from './support/slack-session.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * Issue 19, item 6: a reply knows its language. The handler's answer says which language its
 * replies are in (after `lang en`, the new one), so no channel looks the person up again, and
 * the words a channel adds itself (Slack's Cancel, "… and 3 more") follow it.
 */
const CHANNEL = 'C0LANG';
let t: TestTillit;

/** A person on Slack and on the local page alike. */
const person = (key: string, role: 'manager' | 'member') => ({
  key,
  name: key[0]!.toUpperCase() + key.slice(1),
  admin: false,
  identities: [
    { platform: 'slack' as const, workspace: TEAM, externalId: userIdOf(key) },
    { platform: 'local' as const, workspace: '', externalId: key },
  ],
  roles: [{ unit: 'sek', role }],
});

beforeAll(async () => {
  const database = await openTestDatabase();
  // The organisation is there before the start, so the local page loads no demo.
  await syncOrg(database.db, {
    units: [
      {
        ...slackUnit('sek', CHANNEL),
        channels: [
          { platform: 'slack', workspace: TEAM, channelId: CHANNEL },
          { platform: 'local', workspace: '', channelId: 'sek' },
        ],
      },
    ],
    people: [person('chef', 'manager'), person('anna', 'member'), person('eve', 'member')],
  });
  t = await startTestTillit({ database, env: { LOCAL_CHANNEL: 'on' } });
});
afterAll(async () => t?.close());

function ctx(key: string): RequestContext {
  return {
    db: t.database.db,
    now: new Date(),
    settings: {
      defaultLang: 'sv',
      defaultTimezone: 'Europe/Stockholm',
      anonymityThreshold: 5,
      publicUrl: null,
    },
    caller: { platform: 'slack', workspace: TEAM, externalId: userIdOf(key) },
    place: { platform: 'slack', workspace: TEAM, channelId: null },
    directory: { displayName: async () => null },
  };
}

describe('the handler says which language its answer is in', () => {
  const handle = createInboundHandler();

  it("is the asker's language, and after `lang en` the one just chosen", async () => {
    const before = await handle(ctx('anna'), { kind: 'command', text: 'help' });
    expect(before.lang).toBe('sv');
    const chosen = await handle(ctx('anna'), { kind: 'command', text: 'lang en' });
    // The person was Swedish when the request came; the answer is in English, and says so.
    expect(chosen.lang).toBe('en');
    expect(JSON.stringify(chosen.replies)).toContain(en.common.languageSet);
    const back = await handle(ctx('anna'), { kind: 'command', text: 'lang sv' });
    expect(back.lang).toBe('sv');
  });

  it('chooses a language through the feature from a menu: nothing is said, the answer is in it', async () => {
    const chosen = await handle(ctx('anna'), {
      kind: 'action',
      action: { id: CHOOSE_LANGUAGE, value: 'en' },
    });
    expect(chosen).toMatchObject({ replies: [], lang: 'en' });
    expect((await findPersonByKey(t.database.db, { key: 'anna' }))?.lang).toBe('en');
    // A word that is no language changes nothing.
    const nonsense = await handle(ctx('anna'), {
      kind: 'action',
      action: { id: CHOOSE_LANGUAGE, value: 'de' },
    });
    expect(nonsense).toMatchObject({ replies: [], lang: 'en' });
    await handle(ctx('anna'), { kind: 'action', action: { id: CHOOSE_LANGUAGE, value: 'sv' } });
  });
});

describe('Slack says its own words in the language of the answer', () => {
  it('a form opened by someone who reads English has Cancel in English; in Swedish, Avbryt', async () => {
    const s = slackSession(t);
    const eve = await findPersonByKey(t.database.db, { key: 'eve' });
    await setLanguage(t.database.db, { personId: eve!.id, lang: 'en' });
    await s.command('chef', CHANNEL, 'swot "Vår vardag"');
    const board = await t.api.waitForCall('chat.postMessage', (args) => args.channel === CHANNEL);
    for (const [key, cancel] of [
      ['eve', en.common.cancel],
      ['anna', sv.common.cancel],
    ] as const) {
      const { triggerId } = await s.click(key, CHANNEL, board.args.blocks, 'swot.add');
      const modal = (await s.modalOpenedBy(triggerId)) as { close?: { text: string } };
      expect(modal.close?.text).toBe(cancel);
    }
  });

  it('a private message cut to fit ends with "… and N more" in the language of the scene', async () => {
    const posted: { blocks?: unknown }[] = [];
    const client = {
      chat: {
        postEphemeral: async (message: { blocks?: unknown }) => {
          posted.push(message);
          return { ok: true };
        },
      },
    } as unknown as WebClient;
    const long: View = {
      summary: 'Lång lista',
      blocks: Array.from({ length: 80 }, (_, i) => ({ type: 'text' as const, text: `Rad ${i}` })),
    };
    for (const t of [en, sv]) {
      const scene: SlackScene = { client, teamId: TEAM, userId: 'U1', channelId: 'C1', t };
      await deliverSlackReplies({ db: null as never, refresh: async () => {} }, scene, [
        { kind: 'private', view: long },
      ]);
    }
    const lastLines = posted.map((m) => JSON.stringify((m.blocks as unknown[]).at(-1)));
    expect(lastLines[0]).toContain(en.common.moreItems({ count: 31 }));
    expect(lastLines[1]).toContain(sv.common.moreItems({ count: 31 }));
  });
});

describe('the local page changes language through the language feature', () => {
  it('answers with the language chosen, and the page then lists the person in it', async () => {
    const chosen = await postLocal<{ lang: string }>(t.url, 'language', {
      person: 'chef',
      lang: 'en',
    });
    expect(chosen).toEqual({ status: 200, body: { lang: 'en' } });
    expect((await listLocalPeople(t.url)).find((p) => p.key === 'chef')?.lang).toBe('en');
    // A command's answer carries the language it is in: the new one after `lang sv`.
    const typed = await postLocal<{ lang: string }>(t.url, 'command', {
      person: 'chef',
      channel: 'sek',
      text: 'lang sv',
    });
    expect(typed.body.lang).toBe('sv');
  });
});
