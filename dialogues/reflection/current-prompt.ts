import { listOpenRoundsOfPerson } from '../../store/queries/reflection-rounds.js';
import { getReflectionSchedule } from '../../store/queries/reflection-schedules.js';
import { getUnit } from '../../store/queries/units.js';
import type { CommandRequest, Request } from '../core/feature.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import { type Block, type ListItem, view } from '../view.js';
import { weeklyTimeOf } from './open-rounds.js';
import { formatWhen, promptBlocks, WRITE_ACTION } from './prompt-view.js';
import { nextRoundOpens } from './round-timing.js';

/**
 * `/tillit reflect`: the open prompt of each of the person's units, privately, or that they
 * have answered it (never what: that is not stored with them).
 */
export async function showCurrentPrompt(request: CommandRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.reflection;
  const rounds = await listOpenRoundsOfPerson(ctx.db, { personId: actor.person.id, now: ctx.now });
  if (rounds.length === 0) {
    const next = await nextRounds(request, new Set());
    if (next.length === 0) return say(t.noneOpen);
    return privately(
      view(t.noneOpen, { type: 'text', text: t.noneOpen }, { type: 'list', items: next }),
    );
  }
  const blocks: Block[] = [{ type: 'header', text: t.title }];
  for (const round of rounds) {
    if (blocks.length > 1) blocks.push({ type: 'divider' });
    if (round.answered)
      blocks.push({ type: 'text', text: t.alreadyAnswered({ unit: round.unitName }) });
    else blocks.push(...promptBlocks(actor.t, round));
  }
  return privately({ summary: t.title, blocks });
}

/** "My next reflection" on the home tab: open rounds (answered or not), else the next time. */
export async function reflectionHome(request: Request): Promise<Block[]> {
  const { ctx, actor } = request;
  const t = actor.t.reflection;
  const open = await listOpenRoundsOfPerson(ctx.db, { personId: actor.person.id, now: ctx.now });
  const openUnits = new Set(open.map((r) => r.unitId));
  const items = open.map((round) =>
    round.answered
      ? { text: t.home.answered({ unit: round.unitName }) }
      : {
          text: t.home.open({
            unit: round.unitName,
            when: formatWhen(actor.t, round.closesAt, round.timezone),
          }),
          buttons: [{ label: t.home.answer, action: { id: WRITE_ACTION, value: round.id } }],
        },
  );
  items.push(...(await nextRounds(request, openUnits)));
  if (items.length === 0) return [];
  return [
    { type: 'header', text: t.home.header },
    { type: 'list', items },
  ];
}

/** When each of the person's other units asks next, or that its reflection is paused. */
async function nextRounds(request: Request, skip: Set<string>): Promise<ListItem[]> {
  const { ctx, actor } = request;
  const t = actor.t.reflection;
  const items: ListItem[] = [];
  const units = new Map(
    actor.roles.filter((r) => !skip.has(r.unitId)).map((r) => [r.unitId, r.unitName]),
  );
  for (const [unitId, unitName] of units) {
    const schedule = await getReflectionSchedule(ctx.db, { unitId });
    if (schedule?.paused) {
      items.push({ text: t.home.paused({ unit: unitName }) });
      continue;
    }
    const unit = await getUnit(ctx.db, { unitId });
    const timeZone = unit?.timezone ?? ctx.settings.defaultTimezone;
    const weekly = weeklyTimeOf({
      weekday: schedule?.weekday ?? null,
      time: schedule?.time ?? null,
      timezone: timeZone,
    });
    const next = nextRoundOpens(weekly, ctx.now);
    items.push({
      text: t.home.next({ unit: unitName, when: formatWhen(actor.t, next, timeZone) }),
    });
  }
  return items;
}
