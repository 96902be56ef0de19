import type { RequestHandler } from 'express';
import type { Logger } from '../log.js';

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One line per request when its answer is sent: method, the first segment of the path only
 * (the rest may be an image's or an export's secret token), status and milliseconds, under
 * the request's id. The answer is sent outside the request's async context, so the id is
 * given here rather than by the log's mixin. Probes (/healthz, /readyz, /metrics), polled every
 * few seconds, are logged at debug only.
 */
export function accessLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const probe = PROBES.has(req.path);
    res.once('finish', () => {
      (probe ? log.debug : log.info)('request', {
        requestId: res.locals.requestId,
        method: req.method,
        route: /^\/[\w-]{0,40}/.exec(req.path)?.[0] ?? '/',
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    next();
  };
}
