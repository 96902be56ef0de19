import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { texts } from '../../dialogues/texts/catalogue.js';
import type { Language } from '../../store/schema/index.js';
import type { Logger } from '../log.js';
import { requestScope } from '../request-scope.js';

/** The reasons an endpoint gives, each with its words in the catalogue (texts.http). */
export type HttpReason =
  | 'badJson'
  | 'badRequest'
  | 'badText'
  | 'tooLarge'
  | 'unsupportedType'
  | 'notFound'
  | 'methodNotAllowed'
  | 'unauthorized'
  | 'forbidden'
  | 'serverError'
  | 'unavailable';

/** An error a route may throw (or pass to next) to answer with this status and reason. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: HttpReason,
    /** A short, fixed description for the client (never echoes the input). */
    readonly detail?: string,
  ) {
    super(reason);
    this.name = 'HttpError';
  }
}

/**
 * Gives every request an id (X-Request-Id, and in every log line written while it is handled),
 * so a person who reports "it said error" can be matched to the log without anything they wrote.
 */
export function requestIds(): RequestHandler {
  return (_req, res, next) => {
    const id = randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    requestScope.run({ requestId: id, startedAt: performance.now() }, next);
  };
}

/**
 * The answer for an error: JSON `{error, message, requestId}` for API callers, plain text for
 * a browser, in the person's language when a route knows them (res.locals.lang), else the
 * one their client asks for, else the default. Never a stack, SQL, a path or the input.
 */
export function sendError(
  req: Request,
  res: Response,
  status: number,
  reason: HttpReason,
  defaultLang: Language,
  detail?: string,
): void {
  if (res.headersSent) return;
  const lang = languageFor(req, res, defaultLang);
  const message = texts(lang).http[reason];
  const requestId = String(res.locals.requestId ?? '');
  res.status(status);
  if (wantsJson(req)) {
    res.json({ error: reason, message, ...(detail ? { detail } : {}), requestId });
  } else {
    res.type('text/plain; charset=utf-8').send(`${message} (${requestId})\n`);
  }
}

/** Routes nobody serves: 404 (or 405 for a known path with another method), as data. */
export function notFound(defaultLang: Language): RequestHandler {
  return (req, res) => sendError(req, res, 404, 'notFound', defaultLang);
}

/** The one error handler, last on the app: classifies, logs by request id, answers as data. */
export function errorHandler(deps: { log: Logger; defaultLang: Language }): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { status, reason, detail } = classify(error);
    const fields = {
      requestId: res.locals.requestId,
      method: req.method,
      path: req.path.length > 200 ? `${req.path.slice(0, 200)}…` : req.path,
      status,
      error,
    };
    if (status >= 500) deps.log.error('request failed', fields);
    else deps.log.info('request refused', { ...fields, error: reason });
    sendError(req, res, status, reason, deps.defaultLang, detail);
  };
}

function classify(error: unknown): { status: number; reason: HttpReason; detail?: string } {
  if (error instanceof HttpError) return error;
  const e = error as { type?: unknown; status?: unknown; statusCode?: unknown; name?: unknown };
  // body-parser's errors say what was wrong with the body.
  switch (e?.type) {
    case 'entity.parse.failed':
      return { status: 400, reason: 'badJson' };
    case 'entity.too.large':
      return { status: 413, reason: 'tooLarge' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, reason: 'unsupportedType' };
  }
  const status = Number(e?.status ?? e?.statusCode);
  if (status >= 400 && status < 500) return { status, reason: reasonFor(status) };
  if (e?.name === 'ZodError') return { status: 400, reason: 'badRequest' };
  if (isConnectionFailure(error)) return { status: 503, reason: 'unavailable' };
  return { status: 500, reason: 'serverError' };
}

function reasonFor(status: number): HttpReason {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 405) return 'methodNotAllowed';
  if (status === 413) return 'tooLarge';
  if (status === 415) return 'unsupportedType';
  return 'badRequest';
}

/** The database (or its network) is away: 503, so a load balancer or platform tries again. */
export function isConnectionFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    // SQLSTATE class 08 (connection exception) and 57P0x (the server shutting down).
    if (typeof code === 'string' && /^(08\w{3}|57P0\d)$/.test(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

function languageFor(req: Request, res: Response, defaultLang: Language): Language {
  const known = res.locals.lang;
  if (known === 'sv' || known === 'en') return known;
  const asked = (req.headers['accept-language'] ?? '').toLowerCase();
  const first = /^\s*([a-z]{2})/.exec(asked)?.[1];
  return first === 'en' || first === 'sv' ? first : defaultLang;
}

/** API callers get JSON; a browser asking for a page gets plain text. */
function wantsJson(req: Request): boolean {
  if (/^\/(local|api|slack|healthz)(\/|$)/.test(req.path)) return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('json') || !accept.includes('text/html');
}
