import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgFile } from '../dialogues/setup/org-file.js';
import { sendEvent, sendSlashCommand } from '../scripts/bench/support/slack-requests.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { getReflectionSchedule } from '../store/queries/reflection-schedules.js';
import { findUnitByKey, findUnitForChannel } from '../store/queries/units.js';
import { checkBlockKitLimits } from './support/block-kit-limits.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';

// The example org: karin is admin and leader, petra a member; channel C0UTRED is linked.
const TEAM = 'T0EXAMPLE';
let t: TestTillit;

beforeAll(async () => {
  t = await startTestTillit({ users: { U0NEW: 'Nils Nyström' } });
  const parsed = parseOrgFile('org.yaml', readFileSync('test/fixtures/org.yaml', 'utf8'));
  if (!parsed.ok) throw new Error('example org does not parse');
  await syncOrg(t.database.db, parsed.plan);
});
afterAll(async () => t?.close());

const command = (userId: string, channelId: string, text: string) =>
  sendSlashCommand(t.url, SIGNING_SECRET, { teamId: TEAM, userId, channelId, text });

/** The text of the newest ephemeral message sent to the user, as Slack would show it. */
async function ephemeralTo(userId: string, after: number): Promise<string> {
  const call = await t.api.waitFor(
    (c) => c.method === 'chat.postEphemeral' && c.args.user === userId && c.at > after,
  );
  expect(checkBlockKitLimits(call.args.blocks as never, { maxBlocks: 50 })).toEqual([]);
  return JSON.stringify(call.args.blocks);
}

describe('Slack: commands through the real Bolt app', () => {
  it('answers help in Swedish by default, and in English after `lang en`', async () => {
    let since = Date.now() - 1;
    const response = await command('U0PETRA', 'C0UTRED', 'help');
    expect(response.status).toBe(200);
    expect(await ephemeralTo('U0PETRA', since)).toContain('visar den här hjälpen');

    since = Date.now();
    await command('U0PETRA', 'C0UTRED', 'lang en');
    expect(await ephemeralTo('U0PETRA', since)).toContain('speaks English');
    since = Date.now();
    await command('U0PETRA', 'C0UTRED', 'hjälp');
    expect(await ephemeralTo('U0PETRA', since)).toContain('shows this help');
  });

  it('answers an unknown command with help, never an error', async () => {
    const since = Date.now();
    await command('U0DAVID', 'C0UTRED', 'fika nu');
    expect(await ephemeralTo('U0DAVID', since)).toContain('känner inte igen');
  });

  it('tells a person who is not in the org how to be added', async () => {
    const since = Date.now();
    await command('U0STRANGER', 'C0UTRED', 'setup status');
    expect(await ephemeralTo('U0STRANGER', since)).toContain('finns inte i Tillit');
  });

  it('lets an admin set up a unit, link a channel, give a role and set a schedule', async () => {
    let since = Date.now();
    await command('U0KARIN', 'C0NEW', 'setup unit ifo-familj enhet ifo Familjerätt');
    expect(await ephemeralTo('U0KARIN', since)).toContain('Familjerätt');
    const unit = await findUnitByKey(t.database.db, { key: 'ifo-familj' });
    expect(unit?.level).toBe('unit');

    since = Date.now();
    await command('U0KARIN', 'C0NEW', 'setup link ifo-familj');
    expect(await ephemeralTo('U0KARIN', since)).toContain('hör nu till');
    const linked = await findUnitForChannel(t.database.db, {
      platform: 'slack',
      workspace: TEAM,
      channelId: 'C0NEW',
    });
    expect(linked?.key).toBe('ifo-familj');

    since = Date.now();
    await command('U0KARIN', 'C0NEW', 'setup role <@U0NEW|nils> chef ifo-familj');
    expect(await ephemeralTo('U0KARIN', since)).toContain('Nils Nyström');

    since = Date.now();
    await command('U0KARIN', 'C0NEW', 'setup schedule ifo-familj fredag 9.30');
    expect(await ephemeralTo('U0KARIN', since)).toContain('fredag kl. 09.30');
    expect(await getReflectionSchedule(t.database.db, { unitId: unit!.id })).toMatchObject({
      weekday: 5,
      time: '09:30',
      paused: false,
    });
  });

  it('refuses setup to someone who is not an admin, and changes nothing', async () => {
    const since = Date.now();
    await command('U0PETRA', 'C0UTRED', 'setup unit hack enhet - Hack');
    expect(await ephemeralTo('U0PETRA', since)).toMatch(/not allowed|behörighet/);
    expect(await findUnitByKey(t.database.db, { key: 'hack' })).toBeNull();
  });

  it('rejects a bad signature and a stale timestamp with 401, and does nothing', async () => {
    const before = t.api.calls.length;
    const forged = await sendSlashCommand(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: 'U0KARIN',
      channelId: 'C0UTRED',
      text: 'setup unit forged enhet - Forged',
      signWith: 'not-the-secret',
    });
    expect(forged.status).toBe(401);
    const stale = await sendSlashCommand(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: 'U0KARIN',
      channelId: 'C0UTRED',
      text: 'setup unit stale enhet - Stale',
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await findUnitByKey(t.database.db, { key: 'forged' })).toBeNull();
    expect(await findUnitByKey(t.database.db, { key: 'stale' })).toBeNull();
    expect(t.api.calls.length).toBe(before);
  });

  it('handles a retried event once', async () => {
    const event = { type: 'app_home_opened', user: 'U0AMIRA', tab: 'home', channel: 'D0AMIRA' };
    const first = await sendEvent(t.url, SIGNING_SECRET, {
      event,
      eventId: 'Ev0001',
      teamId: TEAM,
    });
    expect(first.status).toBe(200);
    await t.api.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'U0AMIRA');
    const retry = await sendEvent(t.url, SIGNING_SECRET, {
      event,
      eventId: 'Ev0001',
      teamId: TEAM,
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const publishes = t.api.callsOf('views.publish').filter((c) => c.args.user_id === 'U0AMIRA');
    expect(publishes).toHaveLength(1);
    expect(JSON.stringify(publishes[0]!.args.view)).toContain('Utredningssektionen');
  });

  it('honours a 429 with Retry-After from the Web API and still delivers', async () => {
    t.api.failNext('chat.postEphemeral', { status: 429, retryAfter: 1 });
    const since = Date.now();
    await command('U0DAVID', 'C0UTRED', 'help');
    const delivered = await t.api.waitFor(
      (c) => c.method === 'chat.postEphemeral' && c.args.user === 'U0DAVID' && c.at > since,
      8_000,
    );
    expect(delivered.at - since).toBeGreaterThanOrEqual(900);
  });

  it('logs no secret', () => {
    const log = t.logLines.join('\n');
    expect(log).not.toContain('xoxb-test-token');
    expect(log).not.toContain(SIGNING_SECRET);
  });
});
