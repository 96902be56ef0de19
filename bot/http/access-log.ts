import type { RequestHandler } from 'express';
import type { Logger } from '../log.js';

/**
 * One line per request when its answer is sent: method, the first segment of the path only
 * (the rest may be an image's or an export's secret token), status and milliseconds, under
 * the request's id. The answer is sent outside the request's async context, so the id is
 * given here rather than by the log's mixin.
 */
export function accessLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      log.info('request', {
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
