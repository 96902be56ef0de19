import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as an operator runs it, stopped the way a supervisor stops it: a signal to npm's
 * own pid. npm passes it to its child; the start script `exec`s node, so node is that child.
 */

const STOP_WITHIN_MS = 10_000;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tillit-signals-'));
let npm: ChildProcess | null = null;
afterAll(() => {
  // Whatever happened, no process of this test outlives it.
  if (npm?.pid && groupAlive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** The environment of a fresh installation: nothing configured, an empty embedded database. */
function cleanEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(DATABASE_URL|HOST|SLACK_|MICROSOFT_|TEAMS_|LOCAL_CHANNEL|TIME_TRAVEL)/.test(name))
      continue;
    env[name] = value;
  }
  return { ...env, PORT: String(port), TILLIT_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
}

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The status of GET /healthz, or 0 when nothing answers. */
function health(base: string): Promise<number> {
  return new Promise((resolve) => {
    const sent = request(`${base}/healthz`, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', () => resolve(0));
    sent.on('timeout', () => sent.destroy());
    sent.end();
  });
}

/**
 * A request in flight: headers and half the body now, the rest when asked. The server cannot
 * answer before the body is complete, so it is still under way when the signal comes.
 */
function halfSentCommand(base: string, person: string) {
  const body = JSON.stringify({ person, channel: null, text: 'help' });
  let finish = () => {};
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const sent = request(
      `${base}/local/command`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    sent.on('error', reject);
    sent.write(body.slice(0, 10));
    finish = () => sent.end(body.slice(10));
  });
  return { answer, finish: () => finish() };
}

describe('npm start and signals', () => {
  it('stops on SIGTERM to npm within 10 s: 503 at once, the request in flight answered, exit 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // A process group of its own, so the test can see that every process of it has gone.
    npm = spawn('npm', ['start'], { env: cleanEnv(port), detached: true, stdio: 'pipe' });
    let output = '';
    npm.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    npm.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const exited = once(npm, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    // Start-up (migrations, the demo organisation) takes seconds on a busy machine.
    await expect.poll(() => health(base), { timeout: 120_000, interval: 250 }).toBe(200);
    const people = await fetch(`${base}/local/people`).then(
      (r) => r.json() as Promise<{ people: { key: string }[] }>,
    );
    const inFlight = halfSentCommand(base, people.people[0]!.key);

    const signalled = Date.now();
    process.kill(npm.pid!, 'SIGTERM');
    const statuses: number[] = [];
    let stoppedAt: number | null = null;
    void exited.then(() => {
      stoppedAt = Date.now();
    });
    setTimeout(() => inFlight.finish(), 300);
    while (stoppedAt === null && Date.now() - signalled < STOP_WITHIN_MS + 5_000) {
      statuses.push(await health(base));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [code, signal] = await exited;
    const tookMs = (stoppedAt ?? Date.now()) - signalled;

    expect({ code, signal }, output).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(STOP_WITHIN_MS);
    // Once node has the signal (npm passes it on within moments), /healthz says "do not send
    // here" until the server stops answering at all; never "ok" again.
    const draining = statuses.indexOf(503);
    expect(draining, statuses.join(' ')).toBeGreaterThanOrEqual(0);
    expect(statuses.slice(draining), statuses.join(' ')).not.toContain(200);
    const answered = await inFlight.answer;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toHaveProperty('lang');
    // npm and node both gone: nothing of the group is left running.
    await expect.poll(() => groupAlive(npm!.pid!), { timeout: 2_000 }).toBe(false);
    expect(output).toContain('shutting down');
  }, 180_000);
});
