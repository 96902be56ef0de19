import type { Database } from '../../store/database.js';
import { enqueueOutboxMany } from '../../store/queries/outbox.js';
import type { OccurrenceWithCheck } from '../../store/queries/self-checks.js';
import { getUnit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';
import { nearestManagers } from '../core/nearest-managers.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { texts } from '../texts/catalogue.js';
import { type View, view } from '../view.js';

/**
 * A self-check that found something is what the unit's manager must hear of: to them (or who
 * stands in for a unit without one, nearest-managers.ts) through the outbox, in the same
 * transaction as the answer. The one who answered is not told of their own finding.
 */
export async function tellOfFinding(
  tx: Database,
  params: {
    occurrence: OccurrenceWithCheck;
    finding: string;
    by: { id: string; name: string };
    defaultLang: Language;
    now: Date;
  },
): Promise<number> {
  const { occurrence } = params;
  const unit = await getUnit(tx, { unitId: occurrence.check.unitId });
  if (!unit) return 0;
  const responsible = await nearestManagers(tx, unit.id);
  const messages = responsible.people
    .filter((m) => m.personId !== params.by.id)
    .map((m) => {
      const lang = m.lang ?? params.defaultLang;
      return {
        key: `self-check-found:${occurrence.id}:${m.personId}`,
        target: { kind: 'person' as const, personId: m.personId },
        notBefore: params.now,
        view: findingView(lang, {
          check: occurrence.check.text,
          unit: unit.name,
          by: params.by.name,
          date: formatIsoDate(occurrence.occursOn, lang),
          finding: params.finding,
          standIn: responsible.via === 'stand-in',
        }),
      };
    });
  return enqueueOutboxMany(tx, messages);
}

function findingView(
  lang: Language,
  p: { check: string; unit: string; by: string; date: string; finding: string; standIn: boolean },
): View {
  const f = texts(lang).followUp;
  const t = f.selfCheck.foundNotice;
  return view(
    t.summary(p),
    { type: 'header', text: t.title({ unit: p.unit }) },
    { type: 'text', text: t.text(p) },
    ...(p.standIn ? [{ type: 'context' as const, text: f.standIn({ unit: p.unit }) }] : []),
  );
}
