import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrg } from '../dialogues/setup/demo-org.js';
import { syncOrg } from '../store/queries/org-sync.js';
import {
  getLocal,
  type LocalPerson,
  type LocalTestTillit,
  listLocalPeople,
  postLocal,
  startLocalTillit,
} from './support/local-tillit.js';
import { slackPerson, slackSession, slackUnit, textOf } from './support/slack-session.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';

/** Members are not offered what only the manager or facilitator may do. */
describe('steering buttons are for those who may use them', () => {
  let local: LocalTestTillit;
  let slack: TestTillit;
  beforeAll(async () => {
    [local, slack] = await Promise.all([startLocalTillit(), startTestTillit()]);
  });
  afterAll(async () => {
    await local?.close();
    await slack?.close();
  });

  it('local page: a member sees the board without them, the manager with them', async () => {
    const section = buildDemoOrg().units.find((u) => u.level === 'section')!.key;
    const people = await listLocalPeople(local.url);
    const inSection = (role: string): LocalPerson =>
      people.find((p) => p.roles.some((r) => r.unitKey === section && r.role === role))!;
    const [manager, member] = [inSection('manager'), inSection('member')];
    await postLocal(local.url, 'command', {
      person: manager.key,
      channel: section,
      text: 'swot Vår vardag',
    });
    const boardAs = async (p: LocalPerson) => {
      const { body } = await getLocal<{ messages: { html: string; private: boolean }[] }>(
        local.url,
        'messages',
        { person: p.key, channel: section },
      );
      return body.messages.find((m) => !m.private && m.html.includes('swot.add'))!.html;
    };
    const forMember = await boardAs(member);
    expect(forMember).toContain('data-action-id="swot.add"');
    expect(forMember).not.toContain('swot.start-vote');
    expect(forMember).not.toContain('swot.merge');
    const forManager = await boardAs(manager);
    expect(forManager).toContain('data-action-id="swot.start-vote"');
    expect(forManager).toContain('data-action-id="swot.merge"');
  });

  it('Slack: on the shared channel message the button says whom it is for', async () => {
    const s = slackSession(slack);
    await syncOrg(slack.database.db, {
      units: [slackUnit('enh', 'C0WHOM')],
      people: [slackPerson('chef', [{ unit: 'enh', role: 'manager' }])],
    });
    await s.command('chef', 'C0WHOM', 'swot Vår vardag');
    const board = await s.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C0WHOM',
    );
    const shown = textOf(board);
    expect(shown).toContain('Starta röstningen (för chef eller processledare)');
    expect(shown).toContain('Slå ihop');
    expect(shown).toMatch(/"Lägg till punkt"/);
  });
});
