import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFrom } from '../bot/request-settings.js';
import { DELIVERY_LIFETIME_MS, purgeDeliveriesTick } from '../bot/scheduler/purge-deliveries.js';
import { sendEvent } from '../scripts/bench/support/slack-requests.js';
import { claimDelivery } from '../store/queries/handled-deliveries.js';
import { handledDeliveries, localMessages, people } from '../store/schema/index.js';
import { slackSigned } from './support/fuzz-requests.js';
import { listLocalPeople, postLocal } from './support/local-tillit.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';

// Issue 17, errors as data and logs that carry no one's words: every route answers an error
// as JSON (or plain text for a browser) with a request id, in the person's language, without
// a stack, SQL or path; control characters never reach the database; a failing query is
// logged by its statement's name and code, never with the text that went into it.
let t: TestTillit;
let person: string;

beforeAll(async () => {
  t = await startTestTillit({ env: { LOCAL_CHANNEL: 'on', TEAMS_EMULATOR: 'on' } });
  person = (await listLocalPeople(t.url))[0]!.key;
});
afterAll(async () => t?.close());

const LEAKS = /Failed query|params:|select |insert into|\bat \w+ \(|node_modules|\/work\/|\.ts:\d/;

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('errors as data', () => {
  it('answers bad JSON with 400, a reason in Swedish and the request id of its log line', async () => {
    const response = await post('/local/command', '{"person": "x", ');
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ error: 'badJson', message: 'Förfrågan är inte giltig JSON.' });
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
    expect(t.logLines.join('\n')).toContain(body.requestId);
  });

  it('answers a body over the limit with 413, and wrong types with 400 and where', async () => {
    const huge = await post('/local/command', JSON.stringify({ text: 'x'.repeat(200_000) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'tooLarge' });
    const wrong = await postLocal(t.url, 'command', { person, channel: null, text: 42 });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      error: 'badRequest',
      detail: expect.stringContaining('text'),
    });
  });

  it('answers an unknown page in plain text for a browser, in English when asked', async () => {
    const sv = await fetch(`${t.url}/nowhere`, { headers: { accept: 'text/html' } });
    expect(sv.status).toBe(404);
    expect(sv.headers.get('content-type')).toContain('text/plain');
    const text = await sv.text();
    expect(text).toContain('Det finns ingenting här');
    expect(text).toContain(sv.headers.get('x-request-id')!);
    const en = await fetch(`${t.url}/nowhere`, {
      headers: { accept: 'text/html', 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(await en.text()).toContain('There is nothing here');
  });

  it('refuses an address with control characters, and cleans them from text before storing', async () => {
    const nul = await fetch(`${t.url}/local/inbox?person=a%00b`);
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ error: 'badText' });
    const channel = (await listLocalPeople(t.url))[0]!.roles[0]!.unitKey;
    const sent = await postLocal(t.url, 'command', {
      person,
      channel,
      text: 'hjälp\u0000\u0007 nu',
    });
    expect(sent.status).toBe(200);
    const echoes = await t.database.db
      .select({ view: localMessages.view })
      .from(localMessages)
      .where(isNotNull(localMessages.authorId));
    const shown = echoes.map((e) => (e.view as { summary: string }).summary);
    expect(shown).toContain('hjälp nu');
  });

  it('refuses what is not an activity at /api/messages with 400, not an HTML 500', async () => {
    const response = await post('/api/messages', '{"text":"hej"}');
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ error: 'badRequest' });
    expect(body).not.toContain('validateAndFixActivity');
  });

  it('refuses a signed Slack payload Tillit does not take with 400, not a 500', async () => {
    const payload = `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', user: 42 }))}`;
    const response = await post('/slack/events', payload, {
      'content-type': 'application/x-www-form-urlencoded',
      ...slackSigned(SIGNING_SECRET, payload),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(LEAKS);
  });
});

describe('logs carry no one’s words', () => {
  it('tells a failing query by statement and code, in neither the log nor the answer the text', async () => {
    const secret = 'Min hemliga text om Kalle 42';
    const [asker] = await t.database.db
      .update(people)
      .set({ lang: 'en' })
      .where(eq(people.key, person))
      .returning();
    const channel = (await listLocalPeople(t.url)).find((p) => p.key === person)!.roles[0]!.unitKey;
    // The echo of the command is the first write: make it fail.
    await t.database.db.execute(sql`alter table local_messages rename to local_messages_away`);
    try {
      const response = await postLocal(t.url, 'command', {
        person: asker!.key,
        channel,
        text: secret,
      });
      expect(response.status).toBe(500);
      const answer = JSON.stringify(response.body);
      expect(answer).toContain('Something went wrong, and nothing was saved');
      expect(answer).not.toContain(secret);
      expect(answer).not.toMatch(LEAKS);
    } finally {
      await t.database.db.execute(sql`alter table local_messages_away rename to local_messages`);
    }
    const log = t.logLines.join('\n');
    expect(log).not.toContain(secret);
    expect(log).not.toMatch(/Failed query|params:/);
    expect(log).toMatch(/DatabaseError: insert local_messages code=42P01/);
  });

  it('refuses a huge Slack event id without a row or a log of it, and keeps long keys hashed', async () => {
    const before = (await t.database.db.select().from(handledDeliveries)).length;
    const eventId = `Ev${'E'.repeat(20_000)}`;
    const event = { type: 'app_home_opened', user: 'U0NOBODY', tab: 'home', channel: 'D0X' };
    const response = await sendEvent(t.url, SIGNING_SECRET, { event, eventId, teamId: 'T0X' });
    expect(response.status).toBe(400);
    expect((await t.database.db.select().from(handledDeliveries)).length).toBe(before);
    expect(t.logLines.join('\n')).not.toContain('E'.repeat(100));
    // A long key (a Teams conversation and activity id) is kept as its hash, and still works.
    const key = `teams-activity:${'x'.repeat(5_000)}`;
    expect(await claimDelivery(t.database.db, { key })).toBe(true);
    expect(await claimDelivery(t.database.db, { key })).toBe(false);
    const keys = await t.database.db.select().from(handledDeliveries);
    expect(keys.every((k) => k.key.length <= 200)).toBe(true);
    expect(keys.some((k) => k.key.startsWith('sha256:'))).toBe(true);
  });

  it('forgets handled deliveries once a day, after the platforms’ retry windows', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - DELIVERY_LIFETIME_MS - 60_000);
    await t.database.db.insert(handledDeliveries).values([
      { key: 'slack-event:OLD', handledAt: old },
      { key: 'slack-event:NEW', handledAt: now },
    ]);
    const tick = purgeDeliveriesTick();
    const ctx = {
      db: t.database.db,
      now,
      settings: settingsFrom(t.config),
      refresh: async () => {},
    };
    await tick.run(ctx);
    const left = async (key: string) =>
      (
        await t.database.db
          .select()
          .from(handledDeliveries)
          .where(and(eq(handledDeliveries.key, key)))
      ).length;
    expect(await left('slack-event:OLD')).toBe(0);
    expect(await left('slack-event:NEW')).toBe(1);
    // Once a day: a second run the same day does not touch what has aged meanwhile.
    await t.database.db
      .insert(handledDeliveries)
      .values({ key: 'slack-event:OLD2', handledAt: old });
    await tick.run(ctx);
    expect(await left('slack-event:OLD2')).toBe(1);
  });
});
