import type { Database } from '../../store/database.js';
import { enqueueOutboxMany } from '../../store/queries/outbox.js';
import {
  listNonAnswerers,
  listRoundsDueForReminder,
  lockRound,
  markReminded,
} from '../../store/queries/reflection-round-ticks.js';
import type { ReflectionRound } from '../../store/queries/reflection-rounds.js';
import { getUnit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';
import { DEFAULT_LANG } from '../core/defaults.js';
import { texts } from '../texts/catalogue.js';
import { viewsPerLanguage } from './open-rounds.js';
import { promptView } from './prompt-view.js';

/**
 * The reminder tick: once a round's reminder time has come, one gentle reminder to each
 * invited person who has not answered. At most one per person, ever: the outbox key
 * `reflection-reminder:<round>:<person>` is unique, and the round is marked reminded in the
 * same transaction. The round is locked first, so answers in flight are counted, not nagged.
 */
export async function sendDueReminders(
  db: Database,
  options: { now: Date; defaultLang?: Language },
): Promise<{ reminders: number }> {
  let reminders = 0;
  for (const due of await listRoundsDueForReminder(db, { now: options.now })) {
    reminders += await remindRound(db, due, options.now, options.defaultLang ?? DEFAULT_LANG);
  }
  return { reminders };
}

async function remindRound(
  db: Database,
  due: ReflectionRound,
  now: Date,
  defaultLang: Language,
): Promise<number> {
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, { roundId: due.id });
    if (!round || round.remindedAt || round.closedAt || round.closesAt <= now) return 0;
    const unit = await getUnit(tx, { unitId: round.unitId });
    if (!unit) return 0;
    const promptRound = { ...round, unitName: unit.name, timezone: unit.timezone };
    const views = viewsPerLanguage((lang) =>
      promptView(texts(lang), promptRound, { reminder: true }),
    );
    const people = await listNonAnswerers(tx, { roundId: round.id });
    const created = await enqueueOutboxMany(
      tx,
      people.map((p) => ({
        key: `reflection-reminder:${round.id}:${p.personId}`,
        target: { kind: 'person', personId: p.personId },
        notBefore: now,
        view: views(p.lang ?? defaultLang),
      })),
    );
    await markReminded(tx, { roundId: round.id, now });
    return created;
  });
}
