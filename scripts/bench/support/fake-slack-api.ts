import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Slack Web API (and for `response_url`s) that records every call.
 * Point `@slack/web-api` (or Bolt's `clientOptions.slackApiUrl`) at `url`. It keeps just
 * enough state (messages per channel, views) to answer like Slack, and can answer 429 on
 * demand or when a sliding one-second budget is exceeded.
 */

export type Args = Record<string, unknown>;

export interface RecordedCall {
  /** Web API method (`chat.postMessage`), or `response_url` for a POST to `responseUrl(id)`. */
  method: string;
  /** The request's arguments; JSON sent inside a form (`blocks`, `metadata`, `view`) is decoded. */
  args: Args;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** The bearer token (or body `token`) the call carried; never part of `args`. */
  token?: string;
  /** For `response_url` calls: the id given to `responseUrl(id)`. */
  responseId?: string;
  /** For rejected calls: the HTTP status answered (429 for rate limits). */
  status?: number;
}

export interface StoredMessage {
  type: 'message';
  ts: string;
  channel: string;
  text: string;
  user: string;
  bot_id: string;
  blocks?: unknown;
  attachments?: unknown;
  metadata?: unknown;
  thread_ts?: string;
}

export interface FailOptions {
  /** HTTP status; default 429 (with `Retry-After`), or 200 when only `error` is given. */
  status?: number;
  /** Seconds for the `Retry-After` header of a 429; default 1. */
  retryAfter?: number;
  /** Answer HTTP 200 `{ ok: false, error }` instead (unless `status` says otherwise). */
  error?: string;
  /** How many consecutive calls fail; default 1. */
  times?: number;
}

export interface RateLimit {
  /** Accepted calls allowed in any sliding 1-second window (per token, i.e. per workspace). */
  perSecond: number;
  /** Methods the budget applies to; default `['chat.postMessage']`. */
  methods?: string[];
  /** `Retry-After` seconds; default: until the window frees a slot, rounded up (at least 1). */
  retryAfter?: number;
}

/** Answers a method: return the body (`ok: true` is added when `ok` is missing). */
export type MethodHandler = (args: Args, call: RecordedCall) => Args | Promise<Args>;

export interface FakeSlackApiOptions {
  /** Real names by user id, for `users.info`; unknown ids get their id as name. */
  users?: Record<string, string>;
  /** Channel names by id, for `conversations.info`; default: the id in lower case. */
  channels?: Record<string, string>;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** Extra or overriding methods. */
  handlers?: Record<string, MethodHandler>;
  /** Delay before each answer, to mimic network latency (benchmarks). */
  latencyMs?: number;
}

export interface FakeSlackApi {
  /** Base URL for `slackApiUrl`, ending in `/api/`. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Calls the fake answered (including `ok: false` answers), oldest first. */
  calls: RecordedCall[];
  /** Calls refused by `failNext` or the rate limit; not in `calls`. */
  rejected: RecordedCall[];
  /** Number of 429 answers sent so far. */
  readonly rateLimited: number;
  callsOf(method: string): RecordedCall[];
  /** Stored messages of a channel, oldest first (thread replies included). */
  messagesIn(channel: string): StoredMessage[];
  /** A view by id (`views.open`/`push`/`update`), or the App Home published for a user id. */
  view(viewId: string): Args | undefined;
  homeOf(userId: string): Args | undefined;
  /** A URL on the fake that accepts up to 5 POSTs, like Slack's `response_url`. */
  responseUrl(id?: string): string;
  failNext(method: string, options?: FailOptions): void;
  setRateLimit(limit: RateLimit | null): void;
  setLatency(ms: number): void;
  setUser(userId: string, realName: string): void;
  on(method: string, handler: MethodHandler): void;
  /** The first recorded call (oldest first) matching, waiting for it up to `timeoutMs`. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  waitForCall(
    method: string,
    predicate?: (args: Args, call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** Forgets calls, messages, views, failures and the rate limit (keeps users and handlers). */
  reset(): void;
  close(): Promise<void>;
}

/** Form fields the WebClient sends as JSON strings; other fields are decoded only if they look like JSON objects. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'unfurls', 'files']);
const TEXT_FIELDS = new Set(['text', 'markdown_text', 'title', 'initial_comment', 'name']);
const RESPONSE_URL_USES = 5;

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const teamId = options.teamId ?? 'T0TEST';
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = options.botId ?? 'B0BOT';
  const users = new Map(Object.entries(options.users ?? {}));
  const handlers = new Map<string, MethodHandler>();
  const calls: RecordedCall[] = [];
  const rejected: RecordedCall[] = [];
  const messages = new Map<string, StoredMessage[]>();
  const views = new Map<string, Args>();
  const homes = new Map<string, Args>();
  const failures = new Map<string, Required<Omit<FailOptions, 'error'>> & { error?: string }>();
  const responseUses = new Map<string, number>();
  const windows = new Map<string, number[]>();
  const waiters = new Set<() => void>();
  let rateLimit: RateLimit | null = null;
  let rateLimited = 0;
  let latencyMs = options.latencyMs ?? 0;
  let lastTsMicros = 0;
  let nextId = 1;

  const newTs = (): string => {
    lastTsMicros = Math.max(Date.now() * 1000, lastTsMicros + 1);
    return `${Math.floor(lastTsMicros / 1e6)}.${String(lastTsMicros % 1e6).padStart(6, '0')}`;
  };
  const newId = (prefix: string) => `${prefix}0${String(nextId++).padStart(8, '0')}`;
  /** Posting to a user id lands in the DM with that user, as on Slack. */
  const channelFor = (channel: string) => (/^[UW]/.test(channel) ? `D${channel}` : channel);
  const channelMessages = (channel: string) => {
    const list = messages.get(channel) ?? [];
    messages.set(channel, list);
    return list;
  };
  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const wake of [...waiters]) wake();
  };

  const methods: Record<string, MethodHandler> = {
    'auth.test': () => ({
      url: 'https://tillit-test.slack.com/',
      team: 'Tillit Test',
      user: 'tillit',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (args) => {
      const channel = str(args.channel);
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const problem = messageProblem(args, true);
      if (problem) return { ok: false, error: problem };
      const message: StoredMessage = {
        type: 'message',
        ts: newTs(),
        channel: channelFor(channel),
        text: str(args.text) ?? '',
        user: botUserId,
        bot_id: botId,
        ...pick(args, ['blocks', 'attachments', 'metadata', 'thread_ts']),
      };
      channelMessages(message.channel).push(message);
      return { channel: message.channel, ts: message.ts, message: withoutChannel(message) };
    },
    'chat.update': (args) => {
      const channel = channelFor(str(args.channel) ?? '');
      const message = messages.get(channel)?.find((m) => m.ts === str(args.ts));
      if (!message) return { ok: false, error: 'message_not_found' };
      const problem = messageProblem(args, false);
      if (problem) return { ok: false, error: problem };
      Object.assign(message, pick(args, ['text', 'blocks', 'attachments', 'metadata']));
      return { channel, ts: message.ts, text: message.text, message: withoutChannel(message) };
    },
    'chat.delete': (args) => {
      const list = messages.get(channelFor(str(args.channel) ?? ''));
      const index = list?.findIndex((m) => m.ts === str(args.ts)) ?? -1;
      if (!list || index < 0) return { ok: false, error: 'message_not_found' };
      list.splice(index, 1);
      return { channel: args.channel, ts: args.ts };
    },
    'chat.postEphemeral': (args) => {
      if (!str(args.channel)) return { ok: false, error: 'channel_not_found' };
      if (!str(args.user)) return { ok: false, error: 'user_not_in_channel' };
      const problem = messageProblem(args, true);
      return problem ? { ok: false, error: problem } : { message_ts: newTs() };
    },
    'views.open': (args) => storeView(args, 'V'),
    'views.push': (args) => storeView(args, 'V'),
    'views.update': (args) => {
      const id = str(args.view_id) ?? findViewByExternalId(str(args.external_id));
      if (!id || !views.has(id)) return { ok: false, error: 'not_found' };
      return storeView(args, 'V', id);
    },
    'views.publish': (args) => {
      const userId = str(args.user_id);
      if (!userId) return { ok: false, error: 'invalid_arguments' };
      const result = storeView(args, 'V');
      if (result.ok === false) return result;
      homes.set(userId, result.view as Args);
      return result;
    },
    'conversations.info': (args) => {
      const id = str(args.channel);
      if (!id) return { ok: false, error: 'channel_not_found' };
      const isIm = id.startsWith('D');
      return {
        channel: {
          id,
          name: options.channels?.[id] ?? id.toLowerCase(),
          is_channel: !isIm,
          is_im: isIm,
          is_private: id.startsWith('G'),
          ...(isIm ? { user: id.slice(1) } : {}),
        },
      };
    },
    'conversations.open': (args) => {
      const user = str(args.users)?.split(',')[0] ?? str(args.channel)?.replace(/^D/, '');
      if (!user) return { ok: false, error: 'users_list_not_supplied' };
      return { channel: { id: `D${user}` } };
    },
    'conversations.history': (args) => {
      const inclusive = truthy(args.inclusive);
      const oldest = str(args.oldest);
      const latest = str(args.cursor) ?? str(args.latest);
      const limit = Number(args.limit ?? 100) || 100;
      const all = (messages.get(channelFor(str(args.channel) ?? '')) ?? [])
        .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
        .filter((m) => !oldest || compareTs(m.ts, oldest) > (inclusive ? -1 : 0))
        .filter((m) => !latest || compareTs(m.ts, latest) < (inclusive && !args.cursor ? 1 : 0))
        .reverse();
      const page = all.slice(0, limit);
      const hasMore = all.length > page.length;
      return {
        messages: page.map((m) => shown(m, truthy(args.include_all_metadata))),
        has_more: hasMore,
        response_metadata: { next_cursor: hasMore ? (page.at(-1)?.ts ?? '') : '' },
      };
    },
    'conversations.replies': (args) => {
      const ts = str(args.ts);
      const thread = (messages.get(channelFor(str(args.channel) ?? '')) ?? []).filter(
        (m) => m.ts === ts || m.thread_ts === ts,
      );
      if (thread.length === 0) return { ok: false, error: 'thread_not_found' };
      return {
        messages: thread.map((m) => shown(m, truthy(args.include_all_metadata))),
        has_more: false,
      };
    },
    'users.info': (args) => {
      const id = str(args.user);
      if (!id) return { ok: false, error: 'user_not_found' };
      const realName = users.get(id) ?? id;
      return {
        user: {
          id,
          team_id: teamId,
          name: handleOf(realName),
          real_name: realName,
          deleted: false,
          is_bot: false,
          tz: 'Europe/Stockholm',
          profile: { real_name: realName, display_name: realName },
        },
      };
    },
    'files.getUploadURLExternal': () => {
      const fileId = newId('F');
      return { upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (args) => ({
      files: Array.isArray(args.files) ? args.files : [],
    }),
  };

  function storeView(args: Args, prefix: string, existingId?: string): Args {
    const view = args.view;
    if (!view || typeof view !== 'object') return { ok: false, error: 'invalid_arguments' };
    const blocks = (view as Args).blocks;
    if (Array.isArray(blocks) && blocks.length > 100) return { ok: false, error: 'invalid_blocks' };
    const metadata = (view as Args).private_metadata;
    if (typeof metadata === 'string' && metadata.length > 3000) {
      return { ok: false, error: 'invalid_arguments' };
    }
    const id = existingId ?? newId(prefix);
    const stored = { ...(view as Args), id, team_id: teamId, hash: newTs() };
    views.set(id, stored);
    return { view: stored };
  }

  function findViewByExternalId(externalId: string | undefined): string | undefined {
    if (!externalId) return undefined;
    return [...views.entries()].find(([, v]) => v.external_id === externalId)?.[0];
  }

  function failureFor(method: string, token: string): FailOptions | undefined {
    const failure = failures.get(method);
    if (failure) {
      if (--failure.times <= 0) failures.delete(method);
      return failure;
    }
    if (!rateLimit || !(rateLimit.methods ?? ['chat.postMessage']).includes(method)) return;
    const now = Date.now();
    const window = (windows.get(token) ?? []).filter((at) => now - at < 1000);
    windows.set(token, window);
    if (window.length < rateLimit.perSecond) {
      window.push(now);
      return undefined;
    }
    const freeIn = Math.ceil((1000 - (now - (window[0] ?? now))) / 1000);
    return { status: 429, retryAfter: rateLimit.retryAfter ?? Math.max(1, freeIn) };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = Date.now();
    const requestUrl = new URL(request.url ?? '/', origin);
    const raw = await readBody(request);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const path = requestUrl.pathname;

    if (path.startsWith('/response/')) {
      const responseId = decodeURIComponent(path.slice('/response/'.length));
      const uses = (responseUses.get(responseId) ?? 0) + 1;
      responseUses.set(responseId, uses);
      if (uses > RESPONSE_URL_USES) return send(response, 404, { ok: false, error: 'used_url' });
      const args = await parseBody(raw, request.headers['content-type']);
      record({ method: 'response_url', args, at, responseId });
      return send(response, 200, { ok: true });
    }
    if (path.startsWith('/upload/')) {
      const upload = { file_id: path.slice(8), bytes: raw.length, content: raw.toString('utf8') };
      record({ method: 'file_upload', args: upload, at });
      return send(response, 200, 'OK');
    }
    if (!path.startsWith('/api/')) return send(response, 404, 'not found');

    const method = path.slice('/api/'.length);
    const args = {
      ...Object.fromEntries(requestUrl.searchParams),
      ...(await parseBody(raw, request.headers['content-type'])),
    };
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? str(args.token);
    delete args.token;
    const call: RecordedCall = { method, args, at, ...(token ? { token } : {}) };

    const failure = failureFor(method, token ?? '');
    if (failure) {
      const status = failure.status ?? (failure.error ? 200 : 429);
      rejected.push({ ...call, status });
      if (status === 429) {
        rateLimited++;
        response.setHeader('Retry-After', String(failure.retryAfter ?? 1));
        return send(response, 429, { ok: false, error: 'ratelimited' });
      }
      return send(response, status, status === 200 ? { ok: false, error: failure.error } : 'error');
    }
    if (!token) {
      record(call);
      return send(response, 200, { ok: false, error: 'not_authed' });
    }
    const handler = handlers.get(method) ?? methods[method];
    record(call);
    if (!handler) return send(response, 200, { ok: false, error: 'unknown_method' });
    const result = await handler(args, call);
    return send(response, 200, { ok: true, ...result });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, { ok: false, error: 'fake_failed', detail: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  for (const [method, handler] of Object.entries(options.handlers ?? {})) {
    handlers.set(method, handler);
  }

  const waitFor = (predicate: (call: RecordedCall) => boolean, timeoutMs = 5000) =>
    new Promise<RecordedCall>((resolve, reject) => {
      const check = () => {
        const found = calls.find(predicate);
        if (!found) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        const seen = calls.slice(-10).map((c) => c.method);
        reject(
          new Error(`no matching Slack call within ${timeoutMs} ms; last: ${seen.join(', ')}`),
        );
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });

  return {
    url: `${origin}/api/`,
    origin,
    calls,
    rejected,
    get rateLimited() {
      return rateLimited;
    },
    callsOf: (method) => calls.filter((c) => c.method === method),
    messagesIn: (channel) => [...(messages.get(channelFor(channel)) ?? [])],
    view: (viewId) => views.get(viewId),
    homeOf: (userId) => homes.get(userId),
    responseUrl: (id = randomBytes(6).toString('hex')) =>
      `${origin}/response/${encodeURIComponent(id)}`,
    failNext(method, fail = {}) {
      failures.set(method, {
        status: fail.status ?? (fail.error ? 200 : 429),
        retryAfter: fail.retryAfter ?? 1,
        times: fail.times ?? 1,
        ...(fail.error ? { error: fail.error } : {}),
      });
    },
    setRateLimit(limit) {
      rateLimit = limit;
      windows.clear();
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    setUser(userId, realName) {
      users.set(userId, realName);
    },
    on(method, handler) {
      handlers.set(method, handler);
    },
    waitFor,
    waitForCall: (method, predicate = () => true, timeoutMs) =>
      waitFor((c) => c.method === method && predicate(c.args, c), timeoutMs),
    reset() {
      calls.length = 0;
      rejected.length = 0;
      for (const store of [messages, views, homes, failures, responseUses, windows]) store.clear();
      rateLimit = null;
      rateLimited = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function messageProblem(args: Args, needsContent: boolean): string | undefined {
  const { blocks, text } = args;
  if (blocks !== undefined && (!Array.isArray(blocks) || blocks.length > 50)) {
    return 'invalid_blocks';
  }
  if (typeof text === 'string' && text.length > 40_000) return 'msg_too_long';
  if (needsContent && !str(text) && !Array.isArray(blocks) && !Array.isArray(args.attachments)) {
    return 'no_text';
  }
  return undefined;
}

function shown(message: StoredMessage, withMetadata: boolean): Args {
  const { metadata, ...rest } = withoutChannel(message);
  return withMetadata && metadata !== undefined ? { ...rest, metadata } : rest;
}

function withoutChannel(message: StoredMessage): Omit<StoredMessage, 'channel'> {
  const { channel: _channel, ...rest } = message;
  return rest;
}

function pick(args: Args, keys: string[]): Args {
  return Object.fromEntries(keys.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

function handleOf(realName: string): string {
  return realName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '.');
}

/** Compares Slack timestamps exactly (a double loses the last microsecond digits). */
function compareTs(a: string, b: string): number {
  const micros = (ts: string) => {
    const [seconds = '0', fraction = ''] = ts.split('.');
    return BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
  };
  const difference = micros(a) - micros(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function parseBody(raw: Buffer, contentType = ''): Promise<Args> {
  if (raw.length === 0) return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Args) : { body: parsed };
  }
  let entries: [string, string][];
  if (contentType.includes('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType },
    }).formData();
    entries = [...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '[file]']);
  } else {
    entries = [...new URLSearchParams(raw.toString('utf8')).entries()];
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, decodeField(key, value)]));
}

function decodeField(key: string, value: string): unknown {
  const looksJson = /^\s*[[{]/.test(value) && !TEXT_FIELDS.has(key);
  if (!JSON_FIELDS.has(key) && !looksJson) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const json = typeof body !== 'string';
  response.writeHead(status, {
    'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
  });
  response.end(json ? JSON.stringify(body) : body);
}
