import type { Database } from '../../store/database.js';
import { enqueueOutboxMany, type OutboxMessage } from '../../store/queries/outbox.js';
import { listRiskDialoguesOfUnits } from '../../store/queries/risk-dialogues.js';
import {
  listExistingOutboxKeys,
  listManagersOfUnits,
  listRiskSeasons,
} from '../../store/queries/risk-seasons.js';
import { listAllUnits, type Unit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';
import { DEFAULT_LANG } from '../core/defaults.js';
import { nearestManagers } from '../core/nearest-managers.js';
import { toLocalTime } from '../dialogue/local-time.js';
import { texts } from '../texts/catalogue.js';
import type { View } from '../view.js';
import { monthsText, type Season, seasonOf, seasonWindow } from './season.js';

/** How long after a season closes the "not held" nudge may still go out. */
const LATE_GRACE_MS = 14 * 24 * 3_600_000;

type Kind = 'open' | 'late';
interface Due {
  kind: Kind;
  unit: Unit;
  year: number;
  season: Season;
}

/**
 * The season tick: each unit's managers (or, for a unit without one, the nearest manager above
 * or the leaders) are nudged when the unit's risk-dialogue window
 * opens (unless a dialogue of the year already exists), and once more when it has closed
 * without a closed risk dialogue of the year. Keys `risk-season-open:<unit>:<year>:<person>`
 * and `risk-season-late:<unit>:<year>:<person>` make each nudge one row however often the
 * tick runs, on however many instances.
 */
export async function sendSeasonNudges(
  db: Database,
  params: { now: Date; defaultLang?: Language },
): Promise<{ enqueued: number }> {
  const due = await findDue(db, params.now);
  if (due.length === 0) return { enqueued: 0 };
  const managers = await listManagersOfUnits(db, { unitIds: due.map((d) => d.unit.id) });
  const messages: OutboxMessage[] = [];
  for (const d of due) {
    // A unit without a manager is nudged through who stands in for one (nearest-managers.ts).
    const own = managers.filter((x) => x.unitId === d.unit.id);
    const recipients = own.length ? own : (await nearestManagers(db, d.unit.id)).people;
    for (const m of recipients) {
      messages.push({
        key: `risk-season-${d.kind}:${d.unit.id}:${d.year}:${m.personId}`,
        target: { kind: 'person', personId: m.personId },
        notBefore: params.now,
        view: nudgeView(m.lang ?? params.defaultLang ?? DEFAULT_LANG, d),
      });
    }
  }
  const existing = await listExistingOutboxKeys(db, { keys: messages.map((m) => m.key) });
  const missing = messages.filter((m) => !existing.has(m.key));
  return { enqueued: await enqueueOutboxMany(db, missing) };
}

/** The units whose window is open (or closed within the grace) and still need a nudge. */
async function findDue(db: Database, now: Date): Promise<Due[]> {
  const [units, seasons] = await Promise.all([listAllUnits(db), listRiskSeasons(db)]);
  const own = new Map(seasons.map((s) => [s.unitId, s]));
  const candidates: Due[] = [];
  for (const unit of units) {
    const season = seasonOf(unit.level, own.get(unit.id));
    const thisYear = toLocalTime(now, unit.timezone).year;
    // Last year's season may still be open or just closed (a December–January season).
    for (const year of [thisYear - 1, thisYear]) {
      const { opens, closes } = seasonWindow(season, year, unit.timezone);
      if (now >= opens && now < closes) candidates.push({ kind: 'open', unit, year, season });
      else if (now >= closes && now.getTime() < closes.getTime() + LATE_GRACE_MS) {
        candidates.push({ kind: 'late', unit, year, season });
      }
    }
  }
  const due: Due[] = [];
  for (const year of new Set(candidates.map((c) => c.year))) {
    const ofYear = candidates.filter((c) => c.year === year);
    const held = await listRiskDialoguesOfUnits(db, {
      unitIds: ofYear.map((c) => c.unit.id),
      year,
    });
    for (const c of ofYear) {
      const mine = held.filter((h) => h.unitId === c.unit.id);
      const needed = c.kind === 'open' ? mine.length === 0 : !mine.some((h) => h.closedAt);
      if (needed) due.push(c);
    }
  }
  return due;
}

function nudgeView(lang: Language, due: Due): View {
  const t = texts(lang);
  const months = monthsText(t, due.season);
  const [title, text] =
    due.kind === 'open'
      ? [
          t.risk.nudge.openTitle,
          t.risk.nudge.open({
            unit: due.unit.name,
            level: t.risk.levelNames[due.unit.level],
            months,
          }),
        ]
      : [t.risk.nudge.lateTitle, t.risk.nudge.late({ unit: due.unit.name, months })];
  return {
    summary: title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text },
    ],
  };
}
