import { randomBytes } from 'node:crypto';
import { countOutboxByStatus } from '../../store/queries/outbox.js';
import {
  countActivePeople,
  createPersonWithIdentity,
  findPersonByIdentity,
  type Person,
} from '../../store/queries/people.js';
import { saveReflectionSchedule } from '../../store/queries/reflection-schedules.js';
import {
  createUnit,
  findUnitByKey,
  linkChannel,
  listAllUnits,
  listChannelsOfUnit,
  type Unit,
} from '../../store/queries/units.js';
import { formatClock } from '../calendar/dates.js';
import { parseMention } from '../commands/parse-command.js';
import { isWord, slugOf } from '../commands/words.js';
import { isAdmin } from '../core/access.js';
import type { CommandRequest, Feature } from '../core/feature.js';
import { unknownUnitText } from '../core/find-unit.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import { usage } from '../core/usage.js';
import { setupPair } from '../pairing/pair-setup.js';
import { type Block, view } from '../view.js';
import { setupGdpr } from './gdpr-command.js';
import { giveRole } from './give-role.js';
import { setupAudit } from './setup-audit.js';
import { readLevel, readRole, readTime, readWeekday } from './words.js';

const UNIT_KEY = /^[a-z0-9][a-z0-9_-]*$/;

async function setupCommand(request: CommandRequest): Promise<Outcome> {
  const { actor } = request;
  const [sub, ...args] = request.args;
  // Leaders read the audit log too: it checks access itself.
  if (isWord(sub, ['audit', 'logg', 'rollbyten'])) return setupAudit(request, args);
  if (!isAdmin(actor)) return say(actor.t.common.notAllowed({ what: actor.t.setup.what }));
  if (isWord(sub, ['unit', 'enhet'])) return setupUnit(request, args);
  if (isWord(sub, ['link', 'koppla'])) return setupLink(request, args);
  if (isWord(sub, ['role', 'roll'])) return setupRole(request, args);
  if (isWord(sub, ['schedule', 'schema'])) return setupSchedule(request, args);
  if (isWord(sub, ['status', 'läge'])) return setupStatus(request);
  if (isWord(sub, ['gdpr'])) return setupGdpr(request, args);
  if (isWord(sub, ['pair', 'pairs', 'par'])) return setupPair(request, args);
  return usage(actor.t.setup.title, [
    ...actor.t.setup.usage,
    ...actor.t.pairing.setupUsage,
    ...actor.t.gdpr.usage,
  ]);
}

async function setupUnit({ ctx, actor }: CommandRequest, args: string[]): Promise<Outcome> {
  const t = actor.t;
  const [key = '', levelWord = '', parentKey = '', ...nameWords] = args;
  if (!UNIT_KEY.test(key)) return say(t.setup.badKey);
  const level = readLevel(levelWord);
  if (!level) return say(t.setup.badLevel({ got: levelWord }));
  const name = nameWords.join(' ').trim();
  if (!name) return say(t.setup.missingName);
  if (await findUnitByKey(ctx.db, { key })) return say(t.setup.unitExists({ key }));
  let parentId: string | null = null;
  if (parentKey !== '-') {
    const parent = await findUnitByKey(ctx.db, { key: parentKey });
    if (!parent) return say(await unknownUnitText(ctx.db, actor, parentKey));
    parentId = parent.id;
  }
  await createUnit(ctx.db, { key, name, level, parentId });
  return say(t.setup.unitCreated({ name, level: t.common.levels[level] }));
}

async function setupLink({ ctx, actor }: CommandRequest, args: string[]): Promise<Outcome> {
  const t = actor.t.setup;
  if (!ctx.place.channelId) return say(t.linkNeedsChannel);
  const unit = await findUnitByKey(ctx.db, { key: args[0] ?? '' });
  if (!unit) return say(await unknownUnitText(ctx.db, actor, args[0] ?? ''));
  await linkChannel(ctx.db, {
    platform: ctx.place.platform,
    workspace: ctx.place.workspace,
    channelId: ctx.place.channelId,
    unitId: unit.id,
  });
  return say(t.linked({ unit: unit.name }));
}

async function setupRole(request: CommandRequest, args: string[]): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const [mentionToken = '', roleWord = '', unitKey = ''] = args;
  const mention = parseMention(mentionToken);
  if (!mention) return say(t.setup.needMention);
  const role = readRole(roleWord);
  if (!role) return say(t.setup.badRole({ got: roleWord }));
  const unit = await findUnitByKey(ctx.db, { key: unitKey });
  if (!unit) return say(await unknownUnitText(ctx.db, actor, unitKey));
  const person = await personForMention(request, mention);
  const given = await giveRole(ctx, actor, { personId: person.id, unitId: unit.id, role });
  if (!given) {
    return say(
      t.setup.roleHeld({ person: person.name, role: t.common.roles[role], unit: unit.name }),
    );
  }
  return say(
    t.setup.roleGiven({ person: person.name, role: t.common.roles[role], unit: unit.name }),
  );
}

/** The person a mention names; someone new to Tillit is created with their platform name. */
async function personForMention(
  { ctx }: CommandRequest,
  mention: { externalId: string; name: string | null },
): Promise<Person> {
  const identity = {
    platform: ctx.place.platform,
    workspace: ctx.caller.workspace,
    externalId: mention.externalId,
  };
  const known = await findPersonByIdentity(ctx.db, identity);
  if (known) return known;
  const name = (await ctx.directory.displayName(identity)) ?? mention.name ?? mention.externalId;
  const key = `${slug(name)}-${randomBytes(3).toString('hex')}`;
  return createPersonWithIdentity(ctx.db, { key, name, identity });
}

async function setupSchedule({ ctx, actor }: CommandRequest, args: string[]): Promise<Outcome> {
  const t = actor.t;
  const [unitKey = '', first = '', second = ''] = args;
  const unit: Unit | null = await findUnitByKey(ctx.db, { key: unitKey });
  if (!unit) return say(await unknownUnitText(ctx.db, actor, unitKey));
  if (isWord(first, ['pause', 'pausa'])) {
    await saveReflectionSchedule(ctx.db, { unitId: unit.id, paused: true });
    return say(t.setup.schedulePaused({ unit: unit.name }));
  }
  if (isWord(first, ['resume', 'återuppta', 'starta'])) {
    await saveReflectionSchedule(ctx.db, { unitId: unit.id, paused: false });
    return say(t.setup.scheduleResumed({ unit: unit.name }));
  }
  const weekday = readWeekday(first);
  const time = readTime(second);
  if (!weekday || !time) return say(t.setup.badSchedule);
  await saveReflectionSchedule(ctx.db, { unitId: unit.id, weekday, time, paused: false });
  const weekdayName = t.common.weekdays[weekday - 1]!;
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const clock = formatClock(hour, minute, actor.lang);
  return say(t.setup.scheduleSet({ unit: unit.name, weekday: weekdayName, time: clock }));
}

async function setupStatus({ ctx, actor }: CommandRequest): Promise<Outcome> {
  const t = actor.t.setup;
  const units = await listAllUnits(ctx.db);
  const linked = await Promise.all(
    units.map(async (u) => (await listChannelsOfUnit(ctx.db, { unitId: u.id })).length > 0),
  );
  const blocks: Block[] = [
    { type: 'header', text: t.statusTitle },
    {
      type: 'text',
      text: t.statusUnits({ units: units.length, linked: linked.filter(Boolean).length }),
    },
    { type: 'text', text: t.statusPeople({ people: await countActivePeople(ctx.db) }) },
  ];
  const deliveries = await countOutboxByStatus(ctx.db);
  blocks.push({ type: 'text', text: t.statusOutbox(deliveries) });
  if (deliveries.failed > 0) {
    blocks.push({ type: 'context', text: t.statusOutboxFailed({ failed: deliveries.failed }) });
  }
  return privately(view(t.statusTitle, ...blocks));
}

const slug = (name: string): string => slugOf(name) || 'person';

export const setupFeature: Feature = { name: 'setup', commands: { setup: setupCommand } };
