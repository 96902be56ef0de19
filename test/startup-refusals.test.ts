import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../bot/env-file.js';
import { type FakeSlackApi, startFakeSlackApi } from '../scripts/bench/support/fake-slack-api.js';

/**
 * `npm start` with a setting that cannot work stops with one line and exit code 1 before it
 * listens: as a supervisor sees it, from the outside. Each run starts in a folder of its own,
 * so a `.env` there is the only one it can read.
 */

const main = path.resolve('bot/main.ts');
const tsx = import.meta.resolve('tsx');
const folders: string[] = [];
let slack: FakeSlackApi;

beforeAll(async () => {
  slack = await startFakeSlackApi({
    handlers: {
      // Slack knows one bot token, and no app-level token.
      'auth.test': (_args, call) =>
        call.token === 'xoxb-known-to-slack'
          ? { team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' }
          : { ok: false, error: 'invalid_auth' },
      'apps.connections.open': () => ({ ok: false, error: 'invalid_auth' }),
    },
  });
});
afterAll(async () => {
  await slack.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(envFile?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tillit-start-'));
  folders.push(dir);
  if (envFile !== undefined) writeFileSync(path.join(dir, '.env'), envFile);
  return dir;
}

/** The machine's environment without anything Tillit reads, plus `env`. */
function cleanEnv(dir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      /^(DATABASE_URL|HOST|PORT|SLACK_|MICROSOFT_|TEAMS_|LOCAL_CHANNEL|TIME_TRAVEL|LANG_)/.test(
        name,
      )
    )
      continue;
    clean[name] = value;
  }
  return { ...clean, PORT: '0', TILLIT_DATA_DIR: path.join(dir, 'data'), ...env };
}

async function start(
  env: Record<string, string>,
  dir = folder(),
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', tsx, main], {
    cwd: dir,
    env: cleanEnv(dir, env),
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
  // A start that was not refused listens: stop it, so the test fails instead of hanging.
  const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const slackEnv = () => ({
  SLACK_BOT_TOKEN: 'xoxb-refused-by-slack',
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_API_URL: slack.url,
});

describe('start-up refusals', () => {
  it('refuses a Slack token that auth.test answers invalid_auth: one line, exit 1, before listening', async () => {
    const run = await start(slackEnv());
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Tillit could not start: SLACK_BOT_TOKEN: Slack refuses the token \(invalid_auth\)/,
      ),
    ]);
    expect(run.stdout).not.toContain('listens');
    expect(run.stdout + run.stderr).not.toContain('xoxb-refused-by-slack');
    expect(slack.calls.some((c) => c.method === 'auth.test')).toBe(true);
  }, 60_000);

  it('refuses a Socket Mode app token Slack does not know, after a good bot token', async () => {
    const run = await start({
      SLACK_BOT_TOKEN: 'xoxb-known-to-slack',
      SLACK_APP_TOKEN: 'xapp-refused-by-slack',
      SLACK_API_URL: slack.url,
    });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Tillit could not start: SLACK_APP_TOKEN: Slack refuses the token \(invalid_auth\)/,
      ),
    ]);
    expect(run.stdout).not.toContain('listens');
    expect(run.stdout + run.stderr).not.toContain('xapp-refused-by-slack');
  }, 60_000);

  it('refuses a database it cannot reach, naming it without its password', async () => {
    const url = `postgres://tillit:hemligt@127.0.0.1:${await closedPort()}/tillit`;
    const run = await start({ DATABASE_URL: url });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Tillit could not start: DATABASE_URL: cannot use the database at postgres:\/\/tillit@127\.0\.0\.1:\d+\/tillit: .+/,
      ),
    ]);
    expect(run.stdout).not.toContain('listens');
    expect(run.stdout + run.stderr).not.toContain('hemligt');
  }, 60_000);

  it('refuses Teams credentials that cannot be an Azure app id', async () => {
    const run = await start({
      MICROSOFT_APP_ID: 'tillit-bot',
      MICROSOFT_APP_PASSWORD: 'not-checked-here',
      MICROSOFT_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555',
    });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Tillit could not start: MICROSOFT_APP_ID: not an Azure app id/),
    ]);
    expect(run.stdout).not.toContain('listens');
    expect(run.stdout + run.stderr).not.toContain('not-checked-here');
  }, 60_000);
});

describe('.env', () => {
  it('is read from the folder Tillit starts in, and the environment wins over it', async () => {
    const port = await closedPort();
    const dir = folder(
      `LANG_DEFAULT=xx\nDATABASE_URL="postgres://tillit@127.0.0.1:${port}/from-env-file"\n`,
    );
    // Only the file says LANG_DEFAULT: its bad value stops the start, so the file was read.
    const fromFile = await start({}, dir);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toMatch(/^Configuration error: LANG_DEFAULT: /);
    // The environment's LANG_DEFAULT wins; the file's DATABASE_URL is the one used.
    const overridden = await start({ LANG_DEFAULT: 'en' }, dir);
    expect(overridden.code).toBe(1);
    expect(overridden.stderr).toContain(`127.0.0.1:${port}/from-env-file`);
  }, 60_000);

  it('sets only what the environment leaves unset, and nothing without a file', () => {
    const dir = folder('A=from file\nB="quoted # not a comment"\nC=3\n');
    const env: NodeJS.ProcessEnv = { A: 'from the environment', C: '' };
    expect(loadEnvFile(dir, env).sort()).toEqual(['B']);
    expect(env).toEqual({ A: 'from the environment', B: 'quoted # not a comment', C: '' });
    expect(loadEnvFile(folder(), env)).toEqual([]);
  });
});
