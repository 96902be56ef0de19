/**
 * `npm run import-org -- FILE`: makes the organisation in the database match FILE (YAML or
 * CSV, by its extension) and prints what changed. A bad file changes nothing: every problem
 * is printed as `FILE:LINE: message` and the exit code is 1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../bot/config.js';
import { loadEnvFile } from '../bot/env-file.js';
import { importOrg } from '../dialogues/setup/import-org.js';
import { parseOrgFile } from '../dialogues/setup/org-file.js';
import { openAppDatabase } from '../store/open-app-database.js';
import { readArgs } from './cli.js';
import { createProgress } from './progress.js';

const USAGE = `Usage: npm run import-org -- FILE
  makes the organisation in the app's database match FILE (.yaml, .yml or .csv) and prints
  what changed; a bad file changes nothing and each problem is printed as FILE:LINE: message
  (exit code 1). Progress goes to standard error.`;

async function main(): Promise<number> {
  const { positionals } = readArgs({ usage: USAGE, options: {}, positionals: [1, 1] });
  const file = positionals[0]!;
  loadEnvFile();
  // npm runs scripts in the package folder; a relative FILE means the folder npm was run from.
  const fullPath = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let text: string;
  try {
    text = readFileSync(fullPath, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read: ${(error as Error).message}`);
    return 1;
  }
  const parsed = parseOrgFile(file, text);
  if (!parsed.ok) {
    for (const problem of parsed.problems)
      console.error(`${file}:${problem.line}: ${problem.message}`);
    return 1;
  }
  // The same configuration as the server: role changes are announced in its language, and a
  // pair without a tertial holds for the tertial of the import in its time zone.
  let lang: 'sv' | 'en';
  let timeZone: string;
  try {
    ({ LANG_DEFAULT: lang, TZ_DEFAULT: timeZone } = loadConfig(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  const progress = createProgress('import-org');
  progress.step(1, 8, 'database');
  const database = await openAppDatabase(process.env);
  try {
    const changes = await importOrg(database.db, parsed.plan, {
      lang,
      timeZone,
      now: new Date(),
      // The import's seven steps after opening the database: eight in all.
      onStep: (index, total, step) => progress.step(index + 1, total + 1, step),
    });
    progress.end();
    console.log(changes.length > 0 ? changes.join('\n') : 'no changes');
  } finally {
    // A refusal or a failure starts on a line of its own, not on the live progress line.
    progress.end();
    await database.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('import-org failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
