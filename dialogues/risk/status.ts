import { listRiskDialoguesOfUnits } from '../../store/queries/risk-dialogues.js';
import { listEscalationFates, listPendingRisks } from '../../store/queries/risk-items.js';
import { listRiskSeasons } from '../../store/queries/risk-seasons.js';
import { getUnit, listSubtree, type Unit } from '../../store/queries/units.js';
import { may, outermostUnitWith } from '../core/access.js';
import type { CommandRequest } from '../core/feature.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { localDate, toLocalTime } from '../dialogue/local-time.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Block } from '../view.js';
import { type RiskPhase, riskPhases } from './risk-kind.js';
import { monthsText, seasonOf } from './season.js';

const LISTED_UNITS = 40;
const LISTED_RISKS = 20;

/**
 * `/tillit risk status [year]`: the cascade across the unit's subtree for a manager or leader:
 * which units have held their risk dialogue, which are running, which escalations wait, and
 * what became of the risks escalated from here. In a direct message: the person's own unit.
 */
export async function showRiskStatus(request: CommandRequest, args: string[]): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const unit = request.unit ?? (await ownUnit(request));
  if (!unit) return say(t.common.unlinkedChannel);
  if (!(await may(ctx.db, actor, 'view-summary', unit.id))) {
    return say(t.common.notAllowed({ what: t.risk.what.status }));
  }
  const given = args[0];
  if (given && !isYear(given)) return say(t.risk.status.badYear({ got: given }));
  const year = given ? Number(given) : toLocalTime(ctx.now, unit.timezone).year;
  const tree = await listSubtree(ctx.db, { unitId: unit.id });
  const unitIds = tree.map((u) => u.id);
  const [held, seasons, pending, fates] = await Promise.all([
    listRiskDialoguesOfUnits(ctx.db, { unitIds, year }),
    listRiskSeasons(ctx.db),
    listPendingRisks(ctx.db, { unitIds }),
    listEscalationFates(ctx.db, { unitIds, period: year }),
  ]);
  const own = new Map(seasons.map((s) => [s.unitId, s]));
  const names = new Map(tree.map((u) => [u.id, u.name]));
  const unitLines = tree.slice(0, LISTED_UNITS).map((u) => {
    const mine = held.filter((h) => h.unitId === u.id);
    const closed = mine.find((h) => h.closedAt);
    const running = mine.find((h) => !h.closedAt);
    const state = closed?.closedAt
      ? t.risk.status.held({
          date: formatIsoDate(localDate(closed.closedAt, unit.timezone), actor.lang),
        })
      : running
        ? t.risk.status.running({ phase: t.risk.phases[phaseOf(running.phase)] })
        : t.risk.status.notHeld;
    const season = t.risk.status.season({
      months: monthsText(t, seasonOf(u.level, own.get(u.id))),
    });
    return `${'› '.repeat(u.depth)}*${u.name}* (${t.risk.levelNames[u.level]}) — ${state} · ${season}`;
  });
  const waiting = pending.filter((r) => r.sourceKind === 'escalation');
  const blocks: Block[] = [
    { type: 'header', text: t.risk.status.title({ unit: unit.name, year }) },
    { type: 'list', items: unitLines.map((text) => ({ text })) },
  ];
  if (tree.length > LISTED_UNITS) {
    blocks.push({
      type: 'context',
      text: t.risk.status.more({ count: tree.length - LISTED_UNITS }),
    });
  }
  blocks.push({ type: 'text', text: `*${t.risk.status.waitingTitle}*` });
  blocks.push(
    waiting.length
      ? {
          type: 'list',
          items: waiting.slice(0, LISTED_RISKS).map((r) => ({
            text: t.risk.status.waitingLine({
              unit: names.get(r.unitId) ?? '',
              risk: r.description,
              from: r.fromUnitName ?? '',
            }),
          })),
        }
      : { type: 'context', text: t.risk.status.noneWaiting },
  );
  if (fates.length > 0) {
    blocks.push({ type: 'text', text: `*${t.risk.status.fatesTitle}*` });
    blocks.push({
      type: 'list',
      items: fates.slice(0, LISTED_RISKS).map((f) => ({
        text: t.risk.status.fateLine({
          risk: f.description,
          to: f.toUnitName,
          outcome: fateText(t, f),
        }),
      })),
    });
  }
  return privately({ summary: t.risk.status.title({ unit: unit.name, year }), blocks });
}

function fateText(
  t: Catalogue,
  fate: {
    status: string;
    handling: keyof Catalogue['risk']['handlings'] | null;
    furtherUnitName: string | null;
  },
): string {
  if (fate.status === 'pending') return t.risk.status.waiting;
  if (fate.status === 'open' || !fate.handling) return t.risk.status.inDialogue;
  if (fate.handling === 'escalate' && fate.furtherUnitName) {
    return t.risk.outcomeNotice.escalatedFurther({ unit: fate.furtherUnitName });
  }
  return t.risk.outcomes[fate.handling];
}

/** Years outside 2000–2100 are typos, as the summary's periods treat them. */
const isYear = (text: string) =>
  /^\d{4}$/.test(text) && Number(text) >= 2000 && Number(text) <= 2100;

const phaseOf = (phase: string): RiskPhase => riskPhases.find((p) => p === phase) ?? 'identify';

/** In a direct message: the outermost unit whose risk status the person may see. */
async function ownUnit(request: CommandRequest): Promise<Unit | null> {
  const unitId = await outermostUnitWith(request.ctx.db, request.actor, 'view-summary');
  return unitId ? getUnit(request.ctx.db, { unitId }) : null;
}
