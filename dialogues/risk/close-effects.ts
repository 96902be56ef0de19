import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import { getDialogue } from '../../store/queries/dialogues.js';
import { enqueueOutbox, enqueueOutboxMany } from '../../store/queries/outbox.js';
import { findOpenRiskDialogue, saveRiskSummary } from '../../store/queries/risk-dialogues.js';
import {
  closeRisksOfDialogue,
  createEscalatedRisk,
  getRisk,
} from '../../store/queries/risk-items.js';
import { insertSelfCheck } from '../../store/queries/self-checks.js';
import type { Language } from '../../store/schema/index.js';
import { nearestManagers } from '../core/nearest-managers.js';
import { movePhase } from '../dialogue/phases.js';
import { createActionAndTellOwner } from '../follow-up/new-action.js';
import { tellResponsible } from '../follow-up/tell-owner.js';
import { type BoardRisk, loadRiskBoard, type RiskBoard } from './risk-board.js';
import { riskKind } from './risk-kind.js';
import { escalatedNoticeView, outcomeNoticeView } from './risk-notices.js';
import { storedSummary } from './risk-summary.js';

export interface ClosedRiskDialogue {
  dialogue: Dialogue;
  /** Running dialogues of the parent unit that escalated risks joined: their messages change. */
  joined: Dialogue[];
}

/**
 * Closes the dialogue and carries out its decisions in the same transaction: actions and
 * self-checks are created, escalated risks are carried up (into the parent's running dialogue
 * of the year, or pending for its next one) with a notice to the parent's managers, and the
 * units that escalated risks here hear what became of them. Null when someone closed it first.
 */
export async function closeRiskDialogue(
  db: Database,
  params: {
    dialogue: Dialogue;
    now: Date;
    closedBy: string;
    defaultLang: Language;
    threshold: number;
  },
): Promise<ClosedRiskDialogue | null> {
  return db.transaction(async (tx) => {
    const closed = await movePhase(tx, riskKind, params.dialogue, 'closed', params.now);
    if (!closed) return null;
    const board = await loadRiskBoard(tx, closed, { threshold: params.threshold });
    const joined: Dialogue[] = [];
    for (const risk of board.risks) {
      const joinedDialogue = await carryOut(tx, board, risk, params);
      if (joinedDialogue) joined.push(joinedDialogue);
      if (risk.escalatedFromId && risk.handling) await tellOrigin(tx, board, risk, params.now);
    }
    await closeRisksOfDialogue(tx, { dialogueId: closed.id });
    await saveRiskSummary(tx, { dialogueId: closed.id, summary: storedSummary(board) });
    return { dialogue: closed, joined };
  });
}

async function carryOut(
  tx: Database,
  board: RiskBoard,
  risk: BoardRisk,
  params: { now: Date; closedBy: string; defaultLang: Language },
): Promise<Dialogue | null> {
  const decidedBy = risk.decidedBy ?? params.closedBy;
  const source = { sourceDialogueId: board.dialogue.id, now: params.now };
  switch (risk.handling) {
    case 'action': {
      const a = risk.decision?.action;
      if (a) {
        await createActionAndTellOwner(tx, {
          unitId: risk.unitId,
          text: a.text,
          ownerId: a.ownerId,
          dueDate: a.dueDate,
          sourceKind: 'risk',
          sourceItemId: risk.id,
          createdBy: decidedBy,
          defaultLang: params.defaultLang,
          ...source,
        });
      }
      return null;
    }
    case 'self-check': {
      const s = risk.decision?.selfCheck;
      if (s) {
        const check = await insertSelfCheck(tx, {
          unitId: risk.unitId,
          text: s.what,
          responsibleId: s.byId,
          cadence: s.cadence,
          startsOn: s.startsOn,
          sourceRiskId: risk.id,
          createdBy: decidedBy,
          ...source,
        });
        await tellResponsible(tx, { check, defaultLang: params.defaultLang, now: params.now });
      }
      return null;
    }
    case 'escalate':
      return escalate(tx, board, risk, params);
    case 'accept':
    case null:
      return null;
    default:
      return risk.handling satisfies never;
  }
}

async function escalate(
  tx: Database,
  board: RiskBoard,
  risk: BoardRisk,
  params: { now: Date; defaultLang: Language },
): Promise<Dialogue | null> {
  if (!board.parent) return null;
  const running = await findOpenRiskDialogue(tx, {
    unitId: board.parent.id,
    year: board.year,
    phases: ['identify', 'assess'],
  });
  const carried = await createEscalatedRisk(tx, {
    from: risk,
    parentUnitId: board.parent.id,
    period: board.year,
    dialogueId: running?.dialogueId ?? null,
    now: params.now,
  });
  if (!carried) return null;
  const responsible = await nearestManagers(tx, board.parent.id);
  const value = risk.rated ? `${risk.probability}×${risk.consequence} = ${risk.rated.value}` : '–';
  await enqueueOutboxMany(
    tx,
    responsible.people.map((m) => ({
      key: `risk-escalated:${carried.id}:${m.personId}`,
      target: { kind: 'person' as const, personId: m.personId },
      notBefore: params.now,
      view: escalatedNoticeView(m.lang ?? params.defaultLang, {
        from: board.unitName,
        to: board.parent!.name,
        risk: risk.description,
        motivation: risk.decision?.motivation ?? '',
        value,
        joined: running !== null,
        standIn: responsible.via === 'stand-in',
      }),
    })),
  );
  return running ? getDialogue(tx, { dialogueId: running.dialogueId }) : null;
}

/**
 * Every unit the risk passed through on its way here hears what this unit decided, in the
 * channel of the dialogue that sent it on: the unit just below, and the ones below that, so a
 * section that escalated hears the final decision at the department too, not only that it
 * went further.
 */
async function tellOrigin(
  tx: Database,
  board: RiskBoard,
  risk: BoardRisk,
  now: Date,
): Promise<void> {
  if (!risk.handling) return;
  let fromId = risk.escalatedFromId;
  const seen = new Set<string>();
  while (fromId && !seen.has(fromId)) {
    seen.add(fromId);
    const origin = await getRisk(tx, { riskId: fromId });
    if (!origin) return;
    const originDialogue = origin.dialogueId
      ? await getDialogue(tx, { dialogueId: origin.dialogueId })
      : null;
    if (originDialogue) {
      await enqueueOutbox(tx, {
        key: `risk-escalation-outcome:${risk.id}:${origin.id}`,
        notBefore: now,
        target: {
          kind: 'channel',
          platform: originDialogue.platform,
          workspace: originDialogue.workspace,
          channelId: originDialogue.channelId,
        },
        view: outcomeNoticeView(originDialogue.lang, {
          risk: risk.description,
          unit: board.unitName,
          handling: risk.handling,
          furtherTo: board.parent?.name ?? null,
        }),
      });
    }
    fromId = origin.escalatedFromId;
  }
}
