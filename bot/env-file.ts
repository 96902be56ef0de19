import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads `.env` from the folder Tillit is started in (npm runs every script in the project
 * folder), when there is one. What the environment already says wins: a supervisor's or a
 * container's settings are never overridden by a file left on disk. Parsed here rather than
 * by `process.loadEnvFile`, whose precedence has not been the same in every Node version.
 * Returns the names it set, for the start-up line (never the values: they hold secrets).
 */
export function loadEnvFile(
  dir: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.env'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const set: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    set.push(name);
  }
  return set;
}
