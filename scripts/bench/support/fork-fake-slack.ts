import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

export interface ForkedFakeSlack {
  /** The fake's Web API base URL. */
  url: string;
  child: ChildProcess;
  /** Asks the fake over IPC (`stats` or `calls`, see fake-slack-process.ts) and waits for it. */
  ask<T>(type: 'stats' | 'calls'): Promise<T>;
}

/**
 * The fake Slack Web API in a process of its own (scripts/bench/fake-slack-process.ts), so
 * answering it takes no CPU from what a bench measures; `perSecond` is the workspace limit it
 * enforces with 429s. Resolves once it prints its URL.
 */
export function forkFakeSlack(perSecond: number): Promise<ForkedFakeSlack> {
  const child = fork(path.join(root, 'scripts/bench/fake-slack-process.ts'), [], {
    cwd: root,
    env: { ...process.env, PER_SECOND: String(perSecond) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const ask = <T>(type: 'stats' | 'calls') =>
    new Promise<T>((resolve) => {
      child.once('message', (message) => resolve(message as T));
      child.send({ type });
    });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const url = /url (\S+)/.exec(chunk.toString())?.[1];
      if (url) resolve({ url, child, ask });
    });
    child.once('exit', (code) => reject(new Error(`fake Slack API exited (${code})`)));
  });
}
