import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyValue,
  brokenJson,
  CONTENT_TYPES,
  type FuzzRequest,
  json,
  looseObject,
  nastyText,
  slackSigned,
} from './support/fuzz-requests.js';
import { listLocalPeople } from './support/local-tillit.js';
import { rowCounter } from './support/row-counter.js';
import { startTeamsTillit, type TeamsTestTillit } from './support/start-teams-tillit.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';

// Issue 17: every endpoint gets at least 1,000 generated malformed requests. None may be
// answered with a 5xx, none that is refused (4xx) may leave a row behind, nothing may crash
// the process or reject unhandled, and memory must stay bounded.
/** FUZZ_RUNS=10000 for a deeper run by hand. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
/**
 * Memory over one endpoint's run, after a warm-up and a full garbage collection at both
 * ends: the live heap must not grow (a leak grows with every request), and the resident set
 * only within a loose bound (V8 keeps freed pages for a while).
 */
const HEAP_BOUND_MB = 32;
const RSS_BOUND_MB = 256;
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const memory = () => {
  // What the test itself keeps (log lines, the fake Slack API's record) is not the server's.
  for (const target of [t, teamsAuth]) target.logLines.length = 0;
  t.api.calls.length = 0;
  teamsAuth.connector.calls.length = 0;
  gc();
  return process.memoryUsage();
};

let t: TestTillit;
let teamsAuth: TeamsTestTillit;
let localKeys: string[];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  // Slack over HTTP, Teams in emulator mode and the local page, on one server.
  t = await startTestTillit({ env: { TEAMS_EMULATOR: 'on', LOCAL_CHANNEL: 'on' } });
  await t.tillit.channels.find((c) => c.name === 'local')?.start?.();
  localKeys = (await listLocalPeople(t.url)).map((p) => p.key);
  teamsAuth = await startTeamsTillit({
    env: {
      MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555',
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      MICROSOFT_APP_TENANT_ID: '99999999-2222-4333-8444-555555555555',
    },
  });
}, 60_000);
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await t?.close();
  await teamsAuth?.close();
});

interface Tally {
  statuses: Map<number, number>;
}

/**
 * Sends every generated request in turn; after a refused one (4xx) the rows must be as they
 * were before it. Accepted ones (2xx) may write (a retry id, a conversation reference); the
 * count is taken afresh after them, once their work after the answer had a moment.
 */
async function fuzz(
  target: { url: string; database: TestTillit['database'] },
  requests: fc.Arbitrary<FuzzRequest>,
  /** Time for timers the server set per request to run out before memory is measured. */
  settleMs = 0,
): Promise<Tally> {
  const count = await rowCounter(target.database.db);
  const statuses = new Map<number, number>();
  // The count after a refused request is the next one's count before: counted once.
  let known: number | null = null;
  const send = async (request: FuzzRequest) => {
    const before = known ?? (await count());
    const { status, text } = await fetch(new URL(request.path, target.url), {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' ? undefined : request.body,
    }).then(
      async (response) => ({ status: response.status, text: await response.text() }),
      // A server that refuses a huge body before reading it closes the connection while the
      // client still writes: the client sees a reset. A refusal, as long as the server lives.
      (error: unknown) => {
        if (!isReset(error)) throw error;
        return { status: 0, text: '' };
      },
    );
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status === 0) expect((await fetch(new URL('/healthz', target.url))).status).toBe(200);
    expect(status, `${request.method} ${request.path}: ${text.slice(0, 200)}`).toBeLessThan(500);
    expect(text).not.toMatch(/Failed query|params:|\bat \w+ \(|node_modules|\/work\//);
    if (status === 0 || status >= 400) {
      known = await count();
      expect(known, `a refused ${request.path} wrote rows`).toBe(before);
    } else {
      known = null;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  // Warm-up: what loads once (code paths, caches) is not growth.
  for (const request of fc.sample(requests, { numRuns: 100, seed: 1 })) await send(request);
  const before = memory();
  await fc.assert(fc.asyncProperty(requests, send), { numRuns: RUNS, endOnFailure: true });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const after = memory();
  const heapMb = (after.heapUsed - before.heapUsed) / 1_048_576;
  const grownMb = (after.rss - before.rss) / 1_048_576;
  expect(heapMb).toBeLessThan(HEAP_BOUND_MB);
  expect(grownMb).toBeLessThan(RSS_BOUND_MB);
  expect(unhandled).toEqual([]);
  console.info(
    `fuzz ${target.url}: statuses ${JSON.stringify(Object.fromEntries(statuses))}, heap +${heapMb.toFixed(1)} MB, RSS +${grownMb.toFixed(1)} MB`,
  );
  return { statuses };
}

/** Any text as a header value fetch accepts (latin-1 without controls). */
const headerSafe = (text: string) => Buffer.from(text).toString('base64');

function isReset(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}

const urlencoded = (fields: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();

// --- Slack ---------------------------------------------------------------------------------

const slackBody = fc.oneof(
  brokenJson.map((body) => ({ body, type: 'application/json' })),
  looseObject({
    type: fc.oneof(
      fc.constantFrom('block_actions', 'view_submission', 'view_closed', 'shortcut'),
      nastyText,
    ),
    user: fc.oneof(anyValue, looseObject({ id: anyValue, team_id: anyValue })),
    team: fc.oneof(anyValue, looseObject({ id: anyValue })),
    trigger_id: anyValue,
    view: fc.oneof(
      anyValue,
      looseObject({
        id: nastyText,
        hash: nastyText,
        callback_id: fc.oneof(fc.constantFrom('swot.add-item', 'reflection.answer'), nastyText),
        private_metadata: fc.oneof(nastyText, fc.json()),
        state: fc.oneof(anyValue, fc.constant({ values: { a: { b: { type: 'x' } } } })),
        blocks: anyValue,
      }),
    ),
    actions: fc.oneof(
      anyValue,
      fc.array(looseObject({ type: anyValue, action_id: anyValue, value: anyValue }), {
        maxLength: 2,
      }),
    ),
    channel: anyValue,
  }).map((payload) => ({
    body: urlencoded({ payload }),
    type: 'application/x-www-form-urlencoded',
  })),
  looseObject({
    command: fc.oneof(fc.constant('/tillit'), nastyText),
    text: nastyText,
    user_id: fc.oneof(fc.constant('U0FUZZ'), nastyText),
    team_id: nastyText,
    channel_id: nastyText,
    trigger_id: nastyText,
    response_url: fc.constantFrom('http://127.0.0.1:9/x', 'not a url', ''),
  }).map((fields) => ({ body: urlencoded(fields), type: 'application/x-www-form-urlencoded' })),
  looseObject({
    type: fc.constantFrom('event_callback', 'url_verification', 'app_rate_limited'),
    event_id: fc.oneof(nastyText, fc.constant('E'.repeat(100_000))),
    team_id: anyValue,
    challenge: anyValue,
    event: fc.oneof(
      anyValue,
      looseObject({
        type: fc.constantFrom('app_home_opened', 'message'),
        user: anyValue,
        tab: anyValue,
      }),
    ),
  }).map((fields) => ({ body: json(fields), type: 'application/json' })),
);

describe('fuzz: /slack/events', () => {
  it(`signed (${RUNS} requests): no 5xx, refused ones write nothing`, async () => {
    const requests = slackBody.map(
      ({ body, type }): FuzzRequest => ({
        method: 'POST',
        path: '/slack/events',
        headers: { 'content-type': type, ...slackSigned(SIGNING_SECRET, body) },
        body,
      }),
    );
    // Bolt keeps each request until its 3 s ack timer runs out, also for one it refused.
    await fuzz(t, requests, 3_500);
  }, 240_000);

  it(`unsigned or badly signed (${RUNS} requests): all refused, nothing written`, async () => {
    const headers = fc.oneof(
      fc.constant({}),
      fc.record({ 'X-Slack-Signature': nastyText.map((s) => `v0=${headerSafe(s)}`) }),
      fc.constant({ 'X-Slack-Request-Timestamp': '1', 'X-Slack-Signature': 'v0=00' }),
    );
    const requests = fc.tuple(slackBody, headers, fc.constantFrom(...CONTENT_TYPES)).map(
      ([{ body }, signature, type]): FuzzRequest => ({
        method: 'POST',
        path: '/slack/events',
        headers: { ...(type ? { 'content-type': type } : {}), ...signature },
        body,
      }),
    );
    const { statuses } = await fuzz(t, requests);
    expect([...statuses.keys()].every((status) => status === 0 || status >= 400)).toBe(true);
  }, 240_000);
});

// --- Teams ---------------------------------------------------------------------------------

function teamsActivities(serviceUrl: string) {
  const account = fc.oneof(anyValue, looseObject({ id: anyValue, aadObjectId: anyValue }));
  const activity = looseObject({
    type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'invoke'), anyValue),
    id: anyValue,
    serviceUrl: fc.oneof(fc.constant(serviceUrl), anyValue),
    channelId: fc.oneof(fc.constant('msteams'), anyValue),
    from: account,
    recipient: account,
    conversation: fc.oneof(anyValue, looseObject({ id: anyValue, conversationType: anyValue })),
    text: anyValue,
    value: anyValue,
    timestamp: anyValue,
    locale: anyValue,
    entities: anyValue,
    channelData: anyValue,
  });
  return fc.oneof(
    activity.map((a) => json(a)),
    brokenJson,
  );
}

describe('fuzz: /api/messages', () => {
  it(`in emulator mode (${RUNS} requests): no 5xx, refused ones write nothing`, async () => {
    const requests = fc
      .tuple(teamsActivities('http://127.0.0.1:9/'), fc.constantFrom(...CONTENT_TYPES))
      .map(
        ([body, type]): FuzzRequest => ({
          method: 'POST',
          path: '/api/messages',
          headers: type ? { 'content-type': type } : {},
          body,
        }),
      );
    await fuzz(t, requests);
  }, 240_000);

  it(`with an app id, unauthenticated (${RUNS} requests): all refused, nothing written`, async () => {
    const auth = fc.oneof(
      fc.constant({}),
      nastyText.map((s) => ({ authorization: `Bearer ${headerSafe(s)}` })),
      fc.constant({ authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' }),
    );
    const requests = fc.tuple(teamsActivities(teamsAuth.connector.url), auth).map(
      ([body, authorization]): FuzzRequest => ({
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json', ...authorization },
        body,
      }),
    );
    const { statuses } = await fuzz(teamsAuth, requests);
    expect([...statuses.keys()].every((status) => status === 0 || status >= 400)).toBe(true);
    expect(teamsAuth.connector.calls).toHaveLength(0);
  }, 240_000);
});

// --- The local page's API ------------------------------------------------------------------

describe('fuzz: the local API under /local', () => {
  it(`(${RUNS} requests): no 5xx, refused ones write nothing`, async () => {
    const person = fc.oneof(fc.constantFrom(...localKeys), anyValue);
    const body = fc.oneof(
      looseObject({
        person,
        channel: anyValue,
        text: anyValue,
        action: fc.oneof(anyValue, looseObject({ id: anyValue, value: anyValue })),
        formId: anyValue,
        state: anyValue,
        values: anyValue,
        lang: anyValue,
      }).map(json),
      brokenJson,
    );
    const post = fc
      .tuple(
        fc.constantFrom('command', 'action', 'submit', 'language', 'nowhere'),
        body,
        fc.constantFrom(...CONTENT_TYPES),
      )
      .map(
        ([route, raw, type]): FuzzRequest => ({
          method: 'POST',
          path: `/local/${route}`,
          headers: type ? { 'content-type': type } : {},
          body: raw,
        }),
      );
    const get = fc
      .tuple(
        fc.constantFrom('home', 'inbox', 'messages', 'texts', 'people', 'channels', 'x'),
        fc.dictionary(fc.constantFrom('person', 'channel', 'lang'), fc.oneof(person, nastyText)),
        fc.boolean(),
      )
      .map(([route, query, raw]): FuzzRequest => {
        const pairs = Object.entries(query).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
        ]);
        // Raw: a query that does not even decode (a lone %, an encoded NUL).
        const search = raw ? '?person=%&channel=%00' : `?${new URLSearchParams(pairs)}`;
        return { method: 'GET', path: `/local/${route}${search}`, headers: {} };
      });
    await fuzz(t, fc.oneof(post, get));
  }, 240_000);
});
