import type { Database } from '../../store/database.js';
import { enqueueOutbox } from '../../store/queries/outbox.js';
import { getPerson } from '../../store/queries/people.js';
import {
  claimOccurrence,
  insertSelfCheck,
  listActiveSelfChecks,
  listExistingOccurrences,
  type ScheduledSelfCheck,
  type SelfCheck,
} from '../../store/queries/self-checks.js';
import { getUnit } from '../../store/queries/units.js';
import type { Language, SelfCheckCadence, SelfCheckOutcome } from '../../store/schema/index.js';
import { DEFAULT_LANG } from '../core/defaults.js';
import { todayIn } from '../dialogue/local-time.js';
import { type Catalogue, texts } from '../texts/catalogue.js';
import { type Button, type View, view } from '../view.js';
import { ACTION } from './action-views.js';
import { defaultNudgePolicy, morningOf, type NudgePolicy } from './follow-up-time.js';
import { firstOccurrenceFrom, latestOccurrenceBy } from './self-check-schedule.js';

export interface NewSelfCheckInput {
  unitId: string;
  /** What to check, already through `checkFreeText` (e.g. the risk's description). */
  text: string;
  responsibleId: string;
  cadence: SelfCheckCadence;
  createdBy: string;
  now: Date;
  /** The first occurrence (YYYY-MM-DD); default: one period from today in the unit's zone. */
  startsOn?: string;
  sourceRiskId?: string | null;
  sourceDialogueId?: string | null;
}

/**
 * Creates a recurring self-check (egenkontroll). The risk dialogue calls this, with its own
 * transaction, when a risk's handling is 'self-check'; calling it again for the same risk
 * returns the existing check. The responsible person is asked at each occurrence by the tick.
 */
export async function createSelfCheck(db: Database, input: NewSelfCheckInput): Promise<SelfCheck> {
  const unit = await getUnit(db, { unitId: input.unitId });
  if (!unit) throw new Error(`createSelfCheck: no unit ${input.unitId}`);
  const startsOn =
    input.startsOn ?? firstOccurrenceFrom(todayIn(input.now, unit.timezone), input.cadence);
  return insertSelfCheck(db, {
    unitId: input.unitId,
    text: input.text,
    responsibleId: input.responsibleId,
    cadence: input.cadence,
    startsOn,
    sourceRiskId: input.sourceRiskId ?? null,
    sourceDialogueId: input.sourceDialogueId ?? null,
    createdBy: input.createdBy,
    now: input.now,
  });
}

/**
 * The self-check tick: at each occurrence (on the working morning it falls on, or the next
 * one) the responsible person is asked once: the occurrence row is claimed with the message,
 * in one transaction, under the key `self-check:<check>:<date>`.
 */
export async function askDueSelfChecks(
  db: Database,
  options: { now: Date; defaultLang?: Language; policy?: NudgePolicy },
): Promise<{ asked: number }> {
  const policy = options.policy ?? defaultNudgePolicy;
  const due: { check: ScheduledSelfCheck; occursOn: string }[] = [];
  for (const check of await listActiveSelfChecks(db)) {
    const todayThere = todayIn(options.now, check.timezone);
    const occursOn = latestOccurrenceBy(check.startsOn, check.cadence, todayThere);
    if (!occursOn || occursOn < todayIn(check.createdAt, check.timezone)) continue;
    if (options.now < morningOf(occursOn, check.timezone, policy.time)) continue;
    due.push({ check, occursOn });
  }
  const existing = await listExistingOccurrences(db, {
    occurrences: due.map((d) => ({ selfCheckId: d.check.id, occursOn: d.occursOn })),
  });
  let asked = 0;
  for (const { check, occursOn } of due) {
    if (existing.has(`${check.id}:${occursOn}`)) continue;
    asked += await db.transaction(async (tx) => {
      const occurrence = await claimOccurrence(tx, {
        selfCheckId: check.id,
        occursOn,
        now: options.now,
      });
      if (!occurrence) return 0;
      const person = await getPerson(tx, { personId: check.responsibleId });
      if (!person?.active) return 0;
      const lang = person.lang ?? options.defaultLang ?? DEFAULT_LANG;
      const created = await enqueueOutbox(tx, {
        key: `self-check:${check.id}:${occursOn}`,
        target: { kind: 'person', personId: person.id },
        notBefore: options.now,
        view: selfCheckView(texts(lang), check, occurrence.id),
      });
      return created ? 1 : 0;
    });
  }
  return { asked };
}

/** "Is the check done, and did you find anything?" with the three answers. */
export function selfCheckView(
  t: Catalogue,
  check: Pick<ScheduledSelfCheck, 'text' | 'unitName' | 'cadence'>,
  occurrenceId: string,
): View {
  const s = t.followUp.selfCheck;
  const answer = (outcome: SelfCheckOutcome, id: string, style?: Button['style']): Button => ({
    label: s.outcomes[outcome],
    action: { id, value: occurrenceId },
    ...(style ? { style } : {}),
  });
  return view(
    s.summary({ text: check.text }),
    { type: 'header', text: s.title },
    {
      type: 'text',
      text: s.question({
        text: check.text,
        unit: check.unitName,
        cadence: s.cadences[check.cadence],
      }),
    },
    {
      type: 'buttons',
      buttons: [
        answer('ok', ACTION.checkOk, 'primary'),
        answer('found', ACTION.checkFound),
        answer('not-done', ACTION.checkMissed),
      ],
    },
  );
}
