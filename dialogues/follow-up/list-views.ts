import {
  type ListedAction,
  listDoneActions,
  listOpenActionsOfUnit,
  listOwnOpenAndDone,
} from '../../store/queries/action-lists.js';
import {
  listSelfChecksOfPerson,
  type ScheduledSelfCheck,
} from '../../store/queries/self-checks.js';
import { getUnit, type Unit } from '../../store/queries/units.js';
import { may } from '../core/access.js';
import type { Actor } from '../core/actor.js';
import type { ActionRequest, Request } from '../core/feature.js';
import { findUnitByText, unknownUnitText } from '../core/find-unit.js';
import { say } from '../core/guards.js';
import { isUuid } from '../core/ids.js';
import { type Outcome, privately } from '../core/outcome.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { localDate, todayIn } from '../dialogue/local-time.js';
import type { Block, ListItem } from '../view.js';
import { view } from '../view.js';
import { ACTION, changeButtons, effectButtons } from './action-views.js';
import { daysBetween } from './follow-up-time.js';
import { type OwnActions, splitOwnActions } from './own-actions.js';
import { nextOccurrenceAfter } from './self-check-schedule.js';

/** Items with buttons take two blocks each; this keeps a list inside Slack's 50 a message. */
const MAX_WITH_BUTTONS = 10;
/** Done actions still waiting for an effect answer are offered for this long. */
const EFFECT_QUESTION_DAYS = 90;

/**
 * `/tillit actions`: the person's open actions, those awaiting an effect answer, self-checks.
 * `actions all` adds the done ones with their effect answers, latest first.
 */
export async function showMine(request: Request, options = { all: false }): Promise<Outcome> {
  const { actor } = request;
  const t = actor.t.followUp.lists;
  const title = options.all ? t.allTitle : t.mineTitle;
  const own = await readOwn(request);
  const blocks: Block[] = [{ type: 'header', text: title }, ...mineBlocks(request, own)];
  if (options.all) {
    const done = own.actions.done;
    blocks.push({ type: 'text', text: `*${t.doneHeading({ count: done.length })}*` });
    if (done.length === 0) blocks.push({ type: 'text', text: t.noneDone });
    else blocks.push(...limited(actor, done, MAX_DONE, (a) => doneLine(actor, a, false)));
  }
  return privately(view(title, ...blocks));
}

interface Own {
  actions: OwnActions;
  checks: ScheduledSelfCheck[];
}

/** The person's actions and self-checks: two reads, sent together. */
async function readOwn(request: Request): Promise<Own> {
  const { ctx, actor } = request;
  const since = new Date(ctx.now.getTime() - EFFECT_QUESTION_DAYS * 86_400_000);
  const [rows, checks] = await Promise.all([
    listOwnOpenAndDone(ctx.db, { ownerId: actor.person.id }),
    listSelfChecksOfPerson(ctx.db, { personId: actor.person.id }),
  ]);
  return { actions: splitOwnActions(rows, since), checks };
}

/** Done actions have no buttons, so a list may hold more of them. */
const MAX_DONE = 25;

/** A done action with its date and what its owner answered about the effect. */
function doneLine(actor: Actor, action: ListedAction, withOwner: boolean): ListItem {
  const t = actor.t.followUp.lists;
  const done = formatIsoDate(
    localDate(action.doneAt ?? action.createdAt, action.timezone),
    actor.lang,
  );
  const effect = t.effectWords[action.effect ?? 'unanswered'];
  const note = action.effectNote ? t.effectNote({ note: action.effectNote }) : '';
  const owner = withOwner ? { owner: action.ownerName } : {};
  return { text: `${t.effectLine({ text: action.text, done, effect, ...owner })}${note}` };
}

function mineBlocks(request: Request, own: Own, limit = MAX_WITH_BUTTONS): Block[] {
  const { ctx, actor } = request;
  const t = actor.t.followUp.lists;
  const { open, awaitingEffect: awaiting } = own.actions;
  const checks = own.checks;
  const blocks: Block[] = [];
  if (open.length === 0) blocks.push({ type: 'text', text: t.mineEmpty });
  else blocks.push(...limited(actor, open, limit, (a) => ownLine(request, a)));
  if (awaiting.length > 0) {
    blocks.push({ type: 'text', text: t.awaitingEffect });
    blocks.push(
      ...limited(actor, awaiting, limit, (a) => ({
        text: t.doneLine({
          text: a.text,
          done: formatIsoDate(localDate(a.doneAt ?? ctx.now, a.timezone), actor.lang),
        }),
        buttons: effectButtons(actor.t, a.id),
      })),
    );
  }
  if (checks.length > 0) {
    const items = checks.map((c) => ({
      text: t.selfCheckLine({
        text: c.text,
        cadence: actor.t.followUp.selfCheck.cadences[c.cadence],
        next: formatIsoDate(
          nextOccurrenceAfter(c.startsOn, c.cadence, todayIn(ctx.now, c.timezone)),
          actor.lang,
        ),
      }),
    }));
    blocks.push({ type: 'text', text: t.selfChecksHeading }, { type: 'list', items });
  }
  return blocks;
}

function ownLine(request: Request, action: ListedAction): ListItem {
  const { ctx, actor } = request;
  const t = actor.t.followUp.lists;
  const due = formatIsoDate(action.dueDate, actor.lang);
  const days = daysBetween(action.dueDate, todayIn(ctx.now, action.timezone));
  return {
    text:
      days > 0 ? t.lineLate({ text: action.text, due, days }) : t.line({ text: action.text, due }),
    buttons: changeButtons(actor.t, action.id),
  };
}

/** A list of at most `limit` items, and a line saying how many more there are. */
function limited<T>(actor: Actor, rows: T[], limit: number, item: (row: T) => ListItem): Block[] {
  const blocks: Block[] = [{ type: 'list', items: rows.slice(0, limit).map(item) }];
  if (rows.length > limit) {
    blocks.push({
      type: 'context',
      text: actor.t.followUp.lists.more({ count: rows.length - limit }),
    });
  }
  return blocks;
}

/**
 * `/tillit actions unit [unit]`: the unit's open actions, overdue first, for those who may
 * manage them. Without a unit key, the unit of the channel.
 */
export async function showUnit(request: Request, unitKey: string | undefined): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  let unit: Unit | null = request.unit;
  if (unitKey) {
    unit = await findUnitByText(ctx.db, unitKey);
    if (!unit) return say(await unknownUnitText(ctx.db, actor, unitKey));
  }
  if (!unit) return say(t.common.unlinkedChannel);
  return unitOutcome(request, unit);
}

/** Button "Show the unit's actions" (in the weekly digest): value is the unit id. */
export async function showUnitFromButton(request: ActionRequest): Promise<Outcome> {
  const unitId = request.action.value;
  const unit = isUuid(unitId) ? await getUnit(request.ctx.db, { unitId }) : null;
  if (!unit) return say(request.actor.t.common.staleButton);
  return unitOutcome(request, unit);
}

async function unitOutcome(request: Request, unit: Unit): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.followUp;
  if (!(await may(ctx.db, actor, 'manage-actions', unit.id))) {
    return say(actor.t.common.notAllowed({ what: t.what.manage }));
  }
  const open = await listOpenActionsOfUnit(ctx.db, { unitId: unit.id });
  const todayThere = todayIn(ctx.now, unit.timezone);
  const overdue = open.filter((a) => a.dueDate < todayThere);
  const coming = open.filter((a) => a.dueDate >= todayThere);
  const title = t.lists.unitTitle({ unit: unit.name });
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (open.length === 0) blocks.push({ type: 'text', text: t.lists.unitEmpty });
  const line = (a: ListedAction): ListItem => unitLine(actor, a, todayThere);
  if (overdue.length > 0) {
    blocks.push({ type: 'text', text: `*${t.lists.overdueHeading({ count: overdue.length })}*` });
    blocks.push(...limited(actor, overdue, MAX_WITH_BUTTONS, line));
  }
  if (coming.length > 0) {
    blocks.push({ type: 'text', text: `*${t.lists.openHeading({ count: coming.length })}*` });
    blocks.push(...limited(actor, coming, MAX_WITH_BUTTONS, line));
  }
  const done = await listDoneActions(ctx.db, { unitId: unit.id });
  if (done.length > 0) {
    blocks.push({ type: 'text', text: `*${t.lists.doneHeading({ count: done.length })}*` });
    blocks.push(...limited(actor, done, MAX_DONE, (a) => doneLine(actor, a, true)));
  }
  return privately(view(title, ...blocks));
}

/** One action in a unit list: owner, due date or how late; with buttons when `buttons`. */
export function unitLine(
  actor: Pick<Actor, 't' | 'lang'>,
  action: ListedAction,
  todayThere: string,
  buttons = true,
): ListItem {
  const t = actor.t.followUp.lists;
  const due = formatIsoDate(action.dueDate, actor.lang);
  const days = daysBetween(action.dueDate, todayThere);
  const params = { text: action.text, owner: action.ownerName, due };
  return {
    text: days > 0 ? t.unitLineLate({ ...params, days }) : t.unitLine(params),
    ...(buttons ? { buttons: changeButtons(actor.t, action.id) } : {}),
  };
}

/** "My actions" on the home tab (the reflection adds "my next reflection" beside it). */
export async function followUpHome(request: Request): Promise<Block[]> {
  const t = request.actor.t.followUp.home;
  return [
    { type: 'header', text: t.title },
    ...mineBlocks(request, await readOwn(request), 8),
    {
      type: 'buttons',
      buttons: [{ label: t.showAll, action: { id: ACTION.showAll, value: 'all' } }],
    },
    { type: 'context', text: t.hint },
  ];
}
