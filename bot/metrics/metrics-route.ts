import { timingSafeEqual } from 'node:crypto';
import type { Express, Request } from 'express';
import { isLoopbackHost } from '../config.js';
import { cameThroughProxy } from '../forwarded.js';
import { HttpError } from '../http/http-errors.js';
import type { Logger } from '../log.js';
import { isLoopbackAddress } from '../teams/loopback-guard.js';
import type { Metrics } from './metrics.js';

/**
 * GET /metrics (Prometheus). It tells how busy Tillit is and how its queue stands, so it is
 * this machine's alone, as the local page is: on a loopback HOST, from a loopback socket with
 * no proxy headers and a Host header naming loopback (a web page elsewhere cannot read it by
 * DNS rebinding). With METRICS_TOKEN, from anywhere with `Authorization: Bearer <token>`
 * instead. On another HOST without a token it is not served at all.
 */
export function mountMetrics(
  app: Express,
  deps: { metrics: Metrics; host: string; token: string | undefined; log: Logger },
): void {
  if (!deps.token && !isLoopbackHost(deps.host)) {
    deps.log.warn(
      `metrics off: HOST=${deps.host} is not loopback and METRICS_TOKEN is not set (set METRICS_TOKEN to scrape /metrics with a bearer token)`,
    );
    return;
  }
  const allowed = deps.token ? bearer(deps.token) : onThisMachine;
  app.get('/metrics', async (req, res) => {
    if (!allowed(req))
      throw new HttpError(deps.token ? 401 : 403, deps.token ? 'unauthorized' : 'forbidden');
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}

function bearer(token: string): (req: Request) => boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  return (req) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}

const LOOPBACK_HOST_HEADER = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

function onThisMachine(req: Request): boolean {
  return (
    isLoopbackAddress(req.socket.remoteAddress) &&
    !cameThroughProxy(req.headers) &&
    LOOPBACK_HOST_HEADER.test(req.headers.host ?? '')
  );
}
