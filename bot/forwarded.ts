import type { IncomingHttpHeaders } from 'node:http';

/** Headers a reverse proxy adds to what it forwards. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/**
 * Whether a request came through a proxy. A proxy on this host connects from loopback, so a
 * loopback socket alone does not mean the person is on this machine. The headers prove
 * nothing about where a request came from, only that something says it came from elsewhere,
 * which is enough to refuse what only this machine may use.
 */
export const cameThroughProxy = (headers: IncomingHttpHeaders): boolean =>
  PROXY_HEADERS.some((name) => headers[name] !== undefined);
