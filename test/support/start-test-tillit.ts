import { createClock } from '../../bot/clock.js';
import { type Config, loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { type RunningTillit, startTillit } from '../../bot/start-tillit.js';
import {
  type FakeSlackApi,
  startFakeSlackApi,
} from '../../scripts/bench/support/fake-slack-api.js';
import type { DatabaseHandle } from '../../store/database.js';
import { openTestDatabase } from './test-database.js';

export const SIGNING_SECRET = 'test-signing-secret';

export interface TestTillit {
  tillit: RunningTillit;
  api: FakeSlackApi;
  database: DatabaseHandle;
  /** Base URL of the running server. */
  url: string;
  config: Config;
  /** Log lines written while the test ran (to assert nothing secret or personal was logged). */
  logLines: string[];
  close(): Promise<void>;
}

/**
 * The real server with the real Bolt app over HTTP, a fresh database, and a fake Slack Web
 * API that records every call. Background loops (outbox sender, scheduler) stay off unless
 * asked for, so tests drive time themselves.
 */
export async function startTestTillit(
  options: {
    env?: Record<string, string>;
    users?: Record<string, string>;
    start?: Date;
    /** A database of the test's own (e.g. behind a proxy it can cut); closed with the rest. */
    database?: DatabaseHandle;
  } = {},
): Promise<TestTillit> {
  const api = await startFakeSlackApi({ users: options.users });
  const database = options.database ?? (await openTestDatabase());
  const config = loadConfig({
    PORT: '0',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    LOCAL_CHANNEL: 'off',
    ...options.env,
  });
  const logLines: string[] = [];
  const log = createLogger('debug', (line) => logLines.push(line));
  const tillit = await startTillit({
    config,
    database,
    log,
    clock: createClock(options.start),
    background: false,
  });
  return {
    tillit,
    api,
    database,
    url: tillit.url,
    config,
    logLines,
    async close() {
      await tillit.stop();
      await database.close();
      await api.close();
    },
  };
}
