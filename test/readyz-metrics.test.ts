import { request as httpRequest } from 'node:http';
import { sql } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config.js';
import { createLogger } from '../bot/log.js';
import { createMetrics } from '../bot/metrics/metrics.js';
import { mountMetrics } from '../bot/metrics/metrics-route.js';
import { createScheduler } from '../bot/scheduler/scheduler.js';
import { checkCredentials } from '../bot/startup-checks.js';
import { startFakeSlackApi } from '../scripts/bench/support/fake-slack-api.js';
import { sendSlashCommand } from '../scripts/bench/support/slack-requests.js';
import { enqueueOutbox } from '../store/queries/outbox.js';
import { selectRows } from '../store/raw-rows.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

/** A GET with headers fetch will not let a test set (Host). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The value of one sample line of the exposition, or undefined. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('/readyz', () => {
  let t: TestTillit;
  beforeAll(async () => {
    t = await startTestTillit();
  });
  afterAll(async () => t?.close());

  it('is 503 while a migration is missing, and 200 with every one applied', async () => {
    const [row] = await selectRows<{ hash: string; created_at: string | number }>(
      t.database.db,
      sql`delete from drizzle.__drizzle_migrations where created_at =
            (select max(created_at) from drizzle.__drizzle_migrations) returning hash, created_at`,
    );
    const missing = await fetch(`${t.url}/readyz`);
    expect(missing.status).toBe(503);
    expect(await missing.json()).toMatchObject({ status: 'not-ready', migrations: 'pending' });

    await t.database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${row!.hash}, ${row!.created_at})`,
    );
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'ok',
      migrations: 'ok',
      credentials: 'not-checked',
    });
  });

  it('reports the credentials as start-up checked them', async () => {
    const api = await startFakeSlackApi();
    const log = createLogger('error', () => {});
    const env = { SLACK_BOT_TOKEN: 'xoxb-ok', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: api.url };
    try {
      expect(await checkCredentials(loadConfig(env), log)).toEqual({ slack: 'ok', teams: 'off' });
    } finally {
      await api.close();
    }
    // Slack not answering at start is no refusal, but /readyz tells it was not verified.
    const away = { ...env, SLACK_API_URL: api.url };
    expect(await checkCredentials(loadConfig(away), log)).toEqual({
      slack: 'unverified',
      teams: 'off',
    });
  });
});

describe('/metrics', () => {
  let t: TestTillit;
  beforeAll(async () => {
    t = await startTestTillit();
  });
  afterAll(async () => t?.close());

  it('counts requests by channel and outcome, times ack and reply, and reads the outbox', async () => {
    const since = Date.now();
    const answer = await sendSlashCommand(t.url, SIGNING_SECRET, {
      userId: 'U0NOBODY',
      channelId: 'C0NOWHERE',
      text: 'help',
    });
    expect(answer.status).toBe(200);
    await t.api.waitFor((call) => call.at >= since && call.method.startsWith('chat.'));
    const forged = await sendSlashCommand(t.url, 'wrong-secret', {
      userId: 'U0NOBODY',
      channelId: 'C0NOWHERE',
      text: 'help',
    });
    expect(forged.status).toBe(401);
    const due = new Date(Date.now() - 60_000);
    await enqueueOutbox(t.database.db, {
      key: 'metrics-test:1',
      target: { kind: 'channel', platform: 'slack', workspace: 'T0TEST', channelId: 'C0X' },
      view: { summary: 'x', blocks: [] },
      notBefore: due,
    });

    // Slack's reply is timed after its ack; wait until it is in.
    let text = '';
    await expect
      .poll(async () => {
        text = (await get(`${t.url}/metrics`)).body;
        return sample(text, 'tillit_reply_seconds_count{channel="slack"}');
      })
      .toBe(1);
    expect(sample(text, 'tillit_requests_total{channel="slack",outcome="ok"}')).toBe(1);
    expect(sample(text, 'tillit_requests_total{channel="slack",outcome="refused"}')).toBe(1);
    expect(sample(text, 'tillit_ack_seconds_count{channel="slack"}')).toBe(2);
    expect(sample(text, 'tillit_ack_seconds_bucket{le="3",channel="slack"}')).toBe(2);
    expect(sample(text, 'tillit_outbox_rows{status="queued"}')).toBe(1);
    expect(sample(text, 'tillit_outbox_rows{status="failed"}')).toBe(0);
    expect(sample(text, 'tillit_outbox_oldest_due_seconds')).toBeGreaterThanOrEqual(59);
    expect(sample(text, 'tillit_db_pool_max_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'tillit_db_transactions_in_progress')).toBe(0);
    expect(sample(text, 'tillit_process_resident_memory_bytes')).toBeGreaterThan(0);
    for (const name of ['tillit_rate_limited_total', 'tillit_scheduler_tick_seconds']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('counts a 429 from Slack (the Web API client waits it out and sends)', async () => {
    t.api.failNext('chat.postEphemeral', { status: 429, retryAfter: 1 });
    const since = Date.now();
    await sendSlashCommand(t.url, SIGNING_SECRET, {
      userId: 'U0A',
      channelId: 'C0N',
      text: 'help',
    });
    await t.api.waitFor((c) => c.at >= since && c.method === 'chat.postEphemeral', 8_000);
    const text = (await get(`${t.url}/metrics`)).body;
    expect(sample(text, 'tillit_rate_limited_total{platform="slack"}')).toBe(1);
  });

  it('times each scheduler tick, by outcome', async () => {
    const metrics = createMetrics({ database: t.database, clock: t.tillit.clock });
    const ticks = [
      { name: 'quiet', run: async () => {} },
      {
        name: 'broken',
        run: async () => {
          throw new Error('tick broke');
        },
      },
    ];
    const scheduler = createScheduler({
      db: t.database.db,
      clock: t.tillit.clock,
      settings: {
        defaultLang: 'sv',
        defaultTimezone: 'Europe/Stockholm',
        anonymityThreshold: 5,
        publicUrl: null,
      },
      log: createLogger('error', () => {}),
      refresh: async () => {},
      ticks,
      observe: metrics.tickDone,
    });
    await scheduler.runOnce();
    const text = await metrics.registry.metrics();
    expect(sample(text, 'tillit_scheduler_tick_seconds_count{tick="quiet",outcome="ok"}')).toBe(1);
    expect(
      sample(text, 'tillit_scheduler_tick_seconds_count{tick="broken",outcome="failed"}'),
    ).toBe(1);
  });

  it("is this machine's alone: a foreign Host header or a proxy's headers get 403", async () => {
    const port = new URL(t.url).port;
    expect((await get(`${t.url}/metrics`, { host: `localhost:${port}` })).status).toBe(200);
    expect((await get(`${t.url}/metrics`, { host: 'tillit.example.se' })).status).toBe(403);
    expect((await get(`${t.url}/metrics`, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
  });

  it('wants METRICS_TOKEN as a bearer token when one is set', async () => {
    const guarded = await startTestTillit({ env: { METRICS_TOKEN } });
    try {
      expect((await get(`${guarded.url}/metrics`)).status).toBe(401);
      const wrong = await get(`${guarded.url}/metrics`, { authorization: 'Bearer nope' });
      expect(wrong.status).toBe(401);
      const allowed = await get(`${guarded.url}/metrics`, {
        authorization: `Bearer ${METRICS_TOKEN}`,
        host: 'tillit.example.se',
      });
      expect(allowed.status).toBe(200);
      expect(allowed.body).toContain('tillit_requests_total');
      expect(guarded.logLines.join('\n')).not.toContain(METRICS_TOKEN);
    } finally {
      await guarded.close();
    }
  });

  it('is not served on a non-loopback HOST without METRICS_TOKEN, and says so', async () => {
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    const app = express();
    const metrics = createMetrics({ database: t.database, clock: t.tillit.clock });
    mountMetrics(app, { metrics, host: '0.0.0.0', token: undefined, log });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      expect((await get(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    } finally {
      server.close();
    }
    expect(lines.join('\n')).toContain('metrics off: HOST=0.0.0.0');
  });
});
