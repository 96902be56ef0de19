import { createHmac, randomBytes } from 'node:crypto';

/**
 * Requests into a running server's `/slack/events`, signed the way Slack signs them, so the
 * real Bolt receiver verifies them. Each helper returns the HTTP answer with the body parsed
 * as JSON when it is JSON.
 */

export interface SlackResponse {
  status: number;
  /** Parsed JSON, or the text ('' for Bolt's empty ack). */
  body: unknown;
  headers: Record<string, string>;
}

export interface SigningOptions {
  /** Sign with this secret instead of the right one (a forged request). */
  signWith?: string;
  /** `X-Slack-Request-Timestamp` in seconds; e.g. 10 minutes ago for a stale request. */
  timestamp?: number;
  /** Send no signature headers at all. */
  unsigned?: boolean;
  /** Default `/slack/events`. */
  path?: string;
  headers?: Record<string, string>;
}

export interface SlashCommandOptions extends SigningOptions {
  text: string;
  userId: string;
  teamId?: string;
  channelId: string;
  command?: string;
  /**
   * Where the bot may `respond()`. Pass `api.responseUrl()` from the fake to capture it; the
   * default is a loopback address that refuses connections (no request leaves the machine).
   */
  responseUrl?: string;
  triggerId?: string;
}

export interface BlockActionOptions extends SigningOptions {
  userId: string;
  teamId?: string;
  channelId?: string;
  actionId: string;
  /** Default: the action id. */
  blockId?: string;
  value?: string;
  /** The message the button sits in (a message container). */
  messageTs?: string;
  /** The view the button sits in (a view container), when there is no `messageTs`. */
  viewId?: string;
  triggerId?: string;
  responseUrl?: string;
  /** Merged into the action, e.g. `{ type: 'static_select', selected_option: { value } }`. */
  action?: Record<string, unknown>;
  /** Merged into `message` (e.g. its `blocks` or `metadata`). */
  message?: Record<string, unknown>;
  /** Merged into `view` (e.g. `private_metadata`, `state`). */
  view?: Record<string, unknown>;
}

export interface ViewSubmissionOptions extends SigningOptions {
  userId: string;
  teamId?: string;
  callbackId: string;
  privateMetadata?: string;
  /** Slack's `view.state.values`; build it with `stateValuesFrom`. */
  values: StateValues;
  viewId?: string;
  /** Slack's view hash; the same id and hash twice is the same submission sent again. */
  hash?: string;
  /** The modal's blocks as opened (a form-wide error is shown at its first input). */
  blocks?: unknown[];
  triggerId?: string;
}

export interface EventOptions extends SigningOptions {
  event: Record<string, unknown>;
  eventId: string;
  teamId?: string;
  retryNum?: number;
  retryReason?: string;
}

export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

/**
 * A form input's value for `stateValuesFrom`:
 * - `'text'` or `null` → plain_text_input (`null` is an empty input, as Slack sends it)
 * - `['a', 'b']` → multi_static_select with those option values
 * - `{ selected: 'a' }` (or `null`) → static_select; `{ radio: 'a' }` → radio_buttons;
 *   `{ checked: ['a'] }` → checkboxes; `{ user: 'U1' }` → users_select;
 *   `{ users: ['U1'] }` → multi_users_select; `{ conversation: 'C1' }` → conversations_select;
 *   `{ date: '2025-05-01' }` → datepicker; `{ time: '09:30' }` → timepicker;
 *   `{ number: '3' }` → number_input
 */
export type StateInput =
  | string
  | null
  | string[]
  | { selected: string | null }
  | { radio: string | null }
  | { checked: string[] }
  | { user: string | null }
  | { users: string[] }
  | { conversation: string | null }
  | { date: string | null }
  | { time: string | null }
  | { number: string | null };

const API_APP_ID = 'A0TEST';
const TEAM_DOMAIN = 'tillit-test';
/** Nothing listens on the discard port of the loopback: a `respond()` there fails at once. */
const UNUSED_RESPONSE_URL = 'http://127.0.0.1:9/commands/unused';

/**
 * Builds `state.values` from inputs keyed by id: the key is both block_id and action_id, or
 * `'block_id/action_id'` when they differ. See `StateInput` for the accepted values.
 */
export function stateValuesFrom(values: Record<string, StateInput>): StateValues {
  const state: StateValues = {};
  for (const [key, input] of Object.entries(values)) {
    const slash = key.indexOf('/');
    const blockId = slash < 0 ? key : key.slice(0, slash);
    const actionId = slash < 0 ? key : key.slice(slash + 1);
    state[blockId] = { ...state[blockId], [actionId]: stateValue(input) };
  }
  return state;
}

function stateValue(input: StateInput): Record<string, unknown> {
  const option = (value: string | null) =>
    value === null ? null : { value, text: { type: 'plain_text', text: value } };
  if (input === null || typeof input === 'string') {
    return { type: 'plain_text_input', value: input };
  }
  if (Array.isArray(input)) {
    return { type: 'multi_static_select', selected_options: input.map(option) };
  }
  if ('selected' in input)
    return { type: 'static_select', selected_option: option(input.selected) };
  if ('radio' in input) return { type: 'radio_buttons', selected_option: option(input.radio) };
  if ('checked' in input)
    return { type: 'checkboxes', selected_options: input.checked.map(option) };
  if ('user' in input) return { type: 'users_select', selected_user: input.user };
  if ('users' in input) return { type: 'multi_users_select', selected_users: input.users };
  if ('conversation' in input) {
    return { type: 'conversations_select', selected_conversation: input.conversation };
  }
  if ('date' in input) return { type: 'datepicker', selected_date: input.date };
  if ('time' in input) return { type: 'timepicker', selected_time: input.time };
  return { type: 'number_input', value: input.number };
}

export function sendSlashCommand(
  baseUrl: string,
  secret: string,
  options: SlashCommandOptions,
): Promise<SlackResponse> {
  const teamId = options.teamId ?? 'T0TEST';
  const body = new URLSearchParams({
    token: 'verification-token',
    team_id: teamId,
    team_domain: TEAM_DOMAIN,
    channel_id: options.channelId,
    channel_name: options.channelId.toLowerCase(),
    user_id: options.userId,
    user_name: options.userId.toLowerCase(),
    command: options.command ?? '/tillit',
    text: options.text,
    api_app_id: API_APP_ID,
    is_enterprise_install: 'false',
    response_url: options.responseUrl ?? UNUSED_RESPONSE_URL,
    trigger_id: options.triggerId ?? newTriggerId(),
  }).toString();
  return post(baseUrl, secret, body, 'application/x-www-form-urlencoded', options);
}

export function sendBlockAction(
  baseUrl: string,
  secret: string,
  options: BlockActionOptions,
): Promise<SlackResponse> {
  const teamId = options.teamId ?? 'T0TEST';
  const { channelId, messageTs, viewId } = options;
  const container = messageTs
    ? { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false }
    : viewId
      ? { type: 'view', view_id: viewId }
      : { type: 'message', channel_id: channelId, is_ephemeral: true };
  const payload = {
    type: 'block_actions',
    user: userOf(options.userId, teamId),
    api_app_id: API_APP_ID,
    token: 'verification-token',
    container,
    trigger_id: options.triggerId ?? newTriggerId(),
    team: { id: teamId, domain: TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    ...(channelId ? { channel: { id: channelId, name: channelId.toLowerCase() } } : {}),
    ...(messageTs
      ? { message: { type: 'message', ts: messageTs, text: '', blocks: [], ...options.message } }
      : {}),
    ...(viewId
      ? { view: { id: viewId, type: 'modal', state: { values: {} }, ...options.view } }
      : {}),
    state: { values: {} },
    response_url: options.responseUrl ?? UNUSED_RESPONSE_URL,
    actions: [
      {
        action_id: options.actionId,
        block_id: options.blockId ?? options.actionId,
        type: 'button',
        ...(options.value !== undefined ? { value: options.value } : {}),
        action_ts: nowTs(),
        ...options.action,
      },
    ],
  };
  return postPayload(baseUrl, secret, payload, options);
}

export function sendViewSubmission(
  baseUrl: string,
  secret: string,
  options: ViewSubmissionOptions,
): Promise<SlackResponse> {
  const teamId = options.teamId ?? 'T0TEST';
  const viewId = options.viewId ?? `V0${randomBytes(4).toString('hex').toUpperCase()}`;
  const payload = {
    type: 'view_submission',
    team: { id: teamId, domain: TEAM_DOMAIN },
    user: userOf(options.userId, teamId),
    api_app_id: API_APP_ID,
    token: 'verification-token',
    trigger_id: options.triggerId ?? newTriggerId(),
    view: {
      id: viewId,
      team_id: teamId,
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata ?? '',
      state: { values: options.values },
      hash: options.hash ?? nowTs(),
      title: { type: 'plain_text', text: 'Tillit' },
      blocks: options.blocks ?? [],
      root_view_id: viewId,
      previous_view_id: null,
      app_id: API_APP_ID,
      bot_id: 'B0BOT',
    },
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
  return postPayload(baseUrl, secret, payload, options);
}

export function sendEvent(
  baseUrl: string,
  secret: string,
  options: EventOptions,
): Promise<SlackResponse> {
  const teamId = options.teamId ?? 'T0TEST';
  const body = JSON.stringify({
    token: 'verification-token',
    team_id: teamId,
    api_app_id: API_APP_ID,
    event: { event_ts: nowTs(), ...options.event },
    type: 'event_callback',
    event_id: options.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: 'U0BOT',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
  const headers: Record<string, string> = { ...options.headers };
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  return post(baseUrl, secret, body, 'application/json', { ...options, headers });
}

/** Slack's `url_verification` handshake (Bolt answers the challenge). */
export function sendUrlVerification(
  baseUrl: string,
  secret: string,
  challenge: string,
  options: SigningOptions = {},
): Promise<SlackResponse> {
  const body = JSON.stringify({ token: 'verification-token', challenge, type: 'url_verification' });
  return post(baseUrl, secret, body, 'application/json', options);
}

/** The `X-Slack-Signature` value for a body sent at `timestamp` (seconds). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function postPayload(
  baseUrl: string,
  secret: string,
  payload: unknown,
  options: SigningOptions,
): Promise<SlackResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return post(baseUrl, secret, body, 'application/x-www-form-urlencoded', options);
}

async function post(
  baseUrl: string,
  secret: string,
  body: string,
  contentType: string,
  options: SigningOptions,
): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'Content-Type': contentType, ...options.headers };
  if (!options.unsigned) {
    headers['X-Slack-Request-Timestamp'] = String(timestamp);
    headers['X-Slack-Signature'] = slackSignature(options.signWith ?? secret, timestamp, body);
  }
  const url = new URL(options.path ?? '/slack/events', baseUrl);
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
  }
  return { status: response.status, body: parsed, headers: Object.fromEntries(response.headers) };
}

function userOf(userId: string, teamId: string) {
  const name = userId.toLowerCase();
  return { id: userId, username: name, name, team_id: teamId };
}

function newTriggerId(): string {
  return `${Date.now()}.${randomBytes(8).toString('hex')}`;
}

function nowTs(): string {
  return (Date.now() / 1000).toFixed(6);
}
