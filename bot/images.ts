import type { Express } from 'express';
import { loadRiskMatrixPng } from '../dialogues/risk/matrix-png.js';
import type { Database } from '../store/database.js';
import type { Logger } from './log.js';

const RISK_MATRIX_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.png$/i;

/**
 * Pictures the dialogues refer to in `image` blocks, drawn on request from the database:
 * `GET /images/risk-matrix/<dialogueId>.png`. Platforms fetch these themselves, so they need
 * the server's public address; the id is a random UUID, and the picture holds no descriptions.
 */
export function mountImages(app: Express, deps: { db: Database; log: Logger }): void {
  app.get('/images/risk-matrix/:file', async (req, res) => {
    const match = RISK_MATRIX_FILE.exec(req.params.file);
    if (!match) {
      res.status(404).end();
      return;
    }
    try {
      const png = await loadRiskMatrixPng(deps.db, match[1]!);
      if (!png) {
        res.status(404).end();
        return;
      }
      res.type('png').set('Cache-Control', 'private, max-age=60').send(png);
    } catch (error) {
      deps.log.error('risk matrix image failed', { dialogueId: match[1], error });
      res.status(500).end();
    }
  });
}
