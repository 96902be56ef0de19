import type { Express, Response } from 'express';
import { isUuid } from '../dialogues/core/ids.js';
import { ROUTES } from '../dialogues/core/routes.js';
import type { Database } from '../store/database.js';
import { findSummaryFile } from '../store/queries/summary-files.js';
import type { SummaryFileKind } from '../store/schema/index.js';
import type { Clock } from './clock.js';
import { svgToPng } from './rasterise.js';

const DOWNLOADS: Record<'csv' | 'md', string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};
const NOT_FOUND = (res: Response) => void res.status(404).type('text/plain').send('Not found');

/**
 * Summary pictures and exports on the one HTTP server: GET /images/summary/<token>.png (chat
 * platforms fetch these without a login, so the random token is the key) and
 * GET /exports/summary/<token>.csv|md (a download). A picture is stored as the SVG dialogues/
 * drew and rasterised here (one stored before that as PNG is sent as it is). Unknown, expired
 * or malformed tokens all get the same 404, so nothing can be learned by guessing.
 */
export function mountSummaryFiles(app: Express, deps: { db: Database; clock: Clock }): void {
  const find = (token: string, kind: SummaryFileKind) =>
    isUuid(token) ? findSummaryFile(deps.db, { token, kind, now: deps.clock.now() }) : null;
  const send = (res: Response, type: string, bytes: Buffer, download?: string) => {
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (download) res.setHeader('Content-Disposition', `attachment; filename="${download}"`);
    res.send(bytes);
  };
  app.get(ROUTES.summaryImage, async (req, res, next) => {
    try {
      const token = /^(.+)\.png$/.exec(req.params.file)?.[1] ?? '';
      const svg = await find(token, 'svg');
      if (svg) return send(res, 'image/png', svgToPng(svg.bytes.toString('utf8')));
      const png = await find(token, 'png');
      if (png) return send(res, 'image/png', png.bytes);
      NOT_FOUND(res);
    } catch (error) {
      next(error);
    }
  });
  app.get(ROUTES.summaryExport, async (req, res, next) => {
    try {
      const match = /^(.+)\.(csv|md)$/.exec(req.params.file);
      const kind = match?.[2] as 'csv' | 'md' | undefined;
      const file = match && kind ? await find(match[1]!, kind) : null;
      if (!file || !kind) return NOT_FOUND(res);
      send(res, DOWNLOADS[kind], file.bytes, file.name);
    } catch (error) {
      next(error);
    }
  });
}
