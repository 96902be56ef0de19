import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /**
   * The database "goes away": open connections are cut, and new ones are accepted but never
   * answered (the worst case for a client: no refusal, just silence).
   */
  cut(): void;
  /** Back again: the silent connections are dropped so clients reconnect, and traffic flows. */
  restore(): void;
  close(): Promise<void>;
}

/** A TCP proxy on loopback in front of `target`, which a test can cut and restore. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let down = false;
  const open = new Set<Socket>();
  const silent = new Set<Socket>();
  const server = createServer((client) => {
    client.on('error', () => {});
    if (down) {
      silent.add(client);
      client.on('close', () => silent.delete(client));
      return;
    }
    const upstream = createConnection(target);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      down = false;
      for (const socket of silent) socket.destroy();
    },
    async close() {
      for (const socket of [...open, ...silent]) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
