import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground } from '../bot/background.js';
import { settingsFrom } from '../bot/request-settings.js';
import { parseOrgFile } from '../dialogues/setup/org-file.js';
import { view } from '../dialogues/view.js';
import { createSlackPeople } from '../scripts/bench/support/outbox-fixtures.js';
import { sendSlashCommand } from '../scripts/bench/support/slack-requests.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { enqueueOutbox, getOutboxRow } from '../store/queries/outbox.js';
import { findPersonByKey } from '../store/queries/people.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';

let t: TestTillit;

beforeAll(async () => {
  t = await startTestTillit();
  const parsed = parseOrgFile('org.yaml', readFileSync('test/fixtures/org.yaml', 'utf8'));
  if (!parsed.ok) throw new Error('example org does not parse');
  await syncOrg(t.database.db, parsed.plan);
});
afterAll(async () => t?.close());

describe('outbox in the running bot', () => {
  it('delivers through the background sender, and admins see the counts in setup status', async () => {
    const karin = await findPersonByKey(t.database.db, { key: 'karin' });
    await enqueueOutbox(t.database.db, {
      key: 'reflection-prompt:e2e:karin',
      target: { kind: 'person', personId: karin!.id },
      notBefore: t.tillit.clock.now(),
      view: view('Veckans reflektion', { type: 'text', text: 'Hur har veckan varit?' }),
    });
    const [unreachable] = await createSlackPeople(t.database.db, 1);
    // A person whose only account was removed: nothing can reach them.
    await t.database.db.execute(
      sql`delete from identities where person_id = ${unreachable!.personId}`,
    );
    await enqueueOutbox(t.database.db, {
      key: 'reflection-prompt:e2e:nobody',
      target: { kind: 'person', personId: unreachable!.personId },
      notBefore: t.tillit.clock.now(),
      view: view('Veckans reflektion'),
    });

    const background = startBackground({
      config: t.config,
      db: t.database.db,
      clock: t.tillit.clock,
      log: { debug() {}, info() {}, warn() {}, error() {} },
      settings: settingsFrom(t.config),
      refresh: t.tillit.refresh,
    });
    try {
      const posted = await t.api.waitForCall(
        'chat.postMessage',
        (args) => args.channel === 'U0KARIN',
        10_000,
      );
      expect(posted.args).toMatchObject({
        text: 'Veckans reflektion',
        metadata: {
          event_type: 'tillit_outbox',
          event_payload: { key: 'reflection-prompt:e2e:karin' },
        },
      });
      const until = Date.now() + 10_000;
      while (
        (await getOutboxRow(t.database.db, { key: 'reflection-prompt:e2e:karin' }))?.status !==
        'sent'
      ) {
        if (Date.now() > until) throw new Error('not marked sent');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await background.stop();
    }
    expect(
      await getOutboxRow(t.database.db, { key: 'reflection-prompt:e2e:nobody' }),
    ).toMatchObject({
      status: 'failed',
      lastError: 'no-reachable-identity',
    });

    const since = Date.now();
    await sendSlashCommand(t.url, SIGNING_SECRET, {
      teamId: 'T0EXAMPLE',
      userId: 'U0KARIN',
      channelId: 'C0UTRED',
      text: 'setup status',
    });
    const status = await t.api.waitFor(
      (c) => c.method === 'chat.postEphemeral' && c.args.user === 'U0KARIN' && c.at >= since,
    );
    const shown = JSON.stringify(status.args.blocks);
    expect(shown).toContain('Utskick: 0 i kö, 0 på väg, 1 skickade, 1 misslyckade.');
    expect(shown).toContain('Ett utskick gick inte fram');
  });
});
