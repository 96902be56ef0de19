import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { DatabaseHandle } from '../store/database.js';
import type { Channel } from './channel.js';
import { drainGate } from './draining.js';

export interface HttpServer {
  app: Express;
  url: string;
  server: Server;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** The one HTTP server: `/healthz` plus whatever routes each channel mounts. */
export function createHttpApp(
  database: DatabaseHandle,
  channels: Channel[],
  draining: () => boolean = () => false,
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(drainGate(draining));
  app.get('/healthz', async (_req, res) => {
    const db = await database.ping().then(
      () => 'ok',
      () => 'down',
    );
    res.status(db === 'ok' ? 200 : 503).json({
      status: db === 'ok' ? 'ok' : 'degraded',
      db,
      database: database.kind,
      channels: Object.fromEntries(channels.map((c) => [c.name, c.mode])),
    });
  });
  for (const channel of channels) channel.mount(app);
  return app;
}

export async function listen(app: Express, port: number, host: string): Promise<HttpServer> {
  const server = app.listen(port, host);
  await once(server, 'listening');
  const { port: actualPort } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    app,
    server,
    url: `http://${shownHost}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
