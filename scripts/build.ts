/**
 * `npm run build`: compiles bot/, dialogues/, store/ and scripts/ to dist/ (tsc with
 * tsconfig.build.json) and copies what the server reads from disk at run time beside the
 * compiled code, where `import.meta.url` finds it: the local page and the migrations.
 * `--if-stale` builds only when the sources differ from those of the last build; `npm start`
 * runs that first, so a fresh clone and an edited one both run what their sources say.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from './cli.js';

const USAGE = `Usage: npm run build [-- --if-stale]
  compiles the server and the scripts to dist/; production runs node dist/bot/main.js
  --if-stale   build only when the sources changed since the last build`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Everything the build reads: a change in any of them makes dist/ stale. */
const SOURCES = [
  'bot',
  'dialogues',
  'store',
  'scripts',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];
/** Not compiled into dist/ (it reads test helpers), so no reason to rebuild for it. */
const SKIPPED = new Set(['scripts/bench']);
/** Read from disk next to the code that uses them (import.meta.url), so copied as they are. */
const ASSETS = ['bot/local/page', 'store/migrations'];
const STAMP = '.build-stamp';

/** A hash of every source file's path and content: unlike mtimes, it survives git checkouts. */
export function sourceFingerprint(dir = root): string {
  const hash = createHash('sha256');
  const visit = (relative: string) => {
    if (SKIPPED.has(relative)) return;
    const full = path.join(dir, relative);
    if (!existsSync(full)) return;
    if (readdirSafe(full) === null) {
      hash.update(`${relative}\0`).update(readFileSync(full)).update('\0');
      return;
    }
    for (const name of readdirSafe(full)!.sort()) visit(path.posix.join(relative, name));
  };
  for (const source of SOURCES) visit(source);
  return hash.digest('hex');
}

function readdirSafe(full: string): string[] | null {
  try {
    return readdirSync(full);
  } catch {
    return null;
  }
}

function builtFingerprint(dist: string): string | null {
  try {
    return readFileSync(path.join(dist, STAMP), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Compiles into a directory of its own and then swaps it in, so a second `npm start` building
 * at the same moment, or one already running from dist/, never sees half a build.
 */
function build(fingerprint: string, options: { lenient: boolean }) {
  const dist = path.join(root, 'dist');
  const temp = path.join(root, `dist.building-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    const { status } = spawnSync(
      process.execPath,
      [tsc, '-p', 'tsconfig.build.json', '--outDir', temp],
      { cwd: root, stdio: 'inherit' },
    );
    // tsc's 2: type errors, but the JavaScript was written. `npm start` runs it anyway, as
    // tsx did before (a developer mid-edit); `npm run build`, what ships, refuses it.
    if (status === 2 && options.lenient) console.error('type errors above; starting anyway');
    else if (status !== 0) throw new Error(`tsc exited with ${status}`);
    for (const asset of ASSETS) {
      cpSync(path.join(root, asset), path.join(temp, asset), { recursive: true });
    }
    writeFileSync(path.join(temp, STAMP), fingerprint);
    rmSync(dist, { recursive: true, force: true });
    renameSync(temp, dist);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    // Another build of the same sources won the race: its dist/ is as good as ours.
    if (builtFingerprint(dist) === fingerprint) return;
    throw error;
  }
}

function main() {
  const { values } = readArgs({ usage: USAGE, options: { 'if-stale': { type: 'boolean' } } });
  const fingerprint = sourceFingerprint();
  if (values['if-stale'] && builtFingerprint(path.join(root, 'dist')) === fingerprint) return;
  const started = Date.now();
  console.error('building dist/ …');
  build(fingerprint, { lenient: values['if-stale'] === true });
  console.error(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (error) {
    console.error('build failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
