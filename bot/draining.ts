import type { RequestHandler } from 'express';

/**
 * Shutting down (SIGTERM, SIGINT): from the signal on, /healthz and /readyz answer 503 so a load
 * balancer stops sending here, and every other answer asks the client to close its
 * connection, so keep-alive connections end with the request in flight rather than hold the
 * server open. Requests already under way finish as usual.
 */
export function drainGate(draining: () => boolean): RequestHandler {
  return (req, res, next) => {
    if (!draining()) return next();
    res.set('connection', 'close');
    if (req.path === '/healthz' || req.path === '/readyz') {
      res.status(503).json({ status: 'draining' });
      return;
    }
    next();
  };
}
