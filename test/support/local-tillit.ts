import { createClock } from '../../bot/clock.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { type RunningTillit, startTillit } from '../../bot/start-tillit.js';
import type { DatabaseHandle } from '../../store/database.js';
import { openTestDatabase } from './test-database.js';

export interface LocalTestTillit {
  tillit: RunningTillit;
  database: DatabaseHandle;
  url: string;
  logLines: string[];
  close(): Promise<void>;
}

/**
 * The real server with nothing configured but the local channel, on a fresh database (so the
 * demo organisation loads at start), on a free port. Background loops stay off unless asked.
 */
export async function startLocalTillit(
  options: { env?: Record<string, string>; start?: Date; background?: boolean } = {},
): Promise<LocalTestTillit> {
  const database = await openTestDatabase();
  const config = loadConfig({ PORT: '0', LOCAL_CHANNEL: 'on', ...options.env });
  const logLines: string[] = [];
  const log = createLogger('debug', (line) => logLines.push(line));
  const tillit = await startTillit({
    config,
    database,
    log,
    clock: createClock(options.start),
    background: options.background ?? false,
  });
  return {
    tillit,
    database,
    url: tillit.url,
    logLines,
    async close() {
      await tillit.stop();
      await database.close();
    },
  };
}

export interface LocalPerson {
  key: string;
  name: string;
  admin: boolean;
  lang: 'sv' | 'en';
  roles: { unitKey: string; unitName: string; role: string }[];
}

/** The people the page offers (GET /local/people). */
export async function listLocalPeople(url: string): Promise<LocalPerson[]> {
  const response = await fetch(`${url}/local/people`);
  return ((await response.json()) as { people: LocalPerson[] }).people;
}

/** POSTs JSON to a /local route and returns the status and the parsed answer. */
export async function postLocal<T = Record<string, unknown>>(
  url: string,
  route: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}/local/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** GETs a /local route with query parameters. */
export async function getLocal<T = Record<string, unknown>>(
  url: string,
  route: string,
  query: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}/local/${route}?${new URLSearchParams(query)}`);
  return { status: response.status, body: (await response.json()) as T };
}
