import { z } from 'zod/v4';
import { DEFAULT_LANG, DEFAULT_TIME_ZONE } from '../dialogues/core/defaults.js';

const onOff = z.enum(['on', 'off']);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** Every setting Tillit reads, from the environment only. `.env.example` explains each. */
const configSchema = z.object({
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TILLIT_DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-').optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-').optional()),
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  SLACK_SEND_RATE: z.coerce.number().int().min(1).max(1_000).default(20),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z
    .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'])
    .default('SingleTenant'),
  TEAMS_EMULATOR: optionalText.pipe(onOff.optional()),
  LOCAL_CHANNEL: optionalText.pipe(onOff.optional()),
  LOCAL_CHANNEL_TOKEN: optionalText.pipe(
    z.string().min(16, 'at least 16 characters (e.g. openssl rand -hex 24)').optional(),
  ),
  TIME_TRAVEL: optionalText.pipe(onOff.optional()),
  METRICS_TOKEN: optionalText.pipe(
    z.string().min(16, 'at least 16 characters (e.g. openssl rand -hex 24)').optional(),
  ),
  TZ_DEFAULT: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isTimeZone, 'an IANA time zone such as Europe/Stockholm'),
  LANG_DEFAULT: z.enum(['sv', 'en']).default(DEFAULT_LANG),
  ANONYMITY_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
  REFLECTION_TEXT_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  slack: { mode: 'http' | 'socket'; botToken: string; signingSecret: string | undefined } | null;
  /**
   * Teams at POST /api/messages: with an app id, requests must carry a Bot Framework token;
   * with TEAMS_EMULATOR=on (never with an app id), unauthenticated requests from loopback
   * only; otherwise every request is refused (401).
   */
  teams: TeamsConfig;
  /** Whether the browser channel serves: asked for (or by default) and safe where it listens. */
  localChannel: boolean;
  /**
   * Who may use the browser channel: `loopback` (bound to loopback, Host header checked) or
   * `token` (any address, after a login with LOCAL_CHANNEL_TOKEN).
   */
  localAccess: LocalAccess;
  /** The browser channel was asked for but stays off: HOST is not loopback and there is no token. */
  localChannelRefused: boolean;
  /**
   * Time travel on the browser channel: `on` (TIME_TRAVEL=on: tests, staging), `demo` (only
   * while the demo organisation is loaded, since there are no credentials), or `off`.
   */
  timeTravel: 'on' | 'demo' | 'off';
}

export type LocalAccess = { kind: 'loopback' } | { kind: 'token'; token: string };

export class ConfigError extends Error {
  readonly code = 'tillit_config_invalid';
}

/** Parses the environment once; a bad value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? '?');
    throw new ConfigError(`${variable}: ${issue.message} (got ${show(variable, env[variable])})`);
  }
  return derive(parsed.data);
}

function derive(raw: RawConfig): Config {
  const slack = deriveSlack(raw);
  const teams = deriveTeams(raw);
  const credentials = slack !== null || teams.mode === 'bot-framework';
  const wanted = raw.LOCAL_CHANNEL ? raw.LOCAL_CHANNEL === 'on' : !credentials;
  const loopback = isLoopbackHost(raw.HOST);
  const localAccess: LocalAccess =
    !loopback && raw.LOCAL_CHANNEL_TOKEN
      ? { kind: 'token', token: raw.LOCAL_CHANNEL_TOKEN }
      : { kind: 'loopback' };
  const localChannelRefused = wanted && !loopback && !raw.LOCAL_CHANNEL_TOKEN;
  if (raw.TIME_TRAVEL === 'on' && !loopback) {
    throw new ConfigError(
      `TIME_TRAVEL: on only with a loopback HOST (127.0.0.1, localhost or ::1), got HOST=${JSON.stringify(raw.HOST)}`,
    );
  }
  const timeTravel = raw.TIME_TRAVEL ?? (credentials ? 'off' : 'demo');
  return {
    ...raw,
    slack,
    teams,
    localChannel: wanted && !localChannelRefused,
    localAccess,
    localChannelRefused,
    timeTravel,
  };
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Whether HOST binds to this machine only; 0.0.0.0, :: and any other address do not. */
export const isLoopbackHost = (host: string): boolean => loopbackHosts.has(host.toLowerCase());

export type TeamsConfig =
  | {
      mode: 'bot-framework';
      appId: string;
      password: string | undefined;
      tenantId: string | undefined;
      type: RawConfig['MICROSOFT_APP_TYPE'];
    }
  | { mode: 'emulator' }
  | { mode: 'off' };

function deriveTeams(raw: RawConfig): TeamsConfig {
  const appId = raw.MICROSOFT_APP_ID;
  if (appId && raw.TEAMS_EMULATOR === 'on') {
    throw new ConfigError(
      'TEAMS_EMULATOR: on only without MICROSOFT_APP_ID (the emulator mode authenticates nobody)',
    );
  }
  if (!appId) return raw.TEAMS_EMULATOR === 'on' ? { mode: 'emulator' } : { mode: 'off' };
  const type = raw.MICROSOFT_APP_TYPE;
  if (type !== 'UserAssignedMSI' && !raw.MICROSOFT_APP_PASSWORD) {
    throw new ConfigError(
      `MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID for a ${type} app (the client secret)`,
    );
  }
  if (type !== 'MultiTenant' && !raw.MICROSOFT_APP_TENANT_ID) {
    throw new ConfigError(
      `MICROSOFT_APP_TENANT_ID: required with MICROSOFT_APP_ID for a ${type} app (or set MICROSOFT_APP_TYPE=MultiTenant)`,
    );
  }
  return {
    mode: 'bot-framework',
    appId,
    password: raw.MICROSOFT_APP_PASSWORD,
    tenantId: raw.MICROSOFT_APP_TENANT_ID,
    type,
  };
}

function deriveSlack(raw: RawConfig): Config['slack'] {
  if (!raw.SLACK_BOT_TOKEN) return null;
  if (raw.SLACK_APP_TOKEN) {
    return {
      mode: 'socket',
      botToken: raw.SLACK_BOT_TOKEN,
      signingSecret: raw.SLACK_SIGNING_SECRET,
    };
  }
  if (!raw.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  return { mode: 'http', botToken: raw.SLACK_BOT_TOKEN, signingSecret: raw.SLACK_SIGNING_SECRET };
}

const secretNames = /TOKEN|SECRET|PASSWORD|DATABASE_URL/;

/** Never echoes a secret back into a log line. */
function show(variable: string, value: string | undefined): string {
  if (value === undefined) return 'nothing';
  return secretNames.test(variable) ? 'a value that is not shown' : JSON.stringify(value);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
