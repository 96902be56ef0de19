/**
 * `npm run bench -- slack-transport`: the CPU one Slack Web API call costs this process through
 * Tillit's transport (undici's request API, bot/slack/slack-transport.ts) against the Web API
 * client's default (fetch), in the same run: N chat.postEphemeral calls with a reply's blocks,
 * C at a time, against the fake Slack API in a process of its own. Each call goes through the
 * whole client (queue, retries, form encoding), whose own work both share. Target: the
 * transport at most 0.6× fetch's CPU per call (it is why it exists).
 *
 * Env: BENCH_CALLS (3,000), BENCH_CONCURRENCY (50).
 */
import { webApi } from '@slack/bolt';
import type { FetchFunction } from '@slack/web-api';
import { slackTransport } from '../../bot/slack/slack-transport.js';
import { forkFakeSlack } from './support/fork-fake-slack.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 3_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const TARGET = 0.6;

/** A reply as a click gets it: a header and a few lines. */
const blocks = [
  { type: 'header', text: { type: 'plain_text', text: 'Alla mina åtgärder' } },
  ...Array.from({ length: 6 }, (_, i) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `• Åtgärd ${i}: ringa anhöriga före fredag` },
  })),
];

export async function run(): Promise<void> {
  const fake = await forkFakeSlack(1_000_000);
  try {
    const transports: [string, FetchFunction | undefined][] = [
      ['fetch (default)', undefined],
      ['slackTransport', slackTransport],
    ];
    const cpu = new Map<string, number[]>();
    // Alternating rounds, so the machine's other work falls on both alike.
    for (let round = 0; round < 3; round++) {
      for (const [name, fetch] of transports) {
        const perCall = await measure(fake.url, fetch);
        cpu.set(name, [...(cpu.get(name) ?? []), perCall]);
      }
    }
    const best = (name: string) => Math.min(...(cpu.get(name) ?? []));
    const [base, ours] = [best('fetch (default)'), best('slackTransport')];
    console.log(`Slack Web API calls (${CALLS}, ${CONCURRENCY} at a time), CPU of this process:`);
    console.log(`  fetch (default):  ${base.toFixed(0)} µs per call`);
    console.log(`  slackTransport:   ${ours.toFixed(0)} µs per call`);
    const ratio = ours / base;
    const met = ratio <= TARGET;
    console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×: ${met ? 'met' : 'NOT met'})`);
    if (!met) process.exitCode = 1;
  } finally {
    fake.child.kill('SIGTERM');
  }
}

/** CPU (user + system) of this process per call, µs, after a warm-up. */
async function measure(url: string, fetch: FetchFunction | undefined): Promise<number> {
  const client = new webApi.WebClient('xoxb-bench', { slackApiUrl: url, fetch });
  const call = () => client.chat.postEphemeral({ channel: 'C0B', user: 'U0B', text: 'x', blocks });
  const burst = async (n: number) => {
    for (let done = 0; done < n; done += CONCURRENCY) {
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, n - done) }, call));
    }
  };
  await burst(500);
  const before = process.cpuUsage();
  await burst(CALLS);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / CALLS;
}
