import { ConfigError, loadConfig } from './config.js';
import { routeConsoleTo } from './console-to-log.js';
import { loadEnvFile } from './env-file.js';
import { createLogger } from './log.js';
import { startTillit } from './start-tillit.js';
import { checkCredentials, openDatabaseOrRefuse } from './startup-checks.js';

/**
 * /healthz answers 503 this long before the server stops accepting, so a load balancer that
 * polls it stops sending here first; requests that still come are served.
 */
const DRAIN_MS = 1_000;
/** Within the 10 s a supervisor (systemd, Kubernetes, npm) waits before SIGKILL. */
const SHUTDOWN_DEADLINE_MS = 9_000;

/** `npm start`: read the environment, open and migrate the database, serve until SIGTERM or SIGINT. */
async function main() {
  // Before the config is read: `.env` fills in what the environment leaves unset.
  const fromFile = loadEnvFile();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  const log = createLogger(config.LOG_LEVEL);
  // botbuilder writes its own errors to the console: they come out as Tillit's JSON lines too.
  routeConsoleTo(log);
  if (fromFile.length > 0) log.info('read .env', { variables: fromFile.length });
  // Refused credentials and an unusable database stop the start before anything listens.
  const credentials = await checkCredentials(config, log);
  const database = await openDatabaseOrRefuse(process.env);
  const tillit = await startTillit({ config, database, log, credentials });
  const channels = tillit.channels.map((c) => `${c.name} (${c.mode})`).join(', ') || 'none';
  log.info(`Tillit listens on ${tillit.url}`, { database: database.kind, channels });
  // Twice the same signal is common (Ctrl+C reaches npm and node, and npm passes it on too):
  // the first starts the shutdown, the rest change nothing.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const deadline = setTimeout(() => {
      log.error('shutdown took too long, exiting anyway', { signal });
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    try {
      await tillit.stop({ drainMs: DRAIN_MS });
      await database.close();
    } catch (error) {
      log.error('shutdown failed', { error });
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // A person reads this one line, not a log shipper: plain text on standard error.
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Tillit could not start: ${reason}\n`);
  process.exit(1);
});
