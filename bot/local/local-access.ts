import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { texts } from '../../dialogues/texts/catalogue.js';
import type { Language } from '../../store/schema/index.js';
import type { LocalAccess } from '../config.js';
import { cameThroughProxy } from '../forwarded.js';
import type { Logger } from '../log.js';
import { createLocalSessions, readCookie, SESSION_COOKIE, SESSION_HOURS } from './local-session.js';
import { renderLoginPage } from './login-page.js';

/** The header the page sends its CSRF token in, on every request that changes something. */
export const CSRF_HEADER = 'x-tillit-csrf';
export const LOGIN_PATH = '/local/login';

export interface LocalGuard {
  /** Runs before every route of the local channel (page, scripts, API). */
  check: (req: Request, res: Response, next: NextFunction) => void;
  /** The login page and its form, mounted beside the guarded routes (token access only). */
  login: Router | null;
  /** The CSRF token to give the page of this request ('' on loopback, where none is needed). */
  csrfFor(req: Request): string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Who may use the local channel, which has no identities of its own (the page lets you be
 * anyone). On loopback: only requests addressed to this machine by name and port (a site that
 * points its own name at 127.0.0.1, DNS rebinding, is refused), none through a proxy, and none
 * sent by another site's page (Origin). Elsewhere: only after a login with LOCAL_CHANNEL_TOKEN,
 * with an HttpOnly, SameSite=Strict session cookie and a CSRF token on every change.
 */
export function localGuard(deps: { access: LocalAccess; lang: Language; log: Logger }): LocalGuard {
  if (deps.access.kind === 'loopback') {
    return {
      check: (req, res, next) => {
        const refusal = loopbackRefusal(req);
        if (!refusal) return next();
        res.status(403).json({ error: refusal });
      },
      login: null,
      csrfFor: () => '',
    };
  }
  const sessions = createLocalSessions(deps.access.token);
  // Sessions follow the real time, never Tillit's clock: time travel must not log anyone out.
  const cookieOf = (req: Request) => readCookie(req.headers.cookie, SESSION_COOKIE);
  const login = express.Router();
  login.get(LOGIN_PATH, (_req, res) => sendLogin(res, deps.lang, 200));
  const failures = failureWindow(LOGIN_FAILURES_PER_MINUTE);
  login.post(LOGIN_PATH, express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    if (crossSite(req)) return void res.status(403).json({ error: 'cross_site_request' });
    if (failures.full(Date.now())) {
      return void res.status(429).set('retry-after', '60').json({ error: 'too_many_attempts' });
    }
    const token: unknown = req.body?.token;
    if (typeof token !== 'string' || !sessions.tokenMatches(token)) {
      failures.add(Date.now());
      deps.log.warn('local channel login refused');
      return sendLogin(res, deps.lang, 401, true);
    }
    const secure = req.secure ? '; Secure' : '';
    res.set(
      'set-cookie',
      `${SESSION_COOKIE}=${sessions.create(new Date())}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secure}`,
    );
    res.redirect(303, '/');
  });
  return {
    check: (req, res, next) => {
      if (!sessions.verify(cookieOf(req), new Date())) {
        const page = req.method === 'GET' && req.originalUrl.split('?')[0] === '/';
        if (page) return res.redirect(303, LOGIN_PATH);
        return void res.status(401).json({ error: 'login_required' });
      }
      if (SAFE_METHODS.has(req.method)) return next();
      const csrf = req.get(CSRF_HEADER);
      if (crossSite(req) || !sessions.csrfMatches(cookieOf(req), csrf, new Date())) {
        return void res.status(403).json({ error: 'csrf_token_missing_or_wrong' });
      }
      next();
    },
    login,
    csrfFor: (req) => sessions.verify(cookieOf(req), new Date()) ?? '',
  };
}

/** Wrong tokens allowed a minute, from everyone together, before the login rests a minute. */
const LOGIN_FAILURES_PER_MINUTE = 10;

/** Guessing the token is made slow for everyone at once; a person who mistyped waits a minute. */
function failureWindow(max: number) {
  let times: number[] = [];
  return {
    add(now: number) {
      times.push(now);
    },
    full(now: number) {
      times = times.filter((t) => now - t < 60_000);
      return times.length >= max;
    },
  };
}

function loopbackRefusal(req: Request): string | null {
  if (!addressedToLoopback(req)) return 'host_not_allowed';
  if (cameThroughProxy(req.headers)) return 'proxied_not_allowed';
  if (!SAFE_METHODS.has(req.method) && crossSite(req)) return 'cross_site_request';
  return null;
}

/** The Host header names loopback and the port this connection came in on. */
function addressedToLoopback(req: Request): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  const match = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/.exec(host);
  if (!match || !LOOPBACK_NAMES.has(match[1]!)) return false;
  const port = match[2] ? Number(match[2]) : 80;
  return port === req.socket.localPort;
}

/** A browser names the page a request was sent from; another site's page is refused. */
function crossSite(req: Request): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host.toLowerCase() !== (req.headers.host ?? '').toLowerCase();
  } catch {
    return true;
  }
}

function sendLogin(res: Response, lang: Language, status: number, failed = false): void {
  res
    .status(status)
    .type('html')
    .set('cache-control', 'no-store')
    .send(renderLoginPage(texts(lang).local, lang, failed));
}
