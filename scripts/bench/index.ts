/**
 * `npm run bench -- <name>`: runs one benchmark (or all, with no name). Each prints its rate
 * against a baseline measured in the same run. Not part of `npm test`. A new bench is one
 * line in the list below: a module exporting `run()`.
 */
import { readArgs, usageError } from '../cli.js';

const benches: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  reflection: () => import('./reflection.js'),
  outbox: () => import('./outbox.js'),
  summary: () => import('./summary.js'),
  personnummer: () => import('./personnummer.js'),
  load: () => import('./load.js'),
  'slack-transport': () => import('./slack-transport.js'),
};

const cli = {
  usage: `Usage: npm run bench -- [NAME …]
  runs the named benchmarks (default: all), each against a baseline measured in the same run
  NAME: ${Object.keys(benches).join(', ')}`,
  options: {},
  positionals: [0, Object.keys(benches).length],
} as const;

async function main() {
  const { positionals } = readArgs(cli);
  const names = positionals.length ? positionals : Object.keys(benches);
  const unknown = names.find((name) => !benches[name]);
  if (unknown) usageError(cli, `unknown bench "${unknown}"`);
  for (const name of names) await (await benches[name]!()).run();
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
