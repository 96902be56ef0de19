import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalDeliverer } from '../bot/local/local-deliverer.js';
import { carryOutLocally } from '../bot/local/local-replies.js';
import { createLogger } from '../bot/log.js';
import { createSender } from '../bot/outbox/sender.js';
import { buildDemoOrg } from '../dialogues/setup/demo-org.js';
import type { View } from '../dialogues/view.js';
import { addInboxMessage } from '../store/queries/local-messages.js';
import { enqueueMessageUpdate } from '../store/queries/message-updates.js';
import { enqueueOutbox, getOutboxRow } from '../store/queries/outbox.js';
import { findPersonByKey } from '../store/queries/people.js';
import {
  getLocal,
  type LocalPerson,
  type LocalTestTillit,
  listLocalPeople,
  postLocal,
  startLocalTillit,
} from './support/local-tillit.js';

interface PageMessage {
  id: string;
  version: number;
  private: boolean;
  mine: boolean;
  summary: string;
  html: string;
}

let t: LocalTestTillit;
let people: LocalPerson[];
/** A section manager, a member of the same section, and the admin of the demo organisation. */
let manager: LocalPerson;
let colleague: LocalPerson;
let admin: LocalPerson;

beforeAll(async () => {
  t = await startLocalTillit();
  people = await listLocalPeople(t.url);
  const sectionKey = buildDemoOrg().units.find((u) => u.level === 'section')!.key;
  const inSection = (role: string) =>
    people.find((p) => p.roles.some((r) => r.unitKey === sectionKey && r.role === role))!;
  manager = inSection('manager');
  colleague = inSection('member');
  admin = people.find((p) => p.admin)!;
});
afterAll(async () => t?.close());

const messagesOf = async (person: LocalPerson, channel: string) =>
  (await getLocal<{ messages: PageMessage[] }>(t.url, 'messages', { person: person.key, channel }))
    .body.messages;
const unitOf = (person: LocalPerson) => person.roles[0]!.unitKey;

describe('local channel: start-up', () => {
  it('loads the demo organisation into an empty database and says so once', async () => {
    const plan = buildDemoOrg();
    expect(people).toHaveLength(plan.people.length);
    const channels = (
      await getLocal<{ channels: { id: string; depth: number }[] }>(t.url, 'channels')
    ).body.channels;
    expect(channels).toHaveLength(plan.units.length);
    expect(channels[0]).toMatchObject({ depth: 0 });
    expect((await getLocal(t.url, 'info')).body).toMatchObject({ demo: true, defaultLang: 'sv' });
    expect(t.logLines.filter((l) => l.includes('demo data loaded'))).toHaveLength(1);
  });

  it('serves the page in Swedish, with every text slot filled', async () => {
    const response = await fetch(`${t.url}/`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Inkorg');
    expect(html).not.toMatch(/\{\{\w+\}\}/);
    expect((await fetch(`${t.url}/page/app.js`)).status).toBe(200);
  });
});

describe('local channel: requests', () => {
  it('answers a command privately: the asker sees it, a colleague in the channel does not', async () => {
    const channel = unitOf(manager);
    const answer = await postLocal(t.url, 'command', {
      person: manager.key,
      channel,
      text: '/tillit help',
    });
    expect(answer).toMatchObject({ status: 200, body: { lang: 'sv' } });
    const seen = await messagesOf(manager, channel);
    expect(seen.map((m) => m.summary)).toEqual(['/tillit help', expect.stringContaining('Tillit')]);
    expect(seen.every((m) => m.private)).toBe(true);
    expect(seen[1]!.html).toContain('<code>hjälp</code>');
    expect(await messagesOf(colleague, channel)).toEqual([]);
  });

  it('replaces a keyed channel message in place, for everyone in the channel', async () => {
    const channel = unitOf(manager);
    const person = (await findPersonByKey(t.database.db, { key: manager.key }))!;
    const scene = { personId: person.id, channelId: channel, now: t.tillit.clock.now() };
    const board = (text: string): View => ({ summary: text, blocks: [{ type: 'text', text }] });
    await carryOutLocally({ db: t.database.db, refresh: t.tillit.refresh }, scene, [
      { kind: 'channel', key: 'test:board', view: board('*Första* versionen') },
    ]);
    const before = (await messagesOf(colleague, channel)).find((m) =>
      m.summary.includes('Första'),
    )!;
    expect(before).toMatchObject({ private: false, version: 1 });
    expect(before.html).toContain('<strong>Första</strong>');

    // An update is written to the outbox with the change (handle-inbound does it for a
    // request), then carried out at once.
    const second = board('Andra versionen <script>');
    await enqueueMessageUpdate(t.database.db, {
      messageKey: 'test:board',
      view: second,
      now: scene.now,
    });
    await carryOutLocally({ db: t.database.db, refresh: t.tillit.refresh }, scene, [
      { kind: 'update', key: 'test:board', view: second },
    ]);
    await t.tillit.settle();
    const after = await messagesOf(colleague, channel);
    const updated = after.find((m) => m.id === before.id)!;
    expect(updated.version).toBe(2);
    expect(updated.html).toContain('Andra versionen &lt;script&gt;');
    expect(after.filter((m) => m.summary.includes('versionen'))).toHaveLength(1);
  });

  it('lets the admin run setup status and switch language with `lang en`', async () => {
    const channel = unitOf(admin);
    const switched = await postLocal(t.url, 'command', {
      person: admin.key,
      channel,
      text: 'lang en',
    });
    expect(switched.body).toMatchObject({ lang: 'en' });
    await postLocal(t.url, 'command', { person: admin.key, channel, text: '/tillit setup status' });
    const last = (await messagesOf(admin, channel)).at(-1)!;
    expect(last).toMatchObject({ private: true, summary: 'Tillit status' });
    await postLocal(t.url, 'language', { person: admin.key, lang: 'sv' });
  });

  it('refuses a person it does not know, and a malformed request', async () => {
    const channel = unitOf(manager);
    const unknown = await postLocal(t.url, 'command', { person: 'nobody', channel, text: 'help' });
    expect(unknown).toMatchObject({
      status: 403,
      body: { error: 'forbidden', detail: 'unknown person', requestId: expect.any(String) },
    });
    expect((await getLocal(t.url, 'inbox', { person: 'nobody' })).status).toBe(403);
    expect((await getLocal(t.url, 'messages', { person: 'nobody', channel })).status).toBe(403);
    const malformed = await postLocal(t.url, 'action', { person: manager.key, channel });
    expect(malformed.status).toBe(400);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${t.url}/local/people`);
      const sent = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          headers: { host: 'evil.example' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      sent.on('error', reject);
      sent.end();
    });
    expect(status).toBe(403);
  });
});

describe('local channel: time and the inbox', () => {
  it('moves the clock forward with time travel', async () => {
    const before = t.tillit.clock.now().getTime();
    const travelled = await postLocal<{ now: string }>(t.url, 'time-travel', { days: 1, hours: 2 });
    expect(travelled.status).toBe(200);
    const moved = new Date(travelled.body.now).getTime() - before;
    expect(moved).toBeGreaterThanOrEqual(26 * 3_600_000);
    expect(moved).toBeLessThan(26 * 3_600_000 + 60_000);
    expect((await postLocal(t.url, 'time-travel', { days: 0 })).status).toBe(400);
  });

  it('shows inbox messages to their person alone, and delivers outbox rows there', async () => {
    const person = (await findPersonByKey(t.database.db, { key: colleague.key }))!;
    await addInboxMessage(t.database.db, {
      personId: person.id,
      view: { summary: 'Hej', blocks: [{ type: 'text', text: 'Dags för veckans reflektion' }] },
      postedAt: t.tillit.clock.now(),
    });
    await enqueueOutbox(t.database.db, {
      key: `test-nudge:${person.id}`,
      target: { kind: 'person', personId: person.id },
      notBefore: t.tillit.clock.now(),
      view: { summary: 'Påminnelse', blocks: [{ type: 'text', text: 'Din åtgärd är försenad' }] },
    });
    const sender = createSender({
      db: t.database.db,
      clock: t.tillit.clock,
      log: createLogger('error', () => {}),
      deliverers: [createLocalDeliverer({ db: t.database.db, clock: t.tillit.clock })],
    });
    expect(await sender.runOnce()).toBe(1);
    await sender.stop();
    const row = await getOutboxRow(t.database.db, { key: `test-nudge:${person.id}` });
    expect(row).toMatchObject({ status: 'sent', lastError: null, sentPlatform: 'local' });

    const inbox = await getLocal<{ messages: PageMessage[] }>(t.url, 'inbox', {
      person: colleague.key,
    });
    expect(inbox.body.messages.map((m) => m.summary)).toEqual(['Hej', 'Påminnelse']);
    const others = await getLocal<{ messages: PageMessage[] }>(t.url, 'inbox', {
      person: manager.key,
    });
    expect(others.body.messages).toEqual([]);
  });
});
