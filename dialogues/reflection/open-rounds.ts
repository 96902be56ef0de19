import type { Database } from '../../store/database.js';
import { enqueueOutboxMany, type OutboxMessage } from '../../store/queries/outbox.js';
import { listMembers } from '../../store/queries/people.js';
import {
  listLatestRounds,
  listUnitSchedules,
  type UnitSchedule,
} from '../../store/queries/reflection-round-ticks.js';
import {
  createRound,
  inviteToRound,
  type ReflectionRound,
} from '../../store/queries/reflection-rounds.js';
import type { Language } from '../../store/schema/index.js';
import { DEFAULT_LANG } from '../core/defaults.js';
import type { WeeklyTime } from '../schedule/next-occurrence.js';
import { texts } from '../texts/catalogue.js';
import type { View } from '../view.js';
import { promptView } from './prompt-view.js';
import { questionOfWeek } from './question-bank.js';
import {
  currentRoundTimes,
  DEFAULT_SCHEDULE,
  defaultTiming,
  type ReflectionTiming,
  type RoundTimes,
} from './round-timing.js';

export interface RoundTickOptions {
  now: Date;
  /** For people who chose no language. */
  defaultLang?: Language;
  timing?: ReflectionTiming;
}

/**
 * The opening tick: for every unit whose scheduled time has come, one round and one prompt
 * per member, enqueued in the same transaction. Idempotent: the round is unique per unit and
 * date, and only the instance that created it enqueues, under `reflection-prompt:<round>:<person>`.
 * A tick that comes late still opens the round, up to its reminder time; later than that, the
 * unit waits for its next occurrence rather than get a round with no time left.
 */
export async function openDueRounds(
  db: Database,
  options: RoundTickOptions,
): Promise<{ opened: number; prompts: number }> {
  const timing = options.timing ?? defaultTiming;
  const latest = new Map((await listLatestRounds(db)).map((r) => [r.unitId, r]));
  let opened = 0;
  let prompts = 0;
  for (const unit of await listUnitSchedules(db)) {
    if (unit.paused) continue;
    const times = currentRoundTimes(weeklyTimeOf(unit), options.now, timing);
    if (!isDue(times, latest.get(unit.unitId), options.now)) continue;
    const sent = await openRound(db, unit, times, options.defaultLang ?? DEFAULT_LANG);
    if (sent === null) continue;
    opened += 1;
    prompts += sent;
  }
  return { opened, prompts };
}

export function weeklyTimeOf(
  unit: Pick<UnitSchedule, 'weekday' | 'time' | 'timezone'>,
): WeeklyTime {
  return {
    weekday: unit.weekday ?? DEFAULT_SCHEDULE.weekday,
    time: unit.time ?? DEFAULT_SCHEDULE.time,
    timeZone: unit.timezone,
  };
}

function isDue(times: RoundTimes, latest: ReflectionRound | undefined, now: Date): boolean {
  if (now >= times.remindAt) return false;
  if (!latest) return true;
  // Already opened for this occurrence, or the previous round still runs (schedule changed).
  return latest.opensAt < times.opensAt && latest.closesAt <= times.opensAt;
}

/** Prompts enqueued, or null when there was nobody to ask or another instance was first. */
async function openRound(
  db: Database,
  unit: UnitSchedule,
  times: RoundTimes,
  defaultLang: Language,
): Promise<number | null> {
  return db.transaction(async (tx) => {
    const members = uniqueByPerson(await listMembers(tx, { unitId: unit.unitId }));
    if (members.length === 0) return null;
    const round = await createRound(tx, {
      unitId: unit.unitId,
      ...times,
      ...questionOfWeek(times.roundDate),
    });
    if (!round) return null;
    const invited = new Set(
      await inviteToRound(tx, { roundId: round.id, personIds: members.map((m) => m.personId) }),
    );
    const promptRound = { ...round, unitName: unit.unitName, timezone: unit.timezone };
    const views = viewsPerLanguage((lang) => promptView(texts(lang), promptRound));
    const messages: OutboxMessage[] = members
      .filter((m) => invited.has(m.personId))
      .map((m) => ({
        key: `reflection-prompt:${round.id}:${m.personId}`,
        target: { kind: 'person', personId: m.personId },
        // The round's own time: a late tick's prompts are due at once all the same.
        notBefore: times.opensAt,
        view: views(m.lang ?? defaultLang),
      }));
    return enqueueOutboxMany(tx, messages);
  });
}

/** One view per language, built once however many people get it. */
export function viewsPerLanguage(build: (lang: Language) => View): (lang: Language) => View {
  const built = new Map<Language, View>();
  return (lang) => {
    let view = built.get(lang);
    if (!view) {
      view = build(lang);
      built.set(lang, view);
    }
    return view;
  };
}

function uniqueByPerson<T extends { personId: string }>(rows: T[]): T[] {
  const seen = new Map<string, T>();
  for (const row of rows) if (!seen.has(row.personId)) seen.set(row.personId, row);
  return [...seen.values()];
}
