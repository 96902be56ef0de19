import type { Express, Response } from 'express';
import type { Database } from '../store/database.js';
import { findSummaryFile } from '../store/queries/summary-files.js';
import type { SummaryFileKind } from '../store/schema/index.js';
import type { Clock } from './clock.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CONTENT_TYPES: Record<SummaryFileKind, string> = {
  png: 'image/png',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/**
 * Summary pictures and exports on the one HTTP server: GET /images/summary/<token>.png (chat
 * platforms fetch these without a login, so the random token is the key) and
 * GET /exports/summary/<token>.csv|md (a download). Unknown, expired or malformed tokens all
 * get the same 404, so nothing can be learned by guessing.
 */
export function mountSummaryFiles(app: Express, deps: { db: Database; clock: Clock }): void {
  const serve = async (res: Response, token: string, kind: SummaryFileKind, download: boolean) => {
    const file = UUID.test(token)
      ? await findSummaryFile(deps.db, { token, kind, now: deps.clock.now() })
      : null;
    if (!file) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.setHeader('Content-Type', CONTENT_TYPES[kind]);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (download) res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
    res.send(file.bytes);
  };
  app.get('/images/summary/:file', (req, res, next) => {
    const match = /^(.+)\.png$/.exec(req.params.file);
    if (!match) return void res.status(404).type('text/plain').send('Not found');
    serve(res, match[1]!, 'png', false).catch(next);
  });
  app.get('/exports/summary/:file', (req, res, next) => {
    const match = /^(.+)\.(csv|md)$/.exec(req.params.file);
    if (!match) return void res.status(404).type('text/plain').send('Not found');
    serve(res, match[1]!, match[2] as 'csv' | 'md', true).catch(next);
  });
}
