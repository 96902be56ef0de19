import type { Express } from 'express';
import type { DatabaseHandle } from '../store/database.js';
import { pendingMigrations } from '../store/migration-state.js';
import { databaseProbe } from './database-probe.js';

/**
 * What start-up learnt of the credentials (bot/startup-checks.ts): Slack `ok` (auth.test
 * accepted the token) or `unverified` (Slack did not answer then); Teams only `format-ok`, since
 * its secret can be tried only at the first message. A refused one stops the start instead.
 */
export interface CredentialStates {
  slack: 'ok' | 'unverified' | 'off';
  teams: 'format-ok' | 'emulator' | 'off';
}

/** Bounded like /healthz: an orchestrator must hear "not ready" at once. */
const PROBE_MS = 800;

/**
 * GET /readyz: whether this instance should get traffic. 200 when the database answers and
 * has every committed migration; 503 otherwise. Tells states only, never an address or a secret,
 * so it is as open as /healthz (a load balancer or kubelet asks it from outside).
 */
export function mountReadiness(
  app: Express,
  deps: { database: DatabaseHandle; credentials: CredentialStates | null },
): void {
  const reachable = databaseProbe(deps.database);
  // Migrations are never unapplied: once all are there, the check is done.
  let migrated = false;
  const migrations = async (): Promise<'ok' | 'pending' | 'unknown'> => {
    if (migrated) return 'ok';
    const pending = await withTimeout(pendingMigrations(deps.database.db), PROBE_MS);
    if (pending === 0) migrated = true;
    return pending === null ? 'unknown' : pending === 0 ? 'ok' : 'pending';
  };
  app.get('/readyz', async (_req, res) => {
    const database = (await reachable(PROBE_MS)) ? 'ok' : 'down';
    const migrationState = database === 'ok' ? await migrations() : 'unknown';
    const ready = database === 'ok' && migrationState === 'ok';
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not-ready',
      database,
      migrations: migrationState,
      credentials: deps.credentials ?? 'not-checked',
    });
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
