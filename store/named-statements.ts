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
 * plans anew each time: for the first read of every request that was about 1.2 ms of the
 * server's CPU, a second write on the socket and a second wait (`npm run bench -- load`).
 * postgres.js keeps a connection's statements by their text, prepares again one whose tables
 * changed under it (an upgrade's migration), and drops them with the connection.
 */
export const named = (options?: Options): Options => ({ ...options, prepare: true });

/** Every statement sent on the pool itself (outside transactions) as a named one. */
export function nameEveryStatement(client: Sql): void {
  const unnamed = client.unsafe;
  const unsafe = (statement: string, params?: Params, options?: Options) =>
    unnamed.call(client, statement, params, named(options));
  Object.assign(client, { unsafe });
}
