import express, { type RequestHandler } from 'express';
import { cleanInPlace } from './clean-text.js';

/**
 * The JSON body parser of every route that takes JSON (Teams, the local page): strict JSON
 * (an object or array), a size limit per route, and text cleaned of control characters before
 * any handler sees it. Bad JSON and a body over the limit go to the error handler as 400/413.
 */
export function jsonBody(limit: string): RequestHandler[] {
  return [
    express.json({ limit, strict: true }),
    (req, _res, next) => {
      cleanInPlace(req.body);
      next();
    },
  ];
}
