import type postgres from 'postgres';

type Sql = postgres.Sql;
type Params = Parameters<Sql['unsafe']>[1];
type Options = Parameters<Sql['unsafe']>[2];

/**
 * A statement's options with `prepare` on: postgres.js names the statement and prepares it
 * once per connection.
 *
 * drizzle asks postgres.js for unnamed statements, and postgres.js sends an unnamed statement
 * with parameters in two round trips (describe, then execute) that the server parses and
 * plans anew each time: the first read of every request took 1.4 ms that way and 0.16 ms as
 * a named statement, one round trip instead of two (`npm run bench -- load` shows the rest).
 * PostgreSQL plans a prepared statement again when its tables change (another instance's
 * migration); only a change in the columns it returns fails it, and postgres.js then prepares
 * it again (README, "Upgrades", keeps such changes for a full stop). postgres.js keeps a
 * connection's statements by their text and drops them with the connection, which it
 * replaces every 30 to 60 minutes: texts that vary (a list of n ids has n placeholders) do
 * not pile up.
 */
export const named = (options?: Options): Options => ({ ...options, prepare: true });

/** Every statement sent on the pool itself (outside transactions) as a named one. */
export function nameEveryStatement(client: Sql): void {
  const unnamed = client.unsafe;
  const unsafe = (statement: string, params?: Params, options?: Options) =>
    unnamed.call(client, statement, params, named(options));
  Object.assign(client, { unsafe });
}
