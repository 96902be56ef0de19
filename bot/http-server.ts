import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { DatabaseHandle } from '../store/database.js';
import type { Language } from '../store/schema/index.js';
import type { Channel } from './channel.js';
import { databaseProbe } from './database-probe.js';
import { drainGate } from './draining.js';
import { accessLog } from './http/access-log.js';
import { errorHandler, notFound, requestIds } from './http/http-errors.js';
import { refuseUnwantedUrl } from './http/url-guard.js';
import type { Logger } from './log.js';
import { measureRequests } from './metrics/measure-requests.js';
import type { Metrics } from './metrics/metrics.js';

export interface HttpServer {
  app: Express;
  url: string;
  server: Server;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** /healthz answers within a second even while the database does not. */
const HEALTH_PROBE_MS = 800;

/** The one HTTP server: `/healthz` plus whatever routes each channel mounts. */
export function createHttpApp(
  database: DatabaseHandle,
  channels: Channel[],
  draining: () => boolean = () => false,
  observe: { log?: Logger; metrics?: Metrics } = {},
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(drainGate(draining));
  app.use(requestIds(), refuseUnwantedUrl());
  if (observe.log) app.use(accessLog(observe.log));
  if (observe.metrics) app.use(measureRequests(observe.metrics));
  const reachable = databaseProbe(database);
  app.get('/healthz', async (_req, res) => {
    // Bounded: a load balancer must hear "down" at once, not when a connect times out.
    const db = (await reachable(HEALTH_PROBE_MS)) ? 'ok' : 'down';
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

/**
 * Last on the app, after every route: what no route serves is a 404, and every error, from
 * any route, is answered by the one error handler (errors as data, see http/http-errors.ts).
 */
export function finishHttpApp(app: Express, deps: { log: Logger; defaultLang: Language }): void {
  app.use(notFound(deps.defaultLang));
  app.use(errorHandler(deps));
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
