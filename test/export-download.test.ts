import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildDemoOrg } from '../dialogues/setup/demo-org.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import { sendBlockAction } from '../scripts/bench/support/slack-requests.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { setLanguage } from '../store/queries/people.js';
import { getLocal, listLocalPeople, postLocal, startLocalTillit } from './support/local-tillit.js';
import { userIdOf as reflectionUserIdOf, TEAM as SUMMARY_TEAM } from './support/reflection-org.js';
import { textOf as slackTextOf } from './support/slack-session.js';
import { startTeamsTillit } from './support/start-teams-tillit.js';
import { SIGNING_SECRET, startTestTillit } from './support/start-test-tillit.js';
import { createSummaryOrg, NOW } from './support/summary-org.js';
import {
  cardOf,
  findAllActions,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  teamsUnit,
  textOf,
} from './support/teams-session.js';

/** No PUBLIC_URL anywhere here: the file must still reach the person who asked. */
describe('an export reaches whoever asked for it, with no public address', () => {
  it('local page: a link to the file on the same server, which downloads the CSV', async () => {
    const t = await startLocalTillit({ start: NOW });
    try {
      const section = buildDemoOrg().units.find((u) => u.level === 'section')!.key;
      const people = await listLocalPeople(t.url);
      const manager = people.find((p) =>
        p.roles.some((r) => r.unitKey === section && r.role === 'manager'),
      )!;
      const ask = { person: manager.key, channel: section };
      await postLocal(t.url, 'command', { ...ask, text: 'sammanfattning' });
      const summary = await getLocal<{ messages: { html: string }[] }>(t.url, 'messages', ask);
      const value = /data-action-id="summary\.export-csv" data-action-value="([^"]+)"/.exec(
        summary.body.messages.at(-1)!.html,
      )![1]!;
      await postLocal(t.url, 'action', { ...ask, action: { id: 'summary.export-csv', value } });
      const after = await getLocal<{ messages: { html: string }[] }>(t.url, 'messages', ask);
      const html = after.body.messages.at(-1)!.html;
      expect(html).not.toMatch(/PUBLIC_URL|npm run export|```/);
      const href = /<a href="(\/exports\/summary\/[0-9a-f-]{36}\.csv)" download>/.exec(html)![1]!;
      const file = await fetch(`${t.url}${href}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toMatch(
        /attachment; filename="sammanstallning-/,
      );
      expect(await file.text()).toMatch(/^\uFEFF?enhet_nyckel;/);
    } finally {
      await t.close();
    }
  });

  it("Slack: uploaded to the person's DM with files.uploadV2", async () => {
    const t = await startTestTillit({ start: NOW });
    try {
      const org = await createSummaryOrg(t.database.db);
      const clicked = await sendBlockAction(t.url, SIGNING_SECRET, {
        teamId: SUMMARY_TEAM,
        userId: reflectionUserIdOf(org.leader.key),
        channelId: 'C0SUMMARY',
        actionId: 'summary.export-csv::0',
        value: `${org.avd.id}|T2-2026`,
      });
      expect(clicked.status).toBe(200);
      const complete = await t.api.waitForCall('files.completeUploadExternal');
      expect(complete.args.channel_id).toBe(`D${reflectionUserIdOf(org.leader.key)}`);
      const [upload] = t.api.callsOf('file_upload');
      expect(String(upload!.args.content)).toContain('avd;Avdelning Stöd;hela');
      // Asked in a channel, the file lands elsewhere: the reply where they asked says where,
      // once the file is there.
      const told = slackTextOf(await t.api.waitForCall('chat.postEphemeral'));
      expect(told).toContain('är klar');
      expect(told).toContain(sv.summary.exportSentToDm);
      expect(told).not.toMatch(/PUBLIC_URL|npm run export|```/);

      // In English for one who reads English; asked in the DM itself, the file is right there.
      await setLanguage(t.database.db, { personId: org.leader.id, lang: 'en' });
      await sendBlockAction(t.url, SIGNING_SECRET, {
        teamId: SUMMARY_TEAM,
        userId: reflectionUserIdOf(org.leader.key),
        channelId: 'C0SUMMARY',
        actionId: 'summary.export-md::0',
        value: `${org.avd.id}|T2-2026`,
      });
      const inEnglish = await t.api.waitForCall('chat.postEphemeral', (args) =>
        JSON.stringify(args).includes('.md'),
      );
      expect(slackTextOf(inEnglish)).toContain(en.summary.exportSentToDm);
      const dm = `D${reflectionUserIdOf(org.leader.key)}`;
      await sendBlockAction(t.url, SIGNING_SECRET, {
        teamId: SUMMARY_TEAM,
        userId: reflectionUserIdOf(org.leader.key),
        channelId: dm,
        actionId: 'summary.export-csv::0',
        value: `${org.avd.id}|T2-2026`,
      });
      const inDm = await t.api.waitForCall(
        'chat.postMessage',
        (args) => args.channel === reflectionUserIdOf(org.leader.key),
      );
      const uploads = t.api.callsOf('files.completeUploadExternal');
      expect(uploads.map((c) => c.args.channel_id)).toEqual([dm, dm, dm]);
      expect(slackTextOf(inDm)).toContain('is ready');
      expect(slackTextOf(inDm)).not.toContain(en.summary.exportSentToDm);
    } finally {
      await t.close();
    }
  });

  it('Teams: a file consent card; once accepted the file goes to OneDrive and shows in the chat', async () => {
    const uploads: { headers: Record<string, unknown>; body: string }[] = [];
    const oneDrive = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        uploads.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(201).end('{}');
      });
    });
    await new Promise<void>((resolve) => oneDrive.listen(0, '127.0.0.1', resolve));
    const uploadUrl = `http://127.0.0.1:${(oneDrive.address() as AddressInfo).port}/upload`;
    const t = await startTeamsTillit({ start: NOW });
    try {
      const s = teamsSession(t);
      await syncOrg(t.database.db, {
        units: [teamsUnit('avd', teamsChannelId('avd'))],
        people: [teamsPerson('ledare', [{ unit: 'avd', role: 'leader' }])],
      });
      let since = s.since();
      await s.command('ledare', 'sammanfattning', 'personal');
      const [summary] = s.privateTo('ledare', since);
      const csv = findAllActions(cardOf(summary!)).find(
        (a) => a.data?.tillit?.id === 'summary.export-csv',
      )!;
      since = s.since();
      await s.clickData('ledare', summary!, csv.data!);
      const sent = s.privateTo('ledare', since);
      expect(sent.map(textOf).join('\n')).not.toMatch(/PUBLIC_URL|npm run export|```/);
      const consent = sent.find((a) =>
        JSON.stringify(a.activity).includes('application/vnd.microsoft.teams.card.file.consent'),
      )!;
      const attachment = (
        consent.activity.attachments as { name: string; content: Record<string, unknown> }[]
      )[0]!;
      expect(attachment.name).toMatch(/^sammanstallning-avd-.*\.csv$/);

      since = s.since();
      const conversation = { id: consent.conversationId, conversationType: 'personal' };
      await s.post(
        s.activityFrom(
          'ledare',
          conversation,
          {},
          {
            type: 'invoke',
            name: 'fileConsent/invoke',
            replyToId: consent.id,
            value: {
              type: 'fileUpload',
              action: 'accept',
              context: attachment.content.acceptContext,
              uploadInfo: {
                name: attachment.name,
                uploadUrl,
                contentUrl:
                  'https://contoso-my.sharepoint.com/personal/ledare/Documents/Tillit/x.csv',
                uniqueId: 'file-1',
                fileType: 'csv',
              },
            },
          },
        ),
      );
      expect(uploads).toHaveLength(1);
      expect(uploads[0]!.body).toMatch(/^\uFEFF?enhet_nyckel;/);
      expect(uploads[0]!.headers['content-range']).toMatch(/^bytes 0-\d+\/\d+$/);
      const info = s.privateTo('ledare', since).map((a) => JSON.stringify(a.activity));
      expect(info.some((a) => a.includes('application/vnd.microsoft.teams.card.file.info'))).toBe(
        true,
      );
    } finally {
      await t.close();
      oneDrive.close();
    }
  });
});
