import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLifetimes, LIFETIME_DAYS, lifetimeTick } from '../dialogues/privacy/lifetimes.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { recordAudit } from '../store/queries/audit-log.js';
import { addInboxMessage } from '../store/queries/local-messages.js';
import { enqueueOutbox } from '../store/queries/outbox.js';
import { createPersonWithIdentity, type Person } from '../store/queries/people.js';
import { rememberPostedMessage } from '../store/queries/posted-messages.js';
import { saveSummaryFile } from '../store/queries/summary-files.js';
import { markTeamsSend, rememberTeamsForm } from '../store/queries/teams-conversations.js';
import { selectRows } from '../store/raw-rows.js';
import { settings } from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * Every lifetime rule, each with a record just past its lifetime (gone after the tick) and one
 * just inside it (kept). Times are the application's clock, set by hand.
 */
const NOW = new Date('2027-03-01T03:00:00Z');
const DAY = 86_400_000;
const ago = (days: number, plusMs = 0) => new Date(NOW.getTime() - days * DAY + plusMs);

let handle: DatabaseHandle;
let db: Database;
let person: Person;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  person = await createPersonWithIdentity(db, {
    key: 'life',
    name: 'Liv Livsson',
    identity: { platform: 'local', workspace: '', externalId: 'life' },
  });
});
afterAll(async () => handle?.close());

const count = async (query: ReturnType<typeof sql>) =>
  Number((await selectRows<{ n: number }>(db, query))[0]!.n);

describe('every record that only carries a message has a lifetime', () => {
  it('deletes local messages older than their lifetime and keeps newer ones', async () => {
    const view = { summary: 'hej', blocks: [] };
    await addInboxMessage(db, { personId: person.id, view, postedAt: ago(30, -1) });
    const kept = await addInboxMessage(db, { personId: person.id, view, postedAt: ago(30, 1) });
    const result = await applyLifetimes(db, { now: NOW });
    expect(result.localMessages).toBe(1);
    const left = await selectRows<{ id: string }>(db, sql`select id from local_messages`);
    expect(left.map((r) => r.id)).toEqual([kept.id]);
  });

  it('strips what a sent message said after a week, and deletes the row after its key served', async () => {
    for (const key of ['old-content', 'new-content', 'old-row', 'queued-old']) {
      await enqueueOutbox(db, {
        key,
        target: { kind: 'person', personId: person.id },
        view: { summary: `text of ${key}`, blocks: [] },
        notBefore: ago(500),
      });
    }
    const sent = (key: string, at: Date) =>
      db.execute(sql`update outbox set status = 'sent', sent_at = ${at.toISOString()}::timestamptz,
        created_at = ${at.toISOString()}::timestamptz, message_id = 'M1', sent_channel_id = 'D1'
        where key = ${key}`);
    await sent('old-content', ago(LIFETIME_DAYS.outboxContent, -1));
    await sent('new-content', ago(LIFETIME_DAYS.outboxContent, 1));
    await sent('old-row', ago(LIFETIME_DAYS.outboxRow, -1));
    await db.execute(
      sql`update outbox set created_at = ${ago(500).toISOString()}::timestamptz where key = 'queued-old'`,
    );

    const result = await applyLifetimes(db, { now: NOW });
    expect(result.outboxRow).toBe(1);
    expect(result.outboxContent).toBe(1);
    const rows = await selectRows<{ key: string; summary: string; message_id: string | null }>(
      db,
      sql`select key, view ->> 'summary' as summary, message_id from outbox order by key`,
    );
    expect(rows).toEqual([
      { key: 'new-content', summary: 'text of new-content', message_id: 'M1' },
      { key: 'old-content', summary: '', message_id: null },
      // Not done yet: a queued message keeps everything, however old.
      { key: 'queued-old', summary: 'text of queued-old', message_id: null },
    ]);
    // Idempotent: a second run changes nothing.
    const again = await applyLifetimes(db, { now: NOW });
    expect(again.outboxContent + again.outboxRow).toBe(0);
  });

  it('deletes Teams send states after a week unless their message is still being sent', async () => {
    await markTeamsSend(db, { key: 'old-done', state: 'sent', activityId: 'A1' });
    await markTeamsSend(db, { key: 'queued-old', state: 'sending' });
    await markTeamsSend(db, { key: 'fresh', state: 'sent' });
    await db.execute(
      sql`update teams_sends set updated_at = ${ago(LIFETIME_DAYS.teamsSends, -1).toISOString()}::timestamptz
          where key <> 'fresh'`,
    );
    await db.execute(sql`update teams_sends set updated_at = ${NOW.toISOString()}::timestamptz
          where key = 'fresh'`);
    const result = await applyLifetimes(db, { now: NOW });
    expect(result.teamsSends).toBe(1);
    expect(await count(sql`select count(*)::int as n from teams_sends`)).toBe(2);
  });

  it('deletes Teams forms after their lifetime', async () => {
    const form = { id: 'f', title: 'T', submitLabel: 'S', state: '', inputs: [] };
    await rememberTeamsForm(db, { activityId: 'old', conversationId: 'c', form });
    await rememberTeamsForm(db, { activityId: 'new', conversationId: 'c', form });
    await db.execute(
      sql`update teams_forms set created_at = ${ago(LIFETIME_DAYS.teamsForms, -1).toISOString()}::timestamptz
          where activity_id = 'old'`,
    );
    await db.execute(sql`update teams_forms set created_at = ${NOW.toISOString()}::timestamptz
          where activity_id = 'new'`);
    expect((await applyLifetimes(db, { now: NOW })).teamsForms).toBe(1);
    expect(await count(sql`select count(*)::int as n from teams_forms`)).toBe(1);
  });

  it('forgets where messages were posted after their lifetime', async () => {
    const posted = { platform: 'slack' as const, workspace: 'T', channelId: 'C', messageId: '1' };
    await rememberPostedMessage(db, { ...posted, key: 'swot:old' });
    await rememberPostedMessage(db, { ...posted, key: 'swot:new' });
    await db.execute(
      sql`update posted_messages set posted_at = ${ago(LIFETIME_DAYS.postedMessages, -1).toISOString()}::timestamptz
          where key = 'swot:old'`,
    );
    await db.execute(sql`update posted_messages set posted_at = ${NOW.toISOString()}::timestamptz
          where key = 'swot:new'`);
    expect((await applyLifetimes(db, { now: NOW })).postedMessages).toBe(1);
    expect(await count(sql`select count(*)::int as n from posted_messages`)).toBe(1);
  });

  it('deletes summary pictures and exports once they expire', async () => {
    const file = { kind: 'csv' as const, name: 'a.csv', bytes: Buffer.from('a') };
    // The newer first: saving a file deletes those already expired at its own time.
    await saveSummaryFile(db, { ...file, now: NOW, ttlMs: DAY });
    await saveSummaryFile(db, { ...file, now: ago(2), ttlMs: DAY });
    expect((await applyLifetimes(db, { now: NOW })).summaryFiles).toBe(1);
    expect(await count(sql`select count(*)::int as n from summary_files`)).toBe(1);
  });

  it('deletes audit log entries after two years', async () => {
    for (const at of [ago(LIFETIME_DAYS.auditLog, -1), ago(LIFETIME_DAYS.auditLog, 1)]) {
      await recordAudit(db, [
        {
          at,
          action: 'admin-added',
          subjectPersonId: person.id,
          actorPersonId: null,
          source: 'org-file',
        },
      ]);
    }
    expect((await applyLifetimes(db, { now: NOW })).auditLog).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(1);
  });

  it('runs as a tick once per day of the clock, and again the next day', async () => {
    const tick = lifetimeTick();
    const view = { summary: 'x', blocks: [] };
    const run = (now: Date) => tick.run({ db, now, settings, refresh: async () => {} });
    await addInboxMessage(db, { personId: person.id, view, postedAt: ago(31) });
    await run(NOW);
    expect(
      await count(
        sql`select count(*)::int as n from local_messages where posted_at < ${ago(30).toISOString()}::timestamptz`,
      ),
    ).toBe(0);
    await addInboxMessage(db, { personId: person.id, view, postedAt: ago(31) });
    await run(new Date(NOW.getTime() + 60_000));
    expect(
      await count(
        sql`select count(*)::int as n from local_messages where posted_at < ${ago(30).toISOString()}::timestamptz`,
      ),
    ).toBe(1);
    await run(new Date(NOW.getTime() + DAY));
    expect(
      await count(
        sql`select count(*)::int as n from local_messages where posted_at < ${ago(30).toISOString()}::timestamptz`,
      ),
    ).toBe(0);
  });
});
