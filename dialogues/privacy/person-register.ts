import type { Database } from '../../store/database.js';
import { recordAudit } from '../../store/queries/audit-log.js';
import {
  collectPersonData,
  erasePerson,
  type PersonData,
  type Row,
  sectionNames,
} from '../../store/queries/person-data.js';
import type { AuditSource } from '../../store/schema/index.js';
import type { Catalogue } from '../texts/catalogue.js';

/**
 * Access and erasure (GDPR articles 15 and 17), one implementation for the command line
 * (`npm run gdpr`) and for administrators in chat (`setup gdpr …`). Both are idempotent: an
 * export changes nothing, and erasing an erased person finds nothing left to erase.
 */

/** Person keys as the org file writes them; anything else is refused before any look-up. */
export const PERSON_KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

export interface PersonExport extends PersonData {
  /** Said plainly in every extract: the reflection answers cannot be found, by design. */
  reflectionAnswers: string;
}

/** Who asks for an extract or an erasure, for the audit log: a person in chat, or the server. */
export type Requester = { actorPersonId: string | null; source: AuditSource; now: Date };

/**
 * The person's register extract; recorded in the audit log (who asked, about whom, when).
 * Null, and nothing recorded, when nothing is stored under the key.
 */
export async function exportPerson(
  db: Database,
  params: { personKey: string; t: Catalogue; requester: Requester | null },
): Promise<PersonExport | null> {
  const data = await collectPersonData(db, { personKey: params.personKey });
  if (!data) return null;
  const { id, ...person } = data.person;
  const by = params.requester;
  if (by) {
    await recordAudit(db, [
      {
        at: by.now,
        action: 'gdpr-export',
        subjectPersonId: String(id),
        actorPersonId: by.actorPersonId,
        source: by.source,
      },
    ]);
  }
  return { person, sections: data.sections, reflectionAnswers: params.t.gdpr.reflectionNote };
}

export interface Erasure {
  /** The stand-in row's id (no name, no key): what an audit record may name. */
  personId: string;
  /** Rows deleted or anonymised, per table. */
  counts: Record<string, number>;
  records: number;
}

/**
 * Erases everything stored about the person; shared records keep their counts and name the
 * stand-in, shown in the default language's words for a deleted person. Null: nothing stored
 * under the key (never was, or already erased).
 */
export async function erasePersonData(
  db: Database,
  params: { personKey: string; requester: Requester; defaultTexts: Catalogue },
): Promise<Erasure | null> {
  const { requester } = params;
  const erased = await erasePerson(db, {
    personKey: params.personKey,
    deletedName: params.defaultTexts.gdpr.deletedPerson,
    now: requester.now,
    audit: { actorPersonId: requester.actorPersonId, source: requester.source },
  });
  if (!erased) return null;
  const records = Object.values(erased.counts).reduce((a, b) => a + b, 0);
  return { ...erased, records };
}

/** The extract as plain lines: a heading per kind of record, one line per record. */
export function exportLines(
  t: Catalogue,
  data: PersonExport,
  options: { perSection?: number } = {},
): { heading: string; lines: string[] }[] {
  const limit = options.perSection ?? Number.POSITIVE_INFINITY;
  const g = t.gdpr;
  const parts = [{ heading: g.sections.person, lines: [describe(data.person)] }];
  for (const name of sectionNames) {
    const rows = data.sections[name];
    const lines = rows.slice(0, limit).map(describe);
    if (rows.length > limit) lines.push(g.more({ count: rows.length - limit }));
    parts.push({ heading: g.sections[name], lines: lines.length ? lines : [g.empty] });
  }
  return parts;
}

/** One record as `field: value · field: value`, dates as ISO, nothing left out. */
function describe(row: Row): string {
  return Object.entries(row)
    .map(([field, value]) => `${field}: ${format(value)}`)
    .join(' · ');
}

function format(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return '–';
  return String(value);
}
