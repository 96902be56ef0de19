import type { Express } from 'express';
import { isUuid } from '../dialogues/core/ids.js';
import { ROUTES } from '../dialogues/core/routes.js';
import { loadRiskMatrixSvg } from '../dialogues/risk/matrix-svg.js';
import type { Database } from '../store/database.js';
import type { Logger } from './log.js';
import { svgToPng } from './rasterise.js';

/**
 * Pictures the dialogues refer to in `image` blocks, drawn on request from the database and
 * rasterised here: `GET /images/risk-matrix/<dialogueId>.png`. Platforms fetch these themselves, so they need
 * the server's public address; the id is a random UUID, and the picture holds no descriptions.
 */
export function mountImages(app: Express, deps: { db: Database; log: Logger }): void {
  app.get(ROUTES.riskMatrix, async (req, res) => {
    const dialogueId = req.params.file.replace(/\.png$/i, '');
    if (dialogueId === req.params.file || !isUuid(dialogueId)) {
      res.status(404).end();
      return;
    }
    try {
      const svg = await loadRiskMatrixSvg(deps.db, dialogueId);
      if (!svg) {
        res.status(404).end();
        return;
      }
      res.type('png').set('Cache-Control', 'private, max-age=60').send(svgToPng(svg));
    } catch (error) {
      deps.log.error('risk matrix image failed', { dialogueId, error });
      res.status(500).end();
    }
  });
}
