import { type DatabaseHandle, type DatabaseTarget, openDatabase } from './database.js';

/** The two variables that say where the data lives; `process.env` fits. */
export type DatabaseEnv = { readonly [name: string]: string | undefined };

/**
 * Where the bot and every script keep their data: the Postgres server at DATABASE_URL, or
 * else the embedded database in TILLIT_DATA_DIR (./data). One place, so `npm run import-org`
 * can never write to another database than `npm start` reads.
 */
export function appDatabaseTarget(env: DatabaseEnv): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: env.TILLIT_DATA_DIR?.trim() || './data' };
}

/** Opens the app's database and brings its schema up to date. */
export async function openAppDatabase(env: DatabaseEnv): Promise<DatabaseHandle> {
  const handle = await openDatabase(appDatabaseTarget(env));
  try {
    await handle.migrate();
  } catch (error) {
    // Release the embedded database's lock file and connections before giving up.
    await handle.close();
    throw error;
  }
  return handle;
}
