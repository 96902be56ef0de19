import type { DialogueSettings } from '../../store/schema/index.js';
import type { CommandRequest } from '../core/feature.js';
import { say } from '../core/guards.js';
import type { Outcome } from '../core/outcome.js';
import { usage } from '../core/usage.js';
import { readDeadline } from '../dialogue/deadline.js';
import { type OptionSpec, readStartArgs } from '../dialogue/start-args.js';
import { guardStart, readStartDeadline, startDialogue } from '../dialogue/start-dialogue.js';
import { checkFreeText } from '../safety/free-text.js';
import {
  DEFAULT_MAX_PER_ITEM,
  DEFAULT_VOTES,
  MAX_VOTES,
  swotKind,
  TOPIC_MAX,
} from './swot-kind.js';
import { swotKit } from './swot-load.js';

/** Every spelling of the start options; the first name is the key. */
const startOptions: OptionSpec[] = [
  { names: ['votes', 'röster'], takesValue: true },
  { names: ['max', 'max-per-item', 'max-per-punkt'], takesValue: true },
  { names: ['show-results', 'visa-resultat'], takesValue: false },
  { names: ['hide-results', 'dölj-resultat'], takesValue: false },
  { names: ['vote-until', 'rösta-till'], takesValue: true },
  { names: ['another', 'ny', 'en-till'], takesValue: false },
];

/**
 * `/tillit swot <topic> [deadline] [--votes 5] [--max 3] [--vote-until <date>]
 * [--another]`: posts the dialogue message in the channel, to be updated in place from then on.
 */
export async function startSwot(request: CommandRequest): Promise<Outcome> {
  const t = request.actor.t;
  if (request.args.length === 0) return usage(t.swot.usageTitle, t.swot.usage);
  const guarded = await guardStart(request, t.swot.what.start);
  if (!guarded.ok) return guarded.outcome;
  const args = readStartArgs(request.args, startOptions);
  if (!args.ok) {
    return args.problem === 'unknown-option'
      ? say(`${t.dialogue.unknownOption({ option: args.option })} ${t.swot.optionsHint}`)
      : say(t.dialogue.missingValue({ option: args.option }));
  }
  if (args.topic.trim() === '') return usage(t.swot.usageTitle, t.swot.usage);
  const topic = checkFreeText(t, args.topic, { max: TOPIC_MAX });
  if (!topic.ok) return say(topic.message);
  const deadline = readStartDeadline(request, guarded.unit, args.deadline);
  if (!deadline.ok) return deadline.outcome;
  const settings = readSettings(request, args.options, guarded.unit.timezone, deadline.deadline);
  if (!settings.ok) return settings.outcome;
  const started = await startDialogue(request, swotKind, {
    unit: guarded.unit,
    channelId: guarded.channelId,
    topic: topic.text,
    deadline: deadline.deadline,
    settings: settings.settings,
    another: args.options.has('another'),
  });
  if (!started.ok) return started.outcome;
  return swotKit.started(request, started.dialogue, started.moved);
}

type ReadSettings = { ok: true; settings: DialogueSettings } | { ok: false; outcome: Outcome };

function readSettings(
  request: CommandRequest,
  options: Map<string, string | true>,
  timeZone: string,
  collectDeadline: Date | null,
): ReadSettings {
  const t = request.actor.t.dialogue;
  const votes = readWhole(options.get('votes'), DEFAULT_VOTES, 1, MAX_VOTES);
  if (votes === null) {
    return { ok: false, outcome: say(t.badNumber({ option: '--votes', min: 1, max: MAX_VOTES })) };
  }
  const maxPerItem = readWhole(options.get('max'), Math.min(DEFAULT_MAX_PER_ITEM, votes), 1, votes);
  if (maxPerItem === null) {
    return { ok: false, outcome: say(t.badNumber({ option: '--max', min: 1, max: votes })) };
  }
  // Totals that move with every vote would tell what each voter did (live differencing), so
  // they never show while voting runs; the option is refused rather than silently ignored.
  if (options.has('show-results')) {
    return { ok: false, outcome: say(request.actor.t.swot.noLiveResults) };
  }
  const settings: DialogueSettings = {
    votesPerPerson: votes,
    maxPerItem,
    hideResults: true,
    voteUntil: null,
  };
  const voteUntil = options.get('vote-until');
  if (typeof voteUntil === 'string') {
    const read = readDeadline(voteUntil, { now: request.ctx.now, timeZone });
    if (!read.ok) {
      const text = read.problem === 'passed' ? t.deadlinePassed : t.badDeadline({ got: voteUntil });
      return { ok: false, outcome: say(text) };
    }
    if (collectDeadline && read.deadline <= collectDeadline) {
      return { ok: false, outcome: say(request.actor.t.swot.voteUntilTooEarly) };
    }
    settings.voteUntil = read.deadline.toISOString();
  }
  return { ok: true, settings };
}

/** A whole number in range; the fallback when absent; null when given but wrong. */
function readWhole(
  given: string | true | undefined,
  fallback: number,
  min: number,
  max: number,
): number | null {
  if (given === undefined) return fallback;
  if (given === true || !/^\d{1,3}$/.test(given)) return null;
  const value = Number(given);
  return value >= min && value <= max ? value : null;
}
