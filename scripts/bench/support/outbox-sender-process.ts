/**
 * A sender in a process of its own, for the crash test and the outbox bench: it runs against the database at
 * OUTBOX_DATABASE_URL and the fake Slack API at SLACK_API_URL until it is killed. It prints
 * `pid <n>` once running, so the test can kill -9 this very process (not a wrapper).
 * HOLD_AFTER_POST_MS keeps each message between "posted" and "marked sent" a little longer,
 * so a kill is sure to leave rows in that window.
 */
import { createClock } from '../../../bot/clock.js';
import { createLogger } from '../../../bot/log.js';
import type { Deliverer } from '../../../bot/outbox/deliverer.js';
import { createSender } from '../../../bot/outbox/sender.js';
import { createSlackDeliverer } from '../../../bot/slack/slack-deliverer.js';
import { openDatabase } from '../../../store/database.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const database = await openDatabase({ kind: 'postgres', url: env('OUTBOX_DATABASE_URL') });
const slack = createSlackDeliverer({
  botToken: 'xoxb-test',
  apiUrl: env('SLACK_API_URL'),
  rate: {
    perSecond: Number(process.env.RATE_PER_SECOND ?? 500),
    burst: Number(process.env.RATE_BURST ?? 25),
  },
  timeoutMs: Number(process.env.SLACK_TIMEOUT_MS ?? 10_000),
});
const holdMs = Number(process.env.HOLD_AFTER_POST_MS ?? 0);
const holding: Deliverer = {
  ...slack,
  async deliver(delivery) {
    const delivered = await slack.deliver(delivery);
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
    return delivered;
  },
};
const sender = createSender({
  db: database.db,
  clock: createClock(),
  log: createLogger('warn', (line) => process.stderr.write(`${line}\n`)),
  deliverers: [holding],
  workerId: env('WORKER_ID'),
  leaseMs: Number(process.env.LEASE_MS ?? 60_000),
  idlePollMs: 50,
});
sender.start();
process.stdout.write(`pid ${process.pid}\n`);
process.once('SIGTERM', async () => {
  await sender.stop();
  await database.close();
  process.exit(0);
});
