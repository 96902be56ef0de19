/**
 * What a log line may say about an error. Database errors carry people's words: drizzle's
 * "Failed query: … params: …" holds every parameter, and Postgres messages quote values
 * ("invalid input syntax for type uuid: \"…\""). So a database error is told by the name of
 * its statement and its error code only; other errors by name and a short message.
 */
export function describeError(error: unknown): string {
  const query = queryOf(error);
  if (query !== null) {
    const code = codeOf((error as { cause?: unknown }).cause) ?? codeOf(error);
    return `DatabaseError: ${statementName(query)}${code ? ` code=${code}` : ''}`;
  }
  const code = codeOf(error);
  if (code && isDatabaseError(error)) return `DatabaseError: code=${code}`;
  if (error instanceof Error) {
    const message = error.message.length > 200 ? `${error.message.slice(0, 200)}…` : error.message;
    return `${error.name}: ${message}${code ? ` code=${code}` : ''}`;
  }
  return typeof error === 'string' ? 'Error (text withheld)' : `Error: ${typeof error}`;
}

/**
 * A statement's name from its SQL: the verb and the first table, e.g. `insert local_messages`
 * or `select people`. Never a value: drizzle sends every value as a parameter.
 */
export function statementName(query: string): string {
  const verb = /^\s*(\w+)/.exec(query)?.[1]?.toLowerCase() ?? 'query';
  const table = /\b(?:from|into|update)\s+"?([\w.]+)"?/i.exec(query)?.[1];
  return table ? `${verb} ${table}` : verb;
}

function queryOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const query = (error as { query?: unknown }).query;
  return typeof query === 'string' ? query : null;
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[\w-]{1,40}$/.test(code) ? code : null;
}

/** postgres.js's PostgresError and PGlite's DatabaseError: a SQLSTATE and a severity. */
function isDatabaseError(error: unknown): boolean {
  const e = error as { severity?: unknown; code?: unknown; name?: unknown };
  return (
    typeof e.severity === 'string' ||
    e.name === 'PostgresError' ||
    (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
  );
}
