import type { DatabaseHandle } from '../store/database.js';

/**
 * Whether the database answers within `withinMs`: /healthz and the request budget must not
 * hang on a database that is down (a blocked connect waits up to its own timeout). The
 * embedded database cannot be out of reach; a busy one only answers after the transaction
 * under way, which must not be mistaken for an outage.
 */
export function databaseProbe(database: Pick<DatabaseHandle, 'kind' | 'ping'>) {
  return async function reachable(withinMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), withinMs);
    });
    const ping = database.ping().then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The probe the request budget uses: the embedded database is always within reach. */
export function requestProbe(database: Pick<DatabaseHandle, 'kind' | 'ping'>) {
  const probe = databaseProbe(database);
  return database.kind === 'pglite' ? async () => true : probe;
}
