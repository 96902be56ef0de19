/**
 * The fake Slack Web API in a process of its own for the outbox and load benches, so answering
 * it does not take CPU from what is measured. Env: PER_SECOND (the workspace limit it enforces
 * with 429s). Prints `url <base url>`; answers `{ type: 'stats' }` and `{ type: 'calls' }` over IPC.
 */

import { startFakeSlackApi } from './support/fake-slack-api.js';
import { outboxKeyOf } from './support/outbox-fixtures.js';

export interface FakeStats {
  posted: number;
  distinctKeys: number;
  rateLimited: number;
  firstPostAt: number | null;
  lastPostAt: number | null;
}

const api = await startFakeSlackApi();
api.setRateLimit({ perSecond: Number(process.env.PER_SECOND ?? 1_000) });
/** One recorded call, as the load bench matches replies to requests. */
export interface FakeCall {
  method: string;
  user: string | null;
  responseId: string | null;
  at: number;
}

process.on('message', (message: { type?: string }) => {
  if (message.type === 'calls') {
    const calls: FakeCall[] = api.calls.map((c) => ({
      method: c.method,
      user: typeof c.args.user === 'string' ? c.args.user : null,
      responseId: c.responseId ?? null,
      at: c.at,
    }));
    process.send?.(calls);
    return;
  }
  if (message.type !== 'stats') return;
  const posts = api.callsOf('chat.postMessage');
  const stats: FakeStats = {
    posted: posts.length,
    distinctKeys: new Set(posts.map((c) => outboxKeyOf(c.args))).size,
    rateLimited: api.rateLimited,
    firstPostAt: posts[0]?.at ?? null,
    lastPostAt: posts.at(-1)?.at ?? null,
  };
  process.send?.(stats);
});
process.once('disconnect', () => {
  void api.close().then(() => process.exit(0));
});
process.stdout.write(`url ${api.url}\n`);
