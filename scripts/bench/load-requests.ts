/**
 * The load bench's traffic: N signed `/tillit help` commands at once, then N button clicks at
 * once, each from a person of its own; the ack is the HTTP answer, the reply the first call
 * the fake Slack API saw for that person after the burst started.
 */
import { randomBytes } from 'node:crypto';
import type { FakeCall } from './fake-slack-process.js';
import { sendBlockAction, sendSlashCommand } from './support/slack-requests.js';

export const SIGNING_SECRET = 'bench-signing-secret';

export interface Sample {
  ackMs: number;
  replyMs: number | null;
}

/** Fires one burst and returns each request's ack and reply times. */
export async function burst(params: {
  url: string;
  kind: 'command' | 'click';
  users: readonly string[];
  channelId: string;
  /** The fake's origin: each request's response_url is `<origin>/response/<user>`. */
  fakeOrigin: string;
  calls: () => Promise<FakeCall[]>;
  replyTimeoutMs: number;
}): Promise<Sample[]> {
  const started = Date.now();
  const acks = await Promise.all(
    params.users.map(async (userId) => {
      const sent = Date.now();
      const response = await send(params, userId);
      if (response.status !== 200) throw new Error(`${params.kind} answered ${response.status}`);
      return { userId, sent, ackMs: Date.now() - sent };
    }),
  );
  const replies = await waitForReplies(params, started, new Set(params.users));
  return acks.map((a) => {
    const at = replies.get(a.userId);
    return { ackMs: a.ackMs, replyMs: at === undefined ? null : at - a.sent };
  });
}

function send(
  params: { url: string; kind: string; channelId: string; fakeOrigin: string },
  userId: string,
) {
  // A response_url that works, as Slack's does: Tillit may answer through it.
  const responseUrl = `${params.fakeOrigin}/response/${userId}`;
  if (params.kind === 'command') {
    return sendSlashCommand(params.url, SIGNING_SECRET, {
      userId,
      channelId: params.channelId,
      text: 'help',
      responseUrl,
    });
  }
  return sendBlockAction(params.url, SIGNING_SECRET, {
    userId,
    channelId: params.channelId,
    responseUrl,
    actionId: 'follow-up.show-all::0',
    value: '',
    triggerId: `${Date.now()}.${randomBytes(4).toString('hex')}`,
  });
}

/**
 * The first Slack call for each user since the burst started (polled over IPC): a Web API call
 * naming the user, or a POST to the user's response_url.
 */
async function waitForReplies(
  params: { calls: () => Promise<FakeCall[]>; replyTimeoutMs: number },
  since: number,
  users: Set<string>,
): Promise<Map<string, number>> {
  const deadline = Date.now() + params.replyTimeoutMs;
  const found = new Map<string, number>();
  while (Date.now() < deadline) {
    for (const call of await params.calls()) {
      const user = call.user ?? call.responseId;
      if (call.at < since || !user || !users.has(user)) continue;
      const known = found.get(user);
      if (known === undefined || call.at < known) found.set(user, call.at);
    }
    if (found.size === users.size) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return found;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
