import type { Database } from '../../store/database.js';
import {
  claimDigestRun,
  type DigestUnit,
  listDigestRunsSince,
  listDigestUnits,
} from '../../store/queries/action-digests.js';
import { type ListedAction, listOpenActionsOfUnit } from '../../store/queries/action-lists.js';
import { enqueueOutboxMany } from '../../store/queries/outbox.js';
import type { Language } from '../../store/schema/index.js';
import { addDays } from '../calendar/swedish-holidays.js';
import { DEFAULT_LANG } from '../core/defaults.js';
import { nearestManagers } from '../core/nearest-managers.js';
import { todayIn } from '../dialogue/local-time.js';
import { type Catalogue, texts } from '../texts/catalogue.js';
import { type Block, type View, view } from '../view.js';
import { ACTION } from './action-views.js';
import { defaultNudgePolicy, morningOf, type NudgePolicy, weekOf } from './follow-up-time.js';
import { unitLine } from './list-views.js';

/** Lines per part of a digest; the rest is one click away ("show the unit's actions"). */
const DIGEST_LINES = 20;
const LATE_DAYS = 2;

/**
 * The weekly digest tick: on Monday morning (the first working day of the week, at the policy's
 * time in the unit's zone), each manager of a unit gets one message with the unit's overdue
 * actions and those due this week, or nothing when there are none. A unit without a manager
 * is not left out: its digest goes to the nearest manager up, or the leaders (nearest-managers.ts),
 * saying why. The week's run row is
 * claimed in the same transaction as the messages, so it happens once per unit and week.
 */
export async function sendWeeklyDigests(
  db: Database,
  options: { now: Date; defaultLang?: Language; policy?: NudgePolicy },
): Promise<{ digests: number }> {
  const { now } = options;
  const policy = options.policy ?? defaultNudgePolicy;
  const done = await listDigestRunsSince(db, {
    fromWeek: addDays(now.toISOString().slice(0, 10), -8),
  });
  let digests = 0;
  for (const unit of await listDigestUnits(db)) {
    const todayThere = todayIn(now, unit.timezone);
    const week = weekOf(todayThere);
    if (done.has(`${unit.unitId}:${week.monday}`)) continue;
    const sendAt = morningOf(week.monday, unit.timezone, policy.time);
    // After downtime a digest may come a day or two late; later than that, next Monday's will.
    if (now < sendAt || todayThere > addDays(todayIn(sendAt, unit.timezone), LATE_DAYS)) continue;
    digests += await db.transaction(async (tx) => {
      const claimed = await claimDigestRun(tx, { unitId: unit.unitId, weekOf: week.monday, now });
      if (!claimed) return 0;
      const open = await listOpenActionsOfUnit(tx, { unitId: unit.unitId, dueBy: week.sunday });
      if (open.length === 0) return 0;
      const responsible = await nearestManagers(tx, unit.unitId);
      const standIn = responsible.via === 'stand-in';
      return enqueueOutboxMany(
        tx,
        responsible.people.map((manager) => {
          const lang = manager.lang ?? options.defaultLang ?? DEFAULT_LANG;
          return {
            key: `action-digest:${unit.unitId}:${week.monday}:${manager.personId}`,
            target: { kind: 'person' as const, personId: manager.personId },
            notBefore: now,
            view: digestView(texts(lang), lang, unit, open, todayThere, standIn),
          };
        }),
      );
    });
  }
  return { digests };
}

export function digestView(
  t: Catalogue,
  lang: Language,
  unit: Pick<DigestUnit, 'unitId' | 'unitName'>,
  open: ListedAction[],
  todayThere: string,
  standIn = false,
): View {
  const d = t.followUp.digest;
  const overdue = open.filter((a) => a.dueDate < todayThere);
  const due = open.filter((a) => a.dueDate >= todayThere);
  const actor = { t, lang };
  const part = (heading: string, rows: ListedAction[]): Block[] =>
    rows.length === 0
      ? []
      : [
          { type: 'text', text: `*${heading}*` },
          {
            type: 'list',
            items: rows.slice(0, DIGEST_LINES).map((a) => unitLine(actor, a, todayThere, false)),
          },
          ...(rows.length > DIGEST_LINES
            ? [
                {
                  type: 'context' as const,
                  text: t.followUp.lists.more({ count: rows.length - DIGEST_LINES }),
                },
              ]
            : []),
        ];
  return view(
    d.summary({ unit: unit.unitName, overdue: overdue.length, due: due.length }),
    { type: 'header', text: d.title({ unit: unit.unitName }) },
    ...(standIn
      ? [{ type: 'context' as const, text: t.followUp.standIn({ unit: unit.unitName }) }]
      : []),
    ...part(d.overdueHeading({ count: overdue.length }), overdue),
    ...part(d.dueHeading({ count: due.length }), due),
    {
      type: 'buttons',
      buttons: [
        { label: t.followUp.buttons.showUnit, action: { id: ACTION.showUnit, value: unit.unitId } },
      ],
    },
    { type: 'context', text: d.hint },
  );
}
