/**
 * `npm run bench -- <name>`: runs one benchmark (or all, with no name). Each prints its rate
 * against a baseline measured in the same run. Not part of `npm test`. A new bench is one
 * line in the list below: a module exporting `run()`.
 */
const benches: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  reflection: () => import('./reflection.js'),
  outbox: () => import('./outbox.js'),
  summary: () => import('./summary.js'),
  personnummer: () => import('./personnummer.js'),
};

async function main() {
  const asked = process.argv.slice(2).filter((a) => a !== '--');
  const names = asked.length ? asked : Object.keys(benches);
  for (const name of names) {
    const load = benches[name];
    if (!load) {
      console.error(`unknown bench "${name}"; known: ${Object.keys(benches).join(', ')}`);
      process.exitCode = 2;
      return;
    }
    await (await load()).run();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
