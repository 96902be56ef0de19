import { createClock } from '../../bot/clock.js';
import { type Config, loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { createSender } from '../../bot/outbox/sender.js';
import { type RunningTillit, startTillit } from '../../bot/start-tillit.js';
import type { TeamsChannel } from '../../bot/teams/teams-channel.js';
import { createTeamsDeliverer } from '../../bot/teams/teams-deliverer.js';
import type { DatabaseHandle } from '../../store/database.js';
import { type FakeBotConnector, startFakeBotConnector } from './fake-bot-connector.js';
import { openTestDatabase } from './test-database.js';

export interface TeamsTestTillit {
  tillit: RunningTillit;
  connector: FakeBotConnector;
  teams: TeamsChannel;
  database: DatabaseHandle;
  url: string;
  config: Config;
  logLines: string[];
  close(): Promise<void>;
}

/**
 * The real server with the real Teams adapter in emulator mode (TEAMS_EMULATOR=on, asked for
 * explicitly unless the test gives an app id: loopback only, unauthenticated), a fresh
 * database, and a fake Bot Connector on loopback that the activities name as their
 * `serviceUrl`. Background loops stay off: tests drive the outbox themselves.
 */
export async function startTeamsTillit(
  options: { env?: Record<string, string>; start?: Date } = {},
): Promise<TeamsTestTillit> {
  const connector = await startFakeBotConnector();
  const database = await openTestDatabase();
  const emulator = options.env?.MICROSOFT_APP_ID ? {} : { TEAMS_EMULATOR: 'on' };
  const config = loadConfig({ PORT: '0', LOCAL_CHANNEL: 'off', ...emulator, ...options.env });
  const logLines: string[] = [];
  const log = createLogger('debug', (line) => logLines.push(line));
  const tillit = await startTillit({
    config,
    database,
    log,
    clock: createClock(options.start),
    background: false,
  });
  const teams = tillit.channels.find((c) => c.name === 'teams') as TeamsChannel;
  return {
    tillit,
    connector,
    teams,
    database,
    url: tillit.url,
    config,
    logLines,
    async close() {
      await tillit.stop();
      await database.close();
      await connector.close();
    },
  };
}

/**
 * Delivers what the outbox has due, as an instance with an app id would (in emulator mode
 * Tillit's own sender posts nothing), round after round until nothing is left; `advanceMs`
 * moves the clock between rounds (past the one-update-a-second gap of a message).
 */
export async function deliverTeamsOutbox(t: TeamsTestTillit, advanceMs = 0): Promise<void> {
  const sender = createSender({
    db: t.database.db,
    clock: t.tillit.clock,
    log: createLogger('error', () => {}),
    deliverers: [
      createTeamsDeliverer({
        config: t.config.teams,
        db: t.database.db,
        connector: t.teams.connector,
        rate: { perSecond: 1_000, burst: 100 },
      }),
    ],
  });
  while ((await sender.runOnce()) > 0) t.tillit.clock.advance(advanceMs);
}
