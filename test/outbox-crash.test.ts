import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../scripts/bench/support/fake-slack-api.js';
import {
  createSlackPeople,
  enqueuePrompts,
  outboxKeyOf,
} from '../scripts/bench/support/outbox-fixtures.js';
import { type DatabaseHandle, openDatabase } from '../store/database.js';
import { countOutboxByStatus, getOutboxRow } from '../store/queries/outbox.js';

const serverUrl = process.env.TEST_DATABASE_URL;

/** A sender process; resolves once it runs, with the pid of the node process doing the work. */
function startSenderProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawn('npx', ['tsx', 'scripts/bench/support/outbox-sender-process.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const pid = /pid (\d+)/.exec(chunk.toString())?.[1];
      if (pid) resolve({ child, pid: Number(pid) });
    });
    child.once('exit', (code) =>
      reject(new Error(`sender exited (${code}): ${errors.slice(-2000)}`)),
    );
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 45_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(!serverUrl)(
  'outbox sender killed mid-batch (Postgres server only: PGlite is in-process)',
  () => {
    let admin: postgres.Sql;
    let name: string;
    let url: string;
    let handle: DatabaseHandle;
    let api: FakeSlackApi;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      name = `tillit_test_${randomBytes(6).toString('hex')}`;
      await admin.unsafe(`create database ${name}`);
      const parsed = new URL(serverUrl!);
      parsed.pathname = `/${name}`;
      url = parsed.toString();
      handle = await openDatabase({ kind: 'postgres', url });
      await handle.migrate();
      api = await startFakeSlackApi();
    });
    afterAll(async () => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await handle?.close();
      await api?.close();
      await admin?.unsafe(`drop database if exists ${name} with (force)`);
      await admin?.end();
    });

    it('loses nothing and sends nothing twice after kill -9 and a restart', {
      timeout: 90_000,
    }, async () => {
      const keys = await enqueuePrompts(
        handle.db,
        'crash',
        await createSlackPeople(handle.db, 1_000),
      );
      const env = {
        OUTBOX_DATABASE_URL: url,
        SLACK_API_URL: api.url,
        LEASE_MS: '3000',
        SLACK_TIMEOUT_MS: '1000',
      };

      const doomed = await startSenderProcess({
        ...env,
        WORKER_ID: 'doomed',
        HOLD_AFTER_POST_MS: '200',
      });
      children.push(doomed.child);
      await waitUntil(() => api.callsOf('chat.postMessage').length >= 300);
      process.kill(doomed.pid, 'SIGKILL');
      await exited(doomed.child);

      const postedBeforeRestart = api.callsOf('chat.postMessage').length;
      const atKill = await countOutboxByStatus(handle.db);
      expect(postedBeforeRestart).toBeLessThan(1_000);
      // The kill left messages posted and not yet marked: those must be found, not resent.
      expect(atKill.sending).toBeGreaterThan(0);
      expect(atKill.sent).toBeLessThan(postedBeforeRestart);

      const restarted = await startSenderProcess({ ...env, WORKER_ID: 'restarted' });
      children.push(restarted.child);
      await waitUntil(async () => (await countOutboxByStatus(handle.db)).sent === 1_000);
      restarted.child.kill('SIGTERM');
      await exited(restarted.child);

      const posted = api.callsOf('chat.postMessage').map((c) => outboxKeyOf(c.args));
      expect(posted).toHaveLength(1_000);
      expect(new Set(posted)).toEqual(new Set(keys));
      expect(api.callsOf('conversations.history').length).toBeGreaterThan(0);
      expect(await countOutboxByStatus(handle.db)).toEqual({
        queued: 0,
        sending: 0,
        sent: 1_000,
        failed: 0,
      });
      const sample = await getOutboxRow(handle.db, { key: keys[0]! });
      expect(api.messagesIn(sample!.sentChannelId!).map((m) => m.ts)).toEqual([sample!.messageId]);
    });
  },
);
