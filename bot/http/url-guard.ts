import type { RequestHandler } from 'express';
import { hasUnwanted } from './clean-text.js';
import { HttpError } from './http-errors.js';

/**
 * Refuses a request whose path or query holds control characters (%00 and the like) or does
 * not decode at all: no route has a use for them, and a NUL would otherwise travel into a
 * database lookup. One check for every route, before any of them runs.
 */
export function refuseUnwantedUrl(): RequestHandler {
  return (req, _res, next) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.originalUrl.replace(/\+/g, ' '));
    } catch {
      return next(new HttpError(400, 'badRequest', 'the address does not decode'));
    }
    if (hasUnwanted(decoded)) {
      return next(new HttpError(400, 'badText', 'the address holds control characters'));
    }
    next();
  };
}
