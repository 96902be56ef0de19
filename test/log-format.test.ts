import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeConsoleTo } from '../bot/console-to-log.js';
import { createLogger } from '../bot/log.js';
import { sendEvent, sendSlashCommand } from '../scripts/bench/support/slack-requests.js';
import { type LocalTestTillit, listLocalPeople, startLocalTillit } from './support/local-tillit.js';
import { startTeamsTillit, type TeamsTestTillit } from './support/start-teams-tillit.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';
import { teamsSession } from './support/teams-session.js';

/** What a person typed: it must never reach the log. */
const TYPED = 'Hemlig-mening-om-Olle-4711';

type Line = Record<string, unknown> & { level: string; msg: string; time: string };

/** Every captured line is one JSON object with time, level and message. */
function parsed(lines: string[]): Line[] {
  return lines.map((line) => {
    const value = JSON.parse(line) as Line;
    expect(value).toMatchObject({
      time: expect.any(String),
      level: expect.any(String),
      msg: expect.any(String),
    });
    return value;
  });
}

const ofRequest = (lines: string[], requestId: string) =>
  parsed(lines).filter((line) => line.requestId === requestId);

describe('log lines: one JSON format, the request id, nothing secret or typed', () => {
  let slack: TestTillit;
  let teams: TeamsTestTillit;
  let local: LocalTestTillit;
  beforeAll(async () => {
    [slack, teams, local] = await Promise.all([
      startTestTillit(),
      startTeamsTillit(),
      startLocalTillit(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([slack?.close(), teams?.close(), local?.close()]);
  });

  it('Slack: a command and a retried event, each line carrying its request id', async () => {
    const since = Date.now();
    const command = await sendSlashCommand(slack.url, SIGNING_SECRET, {
      userId: 'U0NOBODY',
      channelId: 'C0NOWHERE',
      text: `swot "${TYPED}"`,
    });
    expect(command.status).toBe(200);
    await slack.api.waitFor((call) => call.at >= since && call.method.startsWith('chat.'));
    const commandId = command.headers['x-request-id']!;
    expect(ofRequest(slack.logLines, commandId).map((l) => l.msg)).toContain('request');

    // The retry is ignored inside a Bolt middleware: its line has the retry's request id.
    const event = { type: 'app_home_opened', user: 'U0NOBODY', tab: 'home', channel: 'D0X' };
    await sendEvent(slack.url, SIGNING_SECRET, { event, eventId: 'Ev0LOGTEST' });
    const retry = await sendEvent(slack.url, SIGNING_SECRET, {
      event,
      eventId: 'Ev0LOGTEST',
      retryNum: 1,
    });
    // Bolt acks an event before its listeners run: the line may come after the answer.
    const retryId = retry.headers['x-request-id']!;
    await expect
      .poll(() => ofRequest(slack.logLines, retryId).map((l) => l.msg))
      .toContain('slack retry ignored');

    const all = slack.logLines.join('\n');
    expect(all).not.toContain(TYPED);
    expect(all).not.toContain('xoxb-test-token');
    expect(all).not.toContain(SIGNING_SECRET);
  });

  it('Teams: a message and its re-sent activity, each line carrying its request id', async () => {
    const s = teamsSession(teams);
    const activity = await s.command('nobody', `help ${TYPED}`, 'personal');
    const again = await s.post(activity);
    const againId = again.headers.get('x-request-id')!;
    await expect
      .poll(() => ofRequest(teams.logLines, againId).map((l) => l.msg))
      .toContain('teams retry ignored');
    expect(parsed(teams.logLines).length).toBeGreaterThan(0);
    expect(teams.logLines.join('\n')).not.toContain(TYPED);
  });

  it('local page: a command and a refused body, each with its request id in its lines', async () => {
    const [person] = await listLocalPeople(local.url);
    const post = (body: string) =>
      fetch(`${local.url}/local/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const ok = await post(
      JSON.stringify({ person: person!.key, channel: 'none', text: `/tillit ${TYPED}` }),
    );
    const refused = await post(`{"person": "${TYPED}",`);
    expect(refused.status).toBe(400);
    for (const response of [ok, refused]) {
      const id = response.headers.get('x-request-id')!;
      expect(ofRequest(local.logLines, id).length).toBeGreaterThan(0);
    }
    expect(
      ofRequest(local.logLines, refused.headers.get('x-request-id')!).map((l) => l.msg),
    ).toEqual(expect.arrayContaining(['request refused', 'request']));
    expect(local.logLines.join('\n')).not.toContain(TYPED);
  });

  it('redacts tokens, authorization headers and text fields a caller passes by mistake', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    log.info('oops', {
      token: 'xoxb-leaked',
      text: TYPED,
      headers: { authorization: 'Bearer leaked' },
      payload: { text: TYPED, password: 'leaked' },
      error: new Error('boom'),
    });
    const [line] = parsed(lines);
    expect(JSON.stringify(line)).not.toMatch(/leaked|Hemlig/);
    expect(line).toMatchObject({ token: '[redacted]', error: 'Error: boom' });
  });

  it("routes libraries' console output (botbuilder's) into the same JSON lines", () => {
    const lines: string[] = [];
    const saved = { ...console };
    try {
      routeConsoleTo(createLogger('debug', (line) => lines.push(line)));
      console.error(new Error('Error finding key for token'));
      console.warn('BadRequest: Missing activity or activity type.');
    } finally {
      Object.assign(console, saved);
    }
    expect(parsed(lines).map((l) => [l.level, l.msg])).toEqual([
      ['error', 'Error: Error finding key for token'],
      ['warn', 'BadRequest: Missing activity or activity type.'],
    ]);
  });
});
