import type { Express } from 'express';
import { ROUTES } from '../dialogues/core/routes.js';
import { loadRiskMatrixSvg } from '../dialogues/risk/matrix-svg.js';
import type { Database } from '../store/database.js';
import type { Logger } from './log.js';
import { svgToPng } from './rasterise.js';

const RISK_MATRIX_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.png$/i;

/**
 * Pictures the dialogues refer to in `image` blocks, drawn on request from the database and
 * rasterised here: `GET /images/risk-matrix/<dialogueId>.png`. Platforms fetch these themselves, so they need
 * the server's public address; the id is a random UUID, and the picture holds no descriptions.
 */
export function mountImages(app: Express, deps: { db: Database; log: Logger }): void {
  app.get(ROUTES.riskMatrix, async (req, res) => {
    const match = RISK_MATRIX_FILE.exec(req.params.file);
    if (!match) {
      res.status(404).end();
      return;
    }
    try {
      const svg = await loadRiskMatrixSvg(deps.db, match[1]!);
      if (!svg) {
        res.status(404).end();
        return;
      }
      res.type('png').set('Cache-Control', 'private, max-age=60').send(svgToPng(svg));
    } catch (error) {
      deps.log.error('risk matrix image failed', { dialogueId: match[1], error });
      res.status(500).end();
    }
  });
}
