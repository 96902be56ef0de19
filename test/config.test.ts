import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../bot/config.js';
import { slackRate } from '../bot/slack/slack-deliverer.js';

const refusal = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('configuration', () => {
  it('names the variable, what is allowed and what it got, in one line', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'abc' }, /^PORT: .*"abc"/],
      [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: /],
      [{ TZ_DEFAULT: 'Europe/Stockhol' }, /^TZ_DEFAULT: an IANA time zone/],
      [{ LANG_DEFAULT: 'de' }, /^LANG_DEFAULT: .*"sv".*"en"/],
      [{ ANONYMITY_THRESHOLD: '1' }, /^ANONYMITY_THRESHOLD: /],
      [{ SLACK_SEND_RATE: '0' }, /^SLACK_SEND_RATE: .*"0"/],
      [{ LOCAL_CHANNEL: 'yes' }, /^LOCAL_CHANNEL: /],
    ];
    for (const [env, expected] of cases) {
      const message = refusal(env);
      expect(message, JSON.stringify(env)).toMatch(expected);
      expect(message).not.toContain('\n');
    }
  });

  it('never repeats a secret it refuses', () => {
    const message = refusal({ SLACK_BOT_TOKEN: 'not-a-bot-token-s3cr3t' });
    expect(message).toMatch(/^SLACK_BOT_TOKEN: /);
    expect(message).not.toContain('s3cr3t');
  });

  it('has defaults for everything, and a Slack budget of 20 a second unless told', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      TZ_DEFAULT: 'Europe/Stockholm',
      LANG_DEFAULT: 'sv',
      ANONYMITY_THRESHOLD: 5,
      SLACK_SEND_RATE: 20,
      localChannel: true,
      slack: null,
    });
    expect(slackRate(loadConfig({ SLACK_SEND_RATE: '50' }).SLACK_SEND_RATE)).toEqual({
      perSecond: 50,
      burst: 25,
    });
    expect(slackRate(1)).toEqual({ perSecond: 1, burst: 1 });
  });

  it('lists every variable in .env.example and in the README', () => {
    const names = Object.keys(loadConfig({})).filter((key) => /^[A-Z][A-Z0-9_]+$/.test(key));
    const example = readFileSync('.env.example', 'utf8');
    const readme = readFileSync('README.md', 'utf8');
    for (const name of names) {
      expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
      expect(readme, name).toContain(`\`${name}\``);
    }
  });

  it('stops `npm start` with one line and exit code 1 on a bad value', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env: { ...process.env, PORT: 'abc', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Configuration error: PORT: /),
    ]);
  });
});
