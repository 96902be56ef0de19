import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Connector service at an activity's `serviceUrl`: it records
 * what the bot sends (`POST /v3/conversations/{id}/activities[/{replyToId}]`), updates
 * (`PUT …/activities/{activityId}`), 1:1 chats it creates (`POST /v3/conversations`) and
 * roster look-ups (`GET …/members/{id}`), and answers like the service (`{ id }`).
 */

export type ConnectorCallKind = 'send' | 'reply' | 'update' | 'create' | 'member';

export interface ConnectorCall {
  kind: ConnectorCallKind;
  /** Decoded from the path (a channel thread keeps its `;messageid=`). */
  conversationId: string;
  /** The activity created (send, reply) or replaced (update). */
  activityId?: string;
  replyToId?: string;
  body: Record<string, unknown>;
  at: number;
  /** What was answered; 429 and others when a failure was asked for. */
  status: number;
  authorization?: string;
}

export interface StoredActivity {
  id: string;
  conversationId: string;
  /** The activity as last sent or updated. */
  activity: Record<string, unknown>;
  updates: number;
}

export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface FailOptions {
  status?: number;
  /** Seconds, for a `Retry-After` header. */
  retryAfter?: number;
  times?: number;
  /** Only calls of this kind fail; default: sends and replies. */
  kinds?: ConnectorCallKind[];
}

export interface FakeBotConnector {
  /** The `serviceUrl` to put into activities, ending in `/`. */
  url: string;
  calls: ConnectorCall[];
  activities: Map<string, StoredActivity>;
  /** Members known to `GET …/members/{id}` (by Teams id and by AAD object id). */
  addMembers(members: Member[]): void;
  /** The next matching calls answer with an error instead. */
  fail(options?: FailOptions): void;
  /** The 1:1 conversation id the fake gives a Teams user id. */
  personalConversationOf(userId: string): string;
  /** Activities posted into a conversation (thread part ignored unless `exact`), oldest first. */
  activitiesIn(conversationId: string, exact?: boolean): StoredActivity[];
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

const base = (conversationId: string) => conversationId.split(';messageid=')[0]!;

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const activities = new Map<string, StoredActivity>();
  const members = new Map<string, Member>();
  let failure: Required<Omit<FailOptions, 'retryAfter'>> & { retryAfter?: number } = {
    status: 0,
    times: 0,
    kinds: [],
  };
  const waiters = new Set<() => void>();
  const record = (call: ConnectorCall) => {
    calls.push(call);
    for (const wake of waiters) wake();
  };

  const server = createServer(async (req, res) => {
    const body = await readJson(req);
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const authorization = req.headers.authorization;
    const route = routeOf(req.method ?? '', path);
    if (!route) return answer(res, 404, { error: { code: 'NotFound', message: path } });
    const call: ConnectorCall = {
      ...route,
      body,
      at: Date.now(),
      status: 200,
      ...(authorization ? { authorization } : {}),
    };
    if (failure.times > 0 && failure.kinds.includes(route.kind)) {
      failure.times--;
      call.status = failure.status;
      record(call);
      const headers: Record<string, string> =
        failure.retryAfter !== undefined ? { 'Retry-After': String(failure.retryAfter) } : {};
      return answer(res, failure.status, { error: { code: 'Throttled' } }, headers);
    }
    switch (route.kind) {
      case 'create': {
        // Teams gives a person one 1:1 chat, whether asked with their Teams id or AAD id.
        const memberId = (body.members as { id: string }[] | undefined)?.[0]?.id ?? '';
        call.conversationId = personalConversationOf(members.get(memberId)?.id ?? memberId);
        record(call);
        return answer(res, 201, { id: call.conversationId });
      }
      case 'member': {
        record(call);
        const member = members.get(route.activityId ?? '');
        return member
          ? answer(res, 200, { ...member, userPrincipalName: `${member.name}@example.se` })
          : answer(res, 404, { error: { code: 'MemberNotFound' } });
      }
      case 'send':
      case 'reply': {
        const id = `act-${randomBytes(5).toString('hex')}`;
        call.activityId = id;
        activities.set(id, {
          id,
          conversationId: route.conversationId,
          activity: body,
          updates: 0,
        });
        record(call);
        return answer(res, 200, { id });
      }
      case 'update': {
        const stored = activities.get(route.activityId ?? '');
        if (!stored) {
          call.status = 404;
          record(call);
          return answer(res, 404, { error: { code: 'ActivityNotFound' } });
        }
        stored.activity = body;
        stored.updates++;
        record(call);
        return answer(res, 200, { id: stored.id });
      }
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;

  function personalConversationOf(userId: string) {
    return `a:dm-${userId}`;
  }

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    activities,
    addMembers(list) {
      for (const member of list) {
        members.set(member.id, member);
        members.set(member.aadObjectId, member);
      }
    },
    fail(options = {}) {
      failure = {
        status: options.status ?? 429,
        times: options.times ?? 1,
        kinds: options.kinds ?? ['send', 'reply'],
        ...(options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {}),
      };
    },
    personalConversationOf,
    activitiesIn(conversationId, exact = false) {
      return [...activities.values()].filter((a) =>
        exact
          ? a.conversationId === conversationId
          : base(a.conversationId) === base(conversationId),
      );
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('fake bot connector: no such call in time');
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, Math.min(left, 100));
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type Route = Pick<ConnectorCall, 'kind' | 'conversationId' | 'activityId' | 'replyToId'>;

function routeOf(method: string, path: string): Route | null {
  const trimmed = path.replace(/\/+$/, '').replace(/^\/+/, '/');
  if (method === 'POST' && trimmed === '/v3/conversations') {
    return { kind: 'create', conversationId: '' };
  }
  const members = /^\/v3\/conversations\/(.+)\/members\/([^/]+)$/.exec(trimmed);
  if (method === 'GET' && members) {
    return { kind: 'member', conversationId: members[1]!, activityId: members[2]! };
  }
  const match = /^\/v3\/conversations\/(.+?)\/activities(?:\/([^/]+))?$/.exec(trimmed);
  if (!match) return null;
  const conversationId = match[1]!;
  const activityId = match[2];
  if (method === 'POST' && !activityId) return { kind: 'send', conversationId };
  if (method === 'POST' && activityId) {
    return { kind: 'reply', conversationId, replyToId: activityId };
  }
  if (method === 'PUT' && activityId) return { kind: 'update', conversationId, activityId };
  return null;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { raw: text };
  }
}

function answer(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
