import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../bot/config.js';
import { isLoopbackAddress } from '../bot/teams/loopback-guard.js';
import { teamsConversations } from '../store/schema/index.js';
import { startTeamsTillit, type TeamsTestTillit } from './support/start-teams-tillit.js';
import { BOT_ID, TENANT, teamsUserIdOf } from './support/teams-session.js';

/** An address of this machine that is not loopback: requests to it come from it, too. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

const activity = (serviceUrl: string) => ({
  type: 'message',
  id: `auth-${Date.now()}`,
  serviceUrl,
  channelId: 'msteams',
  from: { id: teamsUserIdOf('anyone'), aadObjectId: '00000000-0000-4000-8000-000000000001' },
  recipient: { id: BOT_ID },
  conversation: { id: 'a:dm-auth', conversationType: 'personal', tenantId: TENANT },
  text: 'help',
});

async function postTo(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('who may call /api/messages', () => {
  it('knows loopback addresses, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
    for (const address of ['192.0.2.2', '10.0.0.1', '::ffff:10.0.0.1', 'fd00::2', '', undefined]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });

  it('asks for the password and tenant that an app id needs, naming the variable', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'app' })).toThrow(ConfigError);
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'x' })).toThrow(
      /MICROSOFT_APP_TENANT_ID/,
    );
    const multi = loadConfig({
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'x',
      MICROSOFT_APP_TYPE: 'MultiTenant',
    });
    expect(multi.teams).toMatchObject({ mode: 'bot-framework', type: 'MultiTenant' });
    expect(multi.localChannel).toBe(false);
    expect(loadConfig({}).teams).toEqual({ mode: 'off' });
    expect(loadConfig({ TEAMS_EMULATOR: 'on' }).teams).toEqual({ mode: 'emulator' });
  });

  it('refuses to start the emulator mode beside an app id, naming the variable', () => {
    const env = {
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'x',
      MICROSOFT_APP_TENANT_ID: TENANT,
      TEAMS_EMULATOR: 'on',
    };
    expect(() => loadConfig(env)).toThrow(/^TEAMS_EMULATOR: /);
    expect(() => loadConfig({ TEAMS_EMULATOR: 'yes' })).toThrow(/^TEAMS_EMULATOR: /);
  });
});

describe('with neither an app id nor TEAMS_EMULATOR=on: nobody', () => {
  let t: TeamsTestTillit;
  beforeAll(async () => {
    // An empty value is the default: the emulator mode is off.
    t = await startTeamsTillit({ env: { TEAMS_EMULATOR: '' } });
  });
  afterAll(async () => t?.close());

  it('answers an unsigned activity from loopback with 401, and stores and sends nothing', async () => {
    const response = await postTo(t.url, activity(t.connector.url));
    expect(response.status).toBe(401);
    expect(t.connector.calls).toHaveLength(0);
    expect(await t.database.db.select().from(teamsConversations)).toHaveLength(0);
    const health = await (await fetch(`${t.url}/healthz`)).json();
    expect(health.channels).not.toHaveProperty('teams');
  });
});

describe('with an app id: the adapter authenticates every request', () => {
  let t: TeamsTestTillit;
  beforeAll(async () => {
    t = await startTeamsTillit({
      env: {
        MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555',
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TENANT_ID: TENANT,
      },
    });
  });
  afterAll(async () => t?.close());

  it('answers an unauthenticated request with 401 and does nothing', async () => {
    const response = await postTo(t.url, activity(t.connector.url));
    expect(response.status).toBe(401);
    expect(t.connector.calls).toHaveLength(0);
    const health = await (await fetch(`${t.url}/healthz`)).json();
    expect(health.channels).toMatchObject({ teams: 'bot-framework' });
    expect(t.logLines.join('\n')).not.toContain('not-a-real-secret');
  });
});

describe('TEAMS_EMULATOR=on: loopback only, replies to loopback only', () => {
  let t: TeamsTestTillit;
  beforeAll(async () => {
    t = await startTeamsTillit({ env: { TEAMS_EMULATOR: 'on', HOST: '0.0.0.0' } });
  });
  afterAll(async () => t?.close());

  const port = () => new URL(t.url).port;

  it('takes an unauthenticated request from this machine’s loopback', async () => {
    const response = await postTo(`http://127.0.0.1:${port()}`, activity(t.connector.url));
    expect(response.status).toBe(200);
    await t.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
  });

  it('refuses what a proxy on this machine forwards: it came from elsewhere', async () => {
    const before = t.connector.calls.length;
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const response = await postTo(`http://127.0.0.1:${port()}`, activity(t.connector.url), {
        [header]: '203.0.113.9',
      });
      expect(response.status, header).toBe(403);
    }
    expect(t.connector.calls.length).toBe(before);
  });

  it('refuses an activity whose serviceUrl is not on this machine, before storing or calling', async () => {
    const before = t.connector.calls.length;
    for (const serviceUrl of [
      'https://smba.trafficmanager.net/emea/',
      'http://127.0.0.1.evil.example/',
      'http://localhost.evil.example:3978/',
      `ftp://127.0.0.1:${new URL(t.connector.url).port}/`,
    ]) {
      const body = { ...activity(serviceUrl), conversation: { id: 'a:dm-elsewhere' } };
      const response = await postTo(`http://127.0.0.1:${port()}`, body);
      expect(response.status, serviceUrl).toBe(400);
    }
    expect(t.connector.calls.length).toBe(before);
    const stored = await t.database.db.select().from(teamsConversations);
    expect(stored.map((row) => row.conversationId)).not.toContain('a:dm-elsewhere');
  });

  it.runIf(outsideAddress)(
    'refuses one that arrives on another interface, whatever X-Forwarded-For says',
    async () => {
      const before = t.connector.calls.length;
      const response = await postTo(
        `http://${outsideAddress}:${port()}`,
        activity(t.connector.url),
        { 'x-forwarded-for': '127.0.0.1', forwarded: 'for=127.0.0.1' },
      );
      expect(response.status).toBe(403);
      expect(t.connector.calls.length).toBe(before);
      expect(t.logLines.some((l) => l.includes('teams request refused'))).toBe(true);
    },
  );
});
