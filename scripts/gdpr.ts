/**
 * `npm run gdpr -- export <person key> [--text] [--lang sv|en]`: everything Tillit stores
 * about the person (GDPR art. 15), as JSON (default) or readable text.
 * `npm run gdpr -- erase <person key>`: erases it (art. 17); shared records keep their counts
 * and show "borttagen person". Both idempotent. On the app's database (DATABASE_URL, else
 * ./data). Each run writes one audit line to standard error: what was done and to which
 * stand-in id, never a name or key.
 */
import { parseArgs } from 'node:util';
import { loadEnvFile } from '../bot/env-file.js';
import {
  erasePersonData,
  exportLines,
  exportPerson,
  PERSON_KEY,
} from '../dialogues/privacy/person-register.js';
import { texts } from '../dialogues/texts/catalogue.js';
import type { Database } from '../store/database.js';
import { openAppDatabase } from '../store/open-app-database.js';
import { findPersonIdByKey, vacuumErasedTables } from '../store/queries/person-data.js';
import type { Language } from '../store/schema/index.js';
import { readArgs } from './cli.js';

export const USAGE = `Usage:
  npm run gdpr -- export <person key> [--text] [--lang sv|en]
      everything Tillit stores about the person (register extract, GDPR art. 15): JSON, or
      readable text with --text
  npm run gdpr -- erase <person key>
      erases the person (GDPR art. 17): logins, roles, messages to them and Teams state are
      deleted; shared records (actions, SWOT items, votes, risks, open rounds' counts) stay
      and show "borttagen person". Cannot be undone.
Reflection answers are in neither: nothing links them to anyone.`;

export interface GdprIo {
  out(text: string): void;
  err(text: string): void;
}

/** Runs one command on `db`; returns the exit code. */
export async function runGdpr(
  argv: string[],
  db: Database,
  io: GdprIo,
  options: { now?: Date; defaultLang?: Language } = {},
): Promise<number> {
  const parsed = parse(argv);
  if (!parsed) {
    io.err(USAGE);
    return 2;
  }
  const defaultLang = options.defaultLang ?? 'sv';
  const t = texts(parsed.lang ?? defaultLang);
  const now = options.now ?? new Date();
  const personId = await findPersonIdByKey(db, parsed.key);
  // Recorded in the audit log too, as done on the server, by nobody in particular.
  const requester = { actorPersonId: null, source: 'command-line', now } as const;
  if (parsed.command === 'export') {
    const data = await exportPerson(db, { personKey: parsed.key, t, requester });
    audit(io, { event: 'gdpr.export', person: personId, found: data !== null, at: now });
    if (!data) {
      io.err(t.gdpr.unknown);
      return 1;
    }
    io.out(parsed.text ? asText(t, data) : JSON.stringify(data, null, 2));
    return 0;
  }
  const erased = await erasePersonData(db, {
    personKey: parsed.key,
    requester,
    defaultTexts: texts(defaultLang),
  });
  // The deleted rows leave every page now, not at autovacuum's leisure.
  if (erased) await vacuumErasedTables(db);
  audit(io, { event: 'gdpr.erase', person: personId, records: erased?.records ?? 0, at: now });
  if (!erased) {
    // Idempotent: erasing again finds nothing and says so, with success.
    io.out(t.gdpr.unknown);
    return 0;
  }
  io.out(JSON.stringify({ erased: true, counts: erased.counts }, null, 2));
  return 0;
}

type Parsed = { command: 'export' | 'erase'; key: string; text: boolean; lang?: Language };

function parse(argv: string[]): Parsed | null {
  let result: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    result = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: OPTIONS,
      allowPositionals: true,
    });
  } catch {
    return null;
  }
  const { values, positionals } = result;
  const [command, key = '', ...rest] = positionals;
  if (values.help || rest.length > 0 || !PERSON_KEY.test(key)) return null;
  if (command !== 'export' && command !== 'erase') return null;
  const lang = values.lang;
  if (lang !== undefined && lang !== 'sv' && lang !== 'en') return null;
  return { command, key, text: values.text === true, ...(lang ? { lang } : {}) };
}

const OPTIONS = {
  text: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function asText(t: ReturnType<typeof texts>, data: Awaited<ReturnType<typeof exportPerson>> & {}) {
  const lines = [t.gdpr.exportTitle({ name: String(data.person.name) }), ''];
  for (const part of exportLines(t, data)) {
    lines.push(`## ${part.heading}`, ...part.lines.map((l) => `- ${l}`), '');
  }
  lines.push(data.reflectionAnswers);
  return lines.join('\n');
}

/** The audit line: what was done, to which row id, when; no name, no key, nothing typed. */
function audit(io: GdprIo, entry: Record<string, unknown>) {
  io.err(JSON.stringify({ level: 'info', msg: 'gdpr', ...entry }));
}

async function main() {
  const argv = process.argv.slice(2);
  // --help and wrong calls are answered before the database is opened.
  readArgs({ usage: USAGE, options: OPTIONS, positionals: [2, 2] }, argv);
  loadEnvFile();
  const database = await openAppDatabase(process.env);
  try {
    const lang = process.env.LANG_DEFAULT === 'en' ? 'en' : 'sv';
    process.exitCode = await runGdpr(
      argv,
      database.db,
      { out: (text) => console.log(text), err: (text) => console.error(text) },
      { defaultLang: lang },
    );
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error('gdpr failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
