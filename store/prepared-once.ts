import { type Placeholder, sql } from 'drizzle-orm';
import type { Database } from './database.js';

/** What drizzle's `.prepare()` gives: the statement's text kept, run with values. */
interface Prepared<Result> {
  execute(values?: Record<string, unknown>): Promise<Result>;
}

/** The parts of drizzle this relies on (see below): a database's session and its client. */
interface Session {
  client?: unknown;
}

/** A place in the statement for a value given at each run: `p('ownerId')`. */
export type PlaceholderFor<Values> = <Key extends keyof Values & string>(
  key: Key,
) => Placeholder<Key, Values[Key]>;

/**
 * A statement whose SQL drizzle builds once per process, then runs on whatever database or
 * transaction each call is given, with that call's values in its placeholders.
 *
 * drizzle builds a query's text anew at every call: for the first read of every request that
 * was 0.3–0.45 ms of CPU, where running the built statement costs about 0.06 ms, and under a
 * burst of requests that CPU is the wait of everyone behind (`npm run bench -- load`).
 * drizzle's own `.prepare()` keeps the text, but bound to one session, and every request runs
 * in a transaction of its own. So the prepared query is made once (for each driver's session:
 * the server's and the embedded database's differ), and each call runs a copy of it on the
 * caller's own connection: its transaction, with its snapshot and its locks.
 *
 * Two of drizzle's inner fields make this work, on both drivers: a database's `session`, and
 * the `client` its prepared queries run on. Should an upgrade rename them, the first call
 * fails loudly (every request makes one) instead of running outside its transaction.
 */
export function preparedOnce<Values extends Record<string, unknown>, Result>(
  name: string,
  build: (db: Database, p: PlaceholderFor<Values>) => { prepare(name: string): Prepared<Result> },
): (db: Database, values: Values) => Promise<Result> {
  const templates = new Map<unknown, Prepared<Result>>();
  const p = ((key: string) => sql.placeholder(key)) as PlaceholderFor<Values>;
  return (db, values) => {
    const session = sessionOf(db, name);
    let template = templates.get(session.constructor);
    if (!template) {
      template = build(db, p).prepare(name);
      if (!('client' in template)) throw unknownDrizzle(name, 'a prepared query has no client');
      templates.set(session.constructor, template);
    }
    const copy = Object.create(template) as Prepared<Result> & Session;
    copy.client = session.client;
    return copy.execute(values);
  };
}

function sessionOf(db: Database, name: string): Session & { constructor: unknown } {
  const session = (db as unknown as { session?: Session }).session;
  if (!session || !('client' in session)) throw unknownDrizzle(name, 'a database has no client');
  return session as Session & { constructor: unknown };
}

const unknownDrizzle = (name: string, what: string) =>
  new Error(`prepared statement ${name}: ${what}; store/prepared-once.ts needs updating`);
