import type { RequestHandler } from 'express';
import { cameThroughProxy } from '../forwarded.js';

/**
 * Whether a socket's remote address is this machine's loopback (127.0.0.0/8, ::1, or an
 * IPv4-mapped 127.x). Only the socket counts: headers such as X-Forwarded-For are written
 * by whoever sends the request and prove nothing.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  if (plain === '::1' || plain === '0:0:0:0:0:0:0:1') return true;
  return /^127(\.\d{1,3}){3}$/.test(plain);
}

/**
 * Emulator mode (TEAMS_EMULATOR=on, no Microsoft app id): nobody's requests are authenticated,
 * so only requests from this machine (the Bot Framework Emulator, tests) are let in; others
 * get 403. Behind a proxy on this host every request comes from loopback, which is why the
 * mode must be asked for and the activity's serviceUrl must be loopback too (service-url.ts).
 */
export function loopbackOnly(onRefused: (address: string | undefined) => void): RequestHandler {
  return (req, res, next) => {
    const address = req.socket.remoteAddress;
    if (isLoopbackAddress(address) && !cameThroughProxy(req.headers)) return next();
    onRefused(address);
    res.status(403).json({
      error: 'forbidden',
      message:
        'Teams is in emulator mode (TEAMS_EMULATOR=on): only requests from this machine are accepted',
    });
  };
}
