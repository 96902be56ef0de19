import { listAuditLog } from '../../store/queries/audit-log.js';
import { findUnitByKey, listSubtree } from '../../store/queries/units.js';
import { isAdmin, may } from '../core/access.js';
import type { CommandRequest } from '../core/feature.js';
import { unknownUnitText } from '../core/find-unit.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import { type Block, view } from '../view.js';
import { auditSentence, auditWhen } from './audit-text.js';

/** Entries a page: short enough for one Block Kit section and a Teams card. */
export const AUDIT_PAGE = 15;

type Scope =
  | {
      ok: true;
      unitIds: string[] | 'all';
      unitKey: string | null;
      unitName: string | null;
      timeZone: string;
    }
  | { ok: false; outcome: Outcome };

/**
 * `/tillit setup audit [unit] [page]`: who changed which role when, newest first. Leaders read
 * their own subtrees, administrators everything (administrator changes included); nobody else.
 */
export async function setupAudit(request: CommandRequest, args: string[]): Promise<Outcome> {
  const t = request.actor.t.setup.audit;
  const [first, second] = args;
  const pageWord = first && /^\d+$/.test(first) ? first : second;
  const unitKey = first && !/^\d+$/.test(first) ? first : null;
  const page = pageWord === undefined ? 1 : Number(pageWord);
  if (!Number.isInteger(page) || page < 1 || args.length > 2) return say(t.badPage);
  const scope = await auditScope(request, unitKey);
  if (!scope.ok) return scope.outcome;
  const lines = await listAuditLog(request.ctx.db, {
    unitIds: scope.unitIds,
    limit: AUDIT_PAGE + 1,
    offset: (page - 1) * AUDIT_PAGE,
  });
  const shown = lines.slice(0, AUDIT_PAGE);
  const title = scope.unitName ? t.titleOf({ unit: scope.unitName }) : t.title;
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: t.pageLine({ page }) },
    shown.length === 0
      ? { type: 'text', text: t.empty }
      : {
          type: 'list',
          items: shown.map((line) => ({
            text: `${auditWhen(line.at, scope.timeZone, request.actor.lang)} · ${auditSentence(request.actor.t, line)}`,
          })),
        },
  ];
  if (lines.length > AUDIT_PAGE) {
    const command = [t.command, scope.unitKey, String(page + 1)].filter(Boolean);
    blocks.push({ type: 'context', text: t.nextPage({ command: command.join(' ') }) });
  }
  return privately(view(title, ...blocks));
}

/** The units whose log this person may read, through the access table. */
async function auditScope(request: CommandRequest, unitKey: string | null): Promise<Scope> {
  const { ctx, actor } = request;
  const t = actor.t;
  const refused: Scope = {
    ok: false,
    outcome: say(t.common.notAllowed({ what: t.setup.audit.what })),
  };
  if (unitKey) {
    const unit = await findUnitByKey(ctx.db, { key: unitKey });
    if (!unit) return { ok: false, outcome: say(await unknownUnitText(ctx.db, actor, unitKey)) };
    if (!isAdmin(actor) && !(await may(ctx.db, actor, 'read-audit', unit.id))) return refused;
    const tree = await listSubtree(ctx.db, { unitId: unit.id });
    return {
      ok: true,
      unitIds: tree.map((u) => u.id),
      unitKey,
      unitName: unit.name,
      timeZone: unit.timezone,
    };
  }
  const base = { unitKey: null, unitName: null, timeZone: ctx.settings.defaultTimezone };
  if (isAdmin(actor)) return { ok: true, unitIds: 'all', ...base };
  const own: string[] = [];
  for (const role of actor.roles) {
    if (await may(ctx.db, actor, 'read-audit', role.unitId)) own.push(role.unitId);
  }
  if (own.length === 0) return refused;
  const trees = await Promise.all(own.map((unitId) => listSubtree(ctx.db, { unitId })));
  return { ok: true, unitIds: [...new Set(trees.flat().map((u) => u.id))], ...base };
}
