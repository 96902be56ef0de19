import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsConfig } from '../bot/config.js';
import { DeliveryError } from '../bot/outbox/deliverer.js';
import {
  isBotFrameworkServiceUrl,
  isLoopbackServiceUrl,
  ServiceUrlRefused,
  serviceUrlAllowed,
} from '../bot/teams/service-url.js';
import { createTeamsAdapter } from '../bot/teams/teams-adapter.js';
import { createTeamsConnector } from '../bot/teams/teams-connector.js';
import { createTeamsDeliverer } from '../bot/teams/teams-deliverer.js';
import type { DatabaseHandle } from '../store/database.js';
import type { OutboxRow } from '../store/queries/outbox.js';
import { findTeamsSend, rememberTeamsConversation } from '../store/queries/teams-conversations.js';
import { type FakeBotConnector, startFakeBotConnector } from './support/fake-bot-connector.js';
import { BOT_ID, TENANT } from './support/teams-session.js';
import { openTestDatabase } from './support/test-database.js';

const withAppId: TeamsConfig = {
  mode: 'bot-framework',
  appId: '11111111-2222-4333-8444-555555555555',
  password: 'not-a-real-secret',
  tenantId: TENANT,
  type: 'SingleTenant',
};

describe('which serviceUrl Tillit may call', () => {
  it('with an app id: https on the Bot Framework hosts only', () => {
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/amer/',
      'https://smba.infra.gcc.teams.microsoft.com/',
      'https://smba.infra.gov.teams.microsoft.us/',
      'https://europe.webchat.botframework.com/',
    ]) {
      expect(isBotFrameworkServiceUrl(url), url).toBe(true);
      expect(serviceUrlAllowed(withAppId, url), url).toBe(true);
    }
    for (const url of [
      'http://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net.evil.example/',
      'https://evilbotframework.com/',
      'https://user:pw@smba.trafficmanager.net/',
      'https://127.0.0.1:3978/',
      'not a url',
      '',
    ]) {
      expect(isBotFrameworkServiceUrl(url), url).toBe(false);
      expect(serviceUrlAllowed(withAppId, url), url).toBe(false);
    }
  });

  it('in emulator mode: this machine only; with Teams off: nothing', () => {
    const emulator: TeamsConfig = { mode: 'emulator' };
    for (const url of ['http://localhost:3978/', 'http://127.0.0.1:51234/', 'http://[::1]:8080/']) {
      expect(isLoopbackServiceUrl(url), url).toBe(true);
      expect(serviceUrlAllowed(emulator, url), url).toBe(true);
      expect(serviceUrlAllowed({ mode: 'off' }, url), url).toBe(false);
    }
    for (const url of [
      'http://localhost.evil.example/',
      'http://127.0.0.1.nip.io/',
      'http://10.0.0.5:3978/',
      'https://smba.trafficmanager.net/emea/',
      'file:///etc/passwd',
      undefined,
    ]) {
      expect(serviceUrlAllowed(emulator, url), String(url)).toBe(false);
    }
  });
});

describe('no host dressed up as an allowed one passes', () => {
  it('refuses an allowed name followed or preceded by anything, for every domain', () => {
    const emulator: TeamsConfig = { mode: 'emulator' };
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 1, max: 65535 }), (domain, port) => {
        const dressed = [
          `https://smba.trafficmanager.net.${domain}/`,
          `https://smba.trafficmanager.net@${domain}/`,
          `https://${domain.replace(/\./g, '')}botframework.com/`,
          `https://botframework.com.${domain}/`,
        ];
        for (const url of dressed) expect(serviceUrlAllowed(withAppId, url), url).toBe(false);
        const notLoopback = [
          `http://127.0.0.1.${domain}:${port}/`,
          `http://localhost.${domain}:${port}/`,
          `http://127.0.0.1@${domain}:${port}/`,
        ];
        for (const url of notLoopback) expect(serviceUrlAllowed(emulator, url), url).toBe(false);
        expect(serviceUrlAllowed(emulator, `http://127.0.0.1:${port}/`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a stored conversation whose serviceUrl is not allowed', () => {
  let database: DatabaseHandle;
  let connector: FakeBotConnector;
  beforeAll(async () => {
    database = await openTestDatabase();
    connector = await startFakeBotConnector();
    // As the emulator mode would have stored it: the fake Bot Connector on loopback.
    await rememberTeamsConversation(database.db, {
      conversationId: 'a:dm-planted',
      tenantId: TENANT,
      kind: 'personal',
      channelId: null,
      userAadObjectId: '00000000-0000-4000-8000-0000000000aa',
      serviceUrl: connector.url,
      reference: {
        bot: { id: BOT_ID, name: 'Tillit' },
        channelId: 'msteams',
        conversation: { id: 'a:dm-planted' },
      },
    });
  });
  afterAll(async () => {
    await database?.close();
    await connector?.close();
  });

  it('is never called with an app id: the outbox gives the row up, nothing leaves', async () => {
    const deliverer = createTeamsDeliverer({ config: withAppId, db: database.db });
    const delivery = {
      row: { key: 'test:planted' } as OutboxRow,
      route: {
        platform: 'teams' as const,
        workspace: TENANT,
        address: '00000000-0000-4000-8000-0000000000aa',
        direct: true,
        lang: 'sv' as const,
      },
      view: { summary: 'Hej', blocks: [{ type: 'text' as const, text: 'Hej' }] },
    };
    const failure = await deliverer.deliver(delivery).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).failure).toEqual({ kind: 'permanent' });
    expect(connector.calls).toHaveLength(0);
    expect(await findTeamsSend(database.db, { key: 'test:planted' })).toMatchObject({
      state: 'not-sent',
    });
  });

  it('is refused before any request, for a send, an update and a new 1:1 chat', async () => {
    const teams = createTeamsConnector({
      adapter: createTeamsAdapter(withAppId),
      appId: withAppId.appId,
      db: database.db,
      serviceUrlAllowed: (url) => serviceUrlAllowed(withAppId, url),
    });
    const reference = await teams.referenceFor('a:dm-planted');
    await expect(teams.send(reference!, { type: 'message', text: 'x' })).rejects.toBeInstanceOf(
      ServiceUrlRefused,
    );
    await expect(teams.update(reference!, '1', { type: 'message' })).rejects.toBeInstanceOf(
      ServiceUrlRefused,
    );
    await expect(
      teams.personalReference({ aadObjectId: 'someone-else', tenantId: TENANT }),
    ).rejects.toBeInstanceOf(ServiceUrlRefused);
    expect(connector.calls).toHaveLength(0);
  });
});
