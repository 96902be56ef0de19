import type { Database } from '../../store/database.js';
import { getDialogue } from '../../store/queries/dialogues.js';
import { isUuid } from '../core/ids.js';
import { texts } from '../texts/catalogue.js';
import { riskMatrixSvg } from './matrix-image.js';
import { loadRiskBoard } from './risk-board.js';
import { riskMatrix } from './risk-matrix.js';
import { legend } from './risk-view.js';

/**
 * The matrix of a risk dialogue as it is now, as SVG (bot/ rasterises it), in the dialogue's
 * language; null for anything that is not a risk dialogue. It shows the unit, the year and risk
 * numbers only (no descriptions), so the picture says nothing the channel message does not.
 */
export async function loadRiskMatrixSvg(db: Database, dialogueId: string): Promise<string | null> {
  const dialogue = isUuid(dialogueId) ? await getDialogue(db, { dialogueId }) : null;
  if (dialogue?.kind !== 'risk') return null;
  // The matrix places agreed assessments only, never estimates: no threshold can matter, so
  // the board is loaded disclosing none.
  const board = await loadRiskBoard(db, dialogue, { threshold: Number.POSITIVE_INFINITY });
  const t = texts(dialogue.lang);
  return riskMatrixSvg(riskMatrix(board, t), legend(t, board.levels));
}
