import { createRiskDialogue } from '../../store/queries/risk-dialogues.js';
import { carryPendingInto } from '../../store/queries/risk-items.js';
import { isWord } from '../commands/words.js';
import type { CommandRequest } from '../core/feature.js';
import { say } from '../core/guards.js';
import type { Outcome } from '../core/outcome.js';
import { usage } from '../core/usage.js';
import { toLocalTime } from '../dialogue/local-time.js';
import { type OptionSpec, readStartArgs } from '../dialogue/start-args.js';
import { guardStart, readStartDeadline, startDialogue } from '../dialogue/start-dialogue.js';
import { checkFreeText } from '../safety/free-text.js';
import { riskKind, TOPIC_MAX } from './risk-kind.js';
import { DEFAULT_LEVEL_BOUNDS, readLevelBounds } from './risk-level.js';
import { riskKit } from './risk-load.js';
import { riskSeasonCommand } from './season-command.js';
import { showRiskStatus } from './status.js';

/** The start options in English and Swedish (also without å, ä, ö); the first name is the key. */
const startOptions: OptionSpec[] = [
  { names: ['year', 'år'], takesValue: true },
  { names: ['levels', 'nivåer'], takesValue: true },
  { names: ['another', 'ny', 'en-till'], takesValue: false },
];

const words = {
  status: ['status', 'läge'],
  season: ['season', 'säsong'],
  help: ['help', 'hjälp', '?'],
};

/** `/tillit risk …`: `status`, `season` and `help` are sub-commands; anything else starts one. */
export async function riskCommand(request: CommandRequest): Promise<Outcome> {
  const [first = '', ...rest] = request.args;
  if (isWord(first, words.status)) return showRiskStatus(request, rest);
  if (isWord(first, words.season)) return riskSeasonCommand(request, rest);
  if (isWord(first, words.help))
    return usage(request.actor.t.risk.usageTitle, request.actor.t.risk.usage);
  return startRisk(request);
}

/**
 * `/tillit risk [title] [deadline] [--year 2026] [--levels 3,6,9] [--another]`: posts the
 * dialogue message, carrying in the unit's pending risks (escalations from the units below,
 * SWOT threats and weaknesses).
 */
async function startRisk(request: CommandRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const guarded = await guardStart(request, t.risk.what.start, 'run-risk-dialogue');
  if (!guarded.ok) return guarded.outcome;
  const { unit, channelId } = guarded;
  const args = readStartArgs(request.args, startOptions);
  if (!args.ok) {
    return args.problem === 'unknown-option'
      ? say(`${t.dialogue.unknownOption({ option: args.option })} ${t.risk.optionsHint}`)
      : say(t.dialogue.missingValue({ option: args.option }));
  }
  const yearOption = args.options.get('year');
  const year =
    yearOption === undefined ? toLocalTime(ctx.now, unit.timezone).year : readYear(yearOption);
  if (year === null) return say(t.risk.badYear);
  const levelsOption = args.options.get('levels');
  const levels =
    levelsOption === undefined
      ? DEFAULT_LEVEL_BOUNDS
      : typeof levelsOption === 'string'
        ? readLevelBounds(levelsOption)
        : null;
  if (!levels) return say(t.risk.badLevels);
  const topicText = args.topic.trim() || t.risk.defaultTopic({ unit: unit.name, year });
  const topic = checkFreeText(t, topicText, { max: TOPIC_MAX });
  if (!topic.ok) return say(topic.message);
  const deadline = readStartDeadline(request, unit, args.deadline);
  if (!deadline.ok) return deadline.outcome;
  const started = await startDialogue(request, riskKind, {
    unit,
    channelId,
    topic: topic.text,
    deadline: deadline.deadline,
    settings: {},
    another: args.options.has('another'),
    // Its year and levels, and the pending risks carried in, with the dialogue or not at all.
    withRows: async (tx, created) => {
      await createRiskDialogue(tx, { dialogueId: created.id, unitId: unit.id, year, levels });
      await carryPendingInto(tx, { unitId: unit.id, dialogueId: created.id });
    },
  });
  if (!started.ok) return started.outcome;
  return riskKit.started(request, started.dialogue, started.moved);
}

function readYear(given: string | true): number | null {
  if (given === true || !/^\d{4}$/.test(given)) return null;
  const year = Number(given);
  return year >= 2000 && year <= 2100 ? year : null;
}
