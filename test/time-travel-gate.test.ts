import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config.js';
import type { RunningTillit } from '../bot/start-tillit.js';
import { getLocal, postLocal, startLocalTillit } from './support/local-tillit.js';
import { startTestTillit } from './support/start-test-tillit.js';

const HOUR_MS = 3_600_000;
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/** Tries a six-day jump, as the report did; says what came back and how far the clock moved. */
async function tryTravel(url: string, tillit: RunningTillit) {
  const before = tillit.clock.now().getTime();
  const response = await postLocal(url, 'time-travel', { days: 6 });
  const moved = tillit.clock.now().getTime() - before;
  const info = await getLocal<{ timeTravel: boolean }>(url, 'info');
  return { status: response.status, movedDays: Math.round(moved / (24 * HOUR_MS)), info };
}

describe('time travel', () => {
  it('is absent with real Slack credentials: 404, the clock stays real, the page offers none', async () => {
    const t = await startTestTillit({ env: { LOCAL_CHANNEL: 'on' } });
    close = t.close;
    const tried = await tryTravel(t.url, t.tillit);
    expect(tried.status).toBe(404);
    expect(tried.movedDays).toBe(0);
    expect(tried.info.body.timeTravel).toBe(false);
    expect(Math.abs(t.tillit.clock.now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('exists with real credentials only when TIME_TRAVEL=on, which warns at start', async () => {
    const t = await startTestTillit({ env: { LOCAL_CHANNEL: 'on', TIME_TRAVEL: 'on' } });
    close = t.close;
    const tried = await tryTravel(t.url, t.tillit);
    expect(tried.status).toBe(200);
    expect(tried.movedDays).toBe(6);
    expect(tried.info.body.timeTravel).toBe(true);
    expect(t.logLines.some((line) => line.includes('TIME_TRAVEL=on'))).toBe(true);
  });

  it('exists in the demo (demo organisation, no credentials), unless TIME_TRAVEL=off', async () => {
    const demo = await startLocalTillit();
    close = demo.close;
    expect((await tryTravel(demo.url, demo.tillit)).movedDays).toBe(6);
    await demo.close();
    const off = await startLocalTillit({ env: { TIME_TRAVEL: 'off' } });
    close = off.close;
    const tried = await tryTravel(off.url, off.tillit);
    expect(tried.status).toBe(404);
    expect(tried.movedDays).toBe(0);
  });

  it('is never the default with credentials, and only ever on a loopback HOST', () => {
    const teams = {
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'x',
      MICROSOFT_APP_TYPE: 'MultiTenant',
    };
    expect(loadConfig(teams).timeTravel).toBe('off');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).timeTravel).toBe(
      'off',
    );
    expect(loadConfig({}).timeTravel).toBe('demo');
    expect(() => loadConfig({ TIME_TRAVEL: 'on', HOST: '0.0.0.0' })).toThrow(/^TIME_TRAVEL: /);
    expect(() => loadConfig({ TIME_TRAVEL: 'yes' })).toThrow(/^TIME_TRAVEL: /);
  });
});
