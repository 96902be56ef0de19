import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../scripts/progress.js';

/**
 * Every script behaves like a command-line tool: `--help` prints its usage and exits 0, an
 * option it does not know prints the usage and exits 2, both before anything is opened.
 */

const scripts = [
  'build',
  'migrate',
  'import-org',
  'demo',
  'export',
  'outbox',
  'gdpr',
  'slack-manifest',
  'teams-package',
  'bench/index',
];

type Run = { code: number | null; stdout: string; stderr: string };

function run(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // Nothing to connect to: a script that got past its arguments would fail, not hang.
    const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Two at a time: the machine has two cores, and each run starts a Node process. */
async function inPairs<T>(items: string[], work: (item: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < items.length; i += 2) {
    results.push(...(await Promise.all(items.slice(i, i + 2).map(work))));
  }
  return results;
}

describe('the scripts on the command line', () => {
  it('answer --help with their usage and exit 0', async () => {
    const runs = await inPairs(scripts, (script) => run(script, ['--help']));
    for (const [i, result] of runs.entries()) {
      expect({ script: scripts[i], code: result.code }, result.stderr).toEqual({
        script: scripts[i],
        code: 0,
      });
      expect(result.stdout, scripts[i]).toMatch(/^Usage:\s+npm run /);
      expect(result.stderr, scripts[i]).toBe('');
    }
  }, 120_000);

  it('answer an unknown option with what was wrong, the usage, and exit 2', async () => {
    const runs = await inPairs(scripts, (script) => run(script, ['--no-such-option']));
    for (const [i, result] of runs.entries()) {
      expect({ script: scripts[i], code: result.code }, result.stderr).toEqual({
        script: scripts[i],
        code: 2,
      });
      expect(result.stderr, scripts[i]).toContain("Unknown option '--no-such-option'");
      expect(result.stderr, scripts[i]).toMatch(/Usage:\s+npm run /);
      expect(result.stdout, scripts[i]).toBe('');
    }
  }, 120_000);

  it('refuses a wrong number of arguments with exit 2 (import-org without a file)', async () => {
    const result = await run('import-org', []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing argument');
  }, 30_000);
});

describe('progress of a long run', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    const fake = { isTTY, write: (text: string) => written.push(text) > 0 };
    return { fake: fake as unknown as NodeJS.WriteStream, written };
  };

  it('is one plain line a step when not on a terminal (a log, a pipe)', () => {
    let now = 0;
    const { fake, written } = stream(false);
    const progress = createProgress('import-org', fake, () => now);
    progress.step(1, 6, 'units');
    now = 2_500;
    progress.step(3, 6, 'people');
    progress.end();
    expect(written).toEqual([
      'import-org: 1/6 units (0.0 s)\n',
      'import-org: 3/6 people (2.5 s)\n',
    ]);
  });

  it('rewrites one line on a terminal, and ends it', () => {
    const { fake, written } = stream(true);
    const progress = createProgress('demo', fake, () => 0);
    progress.step(1, 7, 'database');
    progress.step(2, 7, 'units');
    progress.end();
    expect(written).toEqual([
      '\r\x1b[2Kdemo: 1/7 database (0.0 s)',
      '\r\x1b[2Kdemo: 2/7 units (0.0 s)',
      '\n',
    ]);
  });
});
