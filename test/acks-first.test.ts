import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { acksFirst } from '../bot/http/acks-first.js';

/**
 * Acks before work (bot/http/acks-first.ts): the work of an acked Slack request waits until
 * every request that has arrived is answered, and never longer than its bound.
 */
describe('acks first', () => {
  const servers: { close(): void }[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  /** A server whose requests are answered when the test says so; `events` records the order. */
  async function serve(maxWaitMs: number) {
    const acks = acksFirst(maxWaitMs);
    const held: Array<() => void> = [];
    const events: string[] = [];
    const app = express();
    app.use('/slack/events', acks.middleware);
    app.post('/slack/events', (req, res) => {
      const id = String(req.query.id);
      events.push(`arrived ${id}`);
      held.push(() => {
        res.send('');
        events.push(`acked ${id}`);
        void acks.settled().then(() => events.push(`work ${id}`));
      });
    });
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const send = (id: number) =>
      fetch(`http://127.0.0.1:${port}/slack/events?id=${id}`, { method: 'POST' });
    return { acks, held, events, send };
  }

  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it('starts no work while a request that arrived is still waiting for its ack', async () => {
    const { held, events, send } = await serve(10_000);
    const sent = [send(1), send(2), send(3)];
    await until(() => held.length === 3);
    held[0]!();
    held[1]!();
    await Promise.all(sent.slice(0, 2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.filter((e) => e.startsWith('work'))).toEqual([]);
    held[2]!();
    await Promise.all(sent);
    await until(() => events.filter((e) => e.startsWith('work')).length === 3);
    expect(events.indexOf('acked 3')).toBeLessThan(events.indexOf('work 1'));
  });

  it('lets work go after its bound even while acks are still owed', async () => {
    const { held, events, send } = await serve(50);
    const sent = [send(1), send(2)];
    await until(() => held.length === 2);
    held[0]!();
    await until(() => events.includes('work 1'));
    expect(events).not.toContain('acked 2');
    held[1]!();
    await Promise.all(sent);
  });

  it('does not wait at all when every request is answered', async () => {
    const { acks } = await serve(10_000);
    let settled = false;
    void acks.settled().then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(true);
  });
});
