import { openAppDatabase } from '../store/open-app-database.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { startTillit } from './start-tillit.js';

/** `npm start`: read the environment, open and migrate the database, serve until SIGTERM. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  const log = createLogger(config.LOG_LEVEL);
  const database = await openAppDatabase(process.env);
  const tillit = await startTillit({ config, database, log });
  const channels = tillit.channels.map((c) => `${c.name} (${c.mode})`).join(', ') || 'none';
  log.info(`Tillit listens on ${tillit.url}`, { database: database.kind, channels });
  const shutdown = async (signal: string) => {
    log.info('shutting down', { signal });
    await tillit.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Tillit could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
