import { webApi } from '@slack/bolt';
import { isUuid } from '../dialogues/core/ids.js';
import type { DatabaseHandle } from '../store/database.js';
import {
  appDatabaseTarget,
  type DatabaseEnv,
  openAppDatabase,
} from '../store/open-app-database.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { CredentialStates } from './readiness.js';
import { slackTransport } from './slack/slack-transport.js';

/** A setting that cannot work: one line naming it, and Tillit does not start (exit code 1). */
export class StartupError extends Error {
  readonly code = 'tillit_startup_refused';
}

/** Slack's answers to auth.test that mean the token will never work, not that Slack is away. */
const refusedToken = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
]);

/** Azure app ids and tenant ids are GUIDs (isUuid); a tenant may also be named by its domain. */
const domain = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/**
 * What can be known about the credentials before the server listens. A token Slack refuses
 * stops the start; Slack not answering does not (a Slack outage should not keep Teams and the
 * local page down), it is only logged. Teams' secret can only be tried against Azure AD at
 * the first message, so only its shape is checked here.
 */
export async function checkCredentials(config: Config, log: Logger): Promise<CredentialStates> {
  checkTeams(config);
  const slack = await checkSlackTokens(config, log);
  const teams = config.teams.mode === 'bot-framework' ? 'format-ok' : config.teams.mode;
  return { slack, teams };
}

function checkTeams(config: Config) {
  const teams = config.teams;
  if (teams.mode !== 'bot-framework') return;
  if (!isUuid(teams.appId)) {
    throw new StartupError(
      "MICROSOFT_APP_ID: not an Azure app id (a GUID such as 11111111-2222-3333-4444-555555555555, from the Azure Bot's Configuration page)",
    );
  }
  if (teams.tenantId !== undefined && !isUuid(teams.tenantId) && !domain.test(teams.tenantId)) {
    throw new StartupError(
      "MICROSOFT_APP_TENANT_ID: not a tenant id (a GUID, or the tenant's domain such as kommun.onmicrosoft.com)",
    );
  }
  if (teams.password !== undefined && isUuid(teams.password)) {
    // The most common slip in the portal: the secret's id copied instead of its value.
    throw new StartupError(
      "MICROSOFT_APP_PASSWORD: looks like the secret's id, not its value (copy the Value column when the secret is created)",
    );
  }
}

/** The Slack tokens to try before listening, and where a person finds a good one. */
const slackTokens = {
  SLACK_BOT_TOKEN: {
    // auth.test: any token may call it; what matters is whether Slack knows the token.
    check: (client: InstanceType<typeof webApi.WebClient>) => client.auth.test(),
    where: "the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page",
  },
  SLACK_APP_TOKEN: {
    // Socket Mode's own first call; the URL it answers expires unused within seconds.
    check: (client: InstanceType<typeof webApi.WebClient>) => client.apps.connections.open(),
    where:
      "an app-level token (xapp-…) with connections:write from the app's Basic Information page",
  },
} as const;

async function checkSlackTokens(config: Config, log: Logger): Promise<CredentialStates['slack']> {
  const tokens: [keyof typeof slackTokens, string | undefined][] = [
    ['SLACK_BOT_TOKEN', config.slack?.botToken],
    ['SLACK_APP_TOKEN', config.slack?.mode === 'socket' ? config.SLACK_APP_TOKEN : undefined],
  ];
  if (!config.slack) return 'off';
  let verified = true;
  for (const [name, token] of tokens) {
    if (token)
      verified = (await checkSlackToken(name, token, config.SLACK_API_URL, log)) && verified;
  }
  return verified ? 'ok' : 'unverified';
}

async function checkSlackToken(
  name: keyof typeof slackTokens,
  token: string,
  apiUrl: string | undefined,
  log: Logger,
): Promise<boolean> {
  const client = new webApi.WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logLevel: webApi.LogLevel.ERROR,
    fetch: slackTransport,
  });
  try {
    await slackTokens[name].check(client);
    return true;
  } catch (error) {
    const code = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof code === 'string' && refusedToken.has(code)) {
      throw new StartupError(
        `${name}: Slack refuses the token (${code}); copy ${slackTokens[name].where} again`,
      );
    }
    log.warn(`could not check ${name} with Slack now; starting anyway`, {
      error: typeof code === 'string' ? code : (error as Error).message,
    });
    return false;
  }
}

/**
 * Opens and migrates the database, or refuses to start with one line naming where it looked:
 * the server without its password, or the embedded database's folder.
 */
export async function openDatabaseOrRefuse(env: DatabaseEnv): Promise<DatabaseHandle> {
  try {
    return await openAppDatabase(env);
  } catch (error) {
    const target = appDatabaseTarget(env);
    const where =
      target.kind === 'postgres'
        ? `DATABASE_URL: cannot use the database at ${withoutPassword(target.url)}`
        : `TILLIT_DATA_DIR: cannot open the embedded database in ${target.dataDir}`;
    throw new StartupError(`${where}: ${reason(error)}`);
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(an address that is not a URL)';
  }
}

/** The driver's own words, on one line; a refused connection says so without a stack. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const text = message || (typeof code === 'string' ? code : 'unknown error');
  return text.replace(/\s+/g, ' ').trim();
}
