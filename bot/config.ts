import { z } from 'zod/v4';

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
  LOCAL_CHANNEL: optionalText.pipe(onOff.optional()),
  TZ_DEFAULT: z
    .string()
    .default('Europe/Stockholm')
    .refine(isTimeZone, 'an IANA time zone such as Europe/Stockholm'),
  LANG_DEFAULT: z.enum(['sv', 'en']).default('sv'),
  ANONYMITY_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
  REFLECTION_TEXT_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  slack: { mode: 'http' | 'socket'; botToken: string; signingSecret: string | undefined } | null;
  /**
   * Teams at POST /api/messages, always: with an app id, requests must carry a Bot Framework
   * token; with none, the emulator mode accepts unauthenticated requests from loopback only.
   */
  teams: TeamsConfig;
  localChannel: boolean;
}

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
  const localChannel = raw.LOCAL_CHANNEL
    ? raw.LOCAL_CHANNEL === 'on'
    : !slack && teams.mode === 'emulator';
  return { ...raw, slack, teams, localChannel };
}

export type TeamsConfig =
  | {
      mode: 'bot-framework';
      appId: string;
      password: string | undefined;
      tenantId: string | undefined;
      type: RawConfig['MICROSOFT_APP_TYPE'];
    }
  | { mode: 'emulator' };

function deriveTeams(raw: RawConfig): TeamsConfig {
  const appId = raw.MICROSOFT_APP_ID;
  if (!appId) return { mode: 'emulator' };
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
