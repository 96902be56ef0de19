import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBlocks } from '../bot/slack/render-blocks.js';
import { renderCard } from '../bot/teams/render-card.js';
import type { RequestContext } from '../dialogues/core/context.js';
import type { Inbound } from '../dialogues/core/inbound.js';
import { createInboundHandler } from '../dialogues/handle-inbound.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Block, View } from '../dialogues/view.js';
import type { DatabaseHandle } from '../store/database.js';
import type { Person } from '../store/queries/people.js';
import { findSummaryFile } from '../store/queries/summary-files.js';
import { checkBlockKitLimits } from './support/block-kit-limits.js';
import { TEAM, userIdOf } from './support/reflection-org.js';
import { createSummaryOrg, NOW, type SummaryOrg } from './support/summary-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let org: SummaryOrg;
const inbound = createInboundHandler();

beforeAll(async () => {
  handle = await openTestDatabase();
  org = await createSummaryOrg(handle.db);
});
afterAll(async () => handle?.close());

function send(
  person: Person,
  message: Inbound,
  options: { publicUrl?: string; lang?: 'sv' | 'en' } = {},
) {
  const ctx: RequestContext = {
    db: handle.db,
    now: NOW,
    settings: {
      defaultLang: options.lang ?? 'sv',
      defaultTimezone: 'Europe/Stockholm',
      anonymityThreshold: 5,
      publicUrl: options.publicUrl ?? null,
    },
    caller: { platform: 'slack', workspace: TEAM, externalId: userIdOf(person.key) },
    place: { platform: 'slack', workspace: TEAM, channelId: null },
    directory: { displayName: async () => null },
  };
  return inbound(ctx, message);
}

async function reply(
  person: Person,
  text: string,
  options?: { publicUrl?: string; lang?: 'sv' | 'en' },
): Promise<View> {
  const result = await send(person, { kind: 'command', text }, options);
  if (result.failure) throw result.failure;
  expect(result.replies.map((r) => r.kind)).toEqual(['private']);
  return (result.replies[0] as { view: View }).view;
}

const blocksOf = <T extends Block['type']>(view: View, type: T) =>
  view.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

describe('who may see which summary', () => {
  it('gives a leader their subtree by default, for the current tertial', async () => {
    const view = await reply(org.leader, 'summary');
    expect(view.summary).toBe('Sammanställning Avdelning Stöd · T2 2026');
    expect(JSON.stringify(view)).toContain('Enhet Årsta');
  });

  it('gives a manager their own unit and the units below, not a sibling', async () => {
    expect((await reply(org.arstaManager, 'summary')).summary).toBe(
      'Sammanställning Enhet Årsta · T2 2026',
    );
    expect((await reply(org.arstaManager, 'summary liten vecka')).summary).toBe(
      'Sammanställning Sektion Liten · vecka 25 2026',
    );
    const refused = await reply(org.arstaManager, 'summary bagis');
    expect(refused.summary).toBe(sv.common.notAllowed({ what: sv.summary.what }));
    expect((await reply(org.arstaManager, 'summary avd')).summary).toBe(refused.summary);
  });

  it('reads a unit by name and a named period', async () => {
    const view = await reply(org.bagisManager, 'summary "Enhet Bagarmossen" T1-2026');
    expect(view.summary).toBe('Sammanställning Enhet Bagarmossen · T1 2026');
  });

  it('shows an administrator without a leader role no summary and no reflections', async () => {
    for (const text of ['summary', 'summary avd', 'summary bagis T1-2026']) {
      const view = await reply(org.admin, text);
      expect(view.summary).toBe(sv.summary.adminOnly);
      expect(JSON.stringify(view)).not.toMatch(/Svarsfrekvens|Medelbetyg|bemanningen/);
    }
    const reflection = await reply(org.admin, 'summary reflektion');
    expect(JSON.stringify(reflection)).not.toMatch(/Svarsfrekvens|Medelbetyg/);
  });

  it('tells a member there is nothing to summarise, and explains what it did not understand', async () => {
    expect((await reply(org.member, 'summary')).summary).toBe(sv.summary.noUnit);
    expect((await reply(org.leader, 'summary nowhere')).summary).toBe(
      `${sv.common.unknownUnit({ text: 'nowhere' })} ${sv.common.unitExample({ example: 'avd' })}`,
    );
    expect((await reply(org.leader, 'summary 2026 T1-2026')).summary).toBe(
      sv.summary.twoPeriods({ text: 'T1-2026' }),
    );
  });

  it('says what was wrong with a unit or a period, and what would work', async () => {
    const said = async (text: string) => (await reply(org.leader, text)).summary;
    expect(await said('sammanställning bagi')).toBe(
      `${sv.common.unknownUnit({ text: 'bagi' })} ${sv.common.unitSuggestions({ units: '`bagis` (Enhet Bagarmossen)' })}`,
    );
    expect(await said('summary T4-2026')).toBe(
      sv.summary.periodProblems.tertial({ got: 'T4-2026' }),
    );
    expect(await said('summary 2026-13')).toBe(sv.summary.periodProblems.month({ got: '2026-13' }));
    expect(await said('summary avd 2026-04-30..2026-01-01')).toBe(
      sv.summary.periodProblems.reversed({
        got: '2026-04-30..2026-01-01',
        from: '2026-01-01',
        to: '2026-04-30',
      }),
    );
    expect(await said('summary 2026-02-30..2026-04-30')).toBe(
      sv.summary.periodProblems.date({ got: '2026-02-30..2026-04-30' }),
    );
    expect((await reply(org.leader, 'summary T4-2026', { lang: 'en' })).summary).toBe(
      en.summary.periodProblems.tertial({ got: 'T4-2026' }),
    );
  });

  it('leaves `summary reflektion` to the reflection feature', async () => {
    const view = await reply(org.arstaManager, 'summary reflektion');
    expect(view.summary).toBe(sv.common.unlinkedChannel);
  });
});

describe('the summary in chat', () => {
  it('shows the overview with changes in colour, a paragraph per unit, and both pictures', async () => {
    const view = await reply(org.leader, 'sammanfattning T2-2026', {
      publicUrl: 'https://tillit.example.se',
    });
    const overview = blocksOf(view, 'matrix')[0]!.matrix;
    expect(overview.columnLabels).toEqual(['T2 2026', 'Δ T1 2026', 'Δ T2 2025']);
    const rate = overview.cells[overview.rowLabels.indexOf('Svarsfrekvens')]!;
    expect(rate.map((c) => [c.text, c.tone])).toEqual([
      ['77 %', 'neutral'],
      ['▼ −10', 'red'],
      ['▼ −2', 'red'],
    ]);
    const images = blocksOf(view, 'image');
    expect(images).toHaveLength(2);
    for (const image of images) {
      const token = /summary\/([0-9a-f-]{36})\.png$/.exec(image.url)![1]!;
      // Stored as drawn; the server rasterises it when the platform fetches it.
      const file = await findSummaryFile(handle.db, { token, kind: 'svg', now: NOW });
      expect(file!.bytes.toString('utf8')).toMatch(/^<svg [^>]*>/);
    }
    const paragraphs = blocksOf(view, 'text').map((b) => b.text);
    const arsta = paragraphs.find((p) => p.startsWith('*Enhet Årsta*'))!;
    // Liten's small rounds count nowhere; Årsta's T1 had only small rounds, so no change shown.
    expect(arsta).toContain('Svarsfrekvens 69 % (– · ▼ −31)');
    expect(JSON.stringify(view)).toContain(
      'Reflektionssiffrorna kommer från 5 avslutade omgångar (v. 20–23 2026). 1 omgång med för få svar ingår inte.',
    );
    const bagis = paragraphs.find((p) => p.startsWith('*Enhet Bagarmossen*'))!;
    expect(bagis).toContain('Svarsfrekvens 75 % (▼ −8 · ▲ +20)');
    expect(bagis).toContain('Andel med avsedd effekt 60 % (▲ +20 · ▼ −40)');
    // A change in a share is in percentage points, and the summary says so once.
    expect(JSON.stringify(view)).toContain('anges i procentenheter');
  });

  it('fits Slack’s Block Kit limits and a Teams card', async () => {
    const view = await reply(org.leader, 'summary', { publicUrl: 'https://tillit.example.se' });
    expect(checkBlockKitLimits(renderBlocks(view), { maxBlocks: 50 })).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(renderCard(view)))).toBeLessThan(28_000);
  });

  it('keeps the text fallback and leaves pictures out when the server has no public address', async () => {
    const view = await reply(org.leader, 'summary', { lang: 'en' });
    expect(blocksOf(view, 'image')).toHaveLength(0);
    expect(blocksOf(view, 'matrix')).toHaveLength(2);
    expect(view.summary).toBe('Summary Avdelning Stöd · T2 2026');
    expect(JSON.stringify(view)).toContain(en.summary.trendTitle);
  });
});

describe('the export buttons', () => {
  const click = (person: Person, id: string, value: string, publicUrl?: string) =>
    send(person, { kind: 'action', action: { id, value } }, { publicUrl });
  const buttonsOf = async (person: Person) =>
    blocksOf(await reply(person, 'summary'), 'buttons')[0]!.buttons;

  it('replies privately with a download link for CSV and the board report', async () => {
    const [csv, md] = await buttonsOf(org.leader);
    for (const button of [csv!, md!]) {
      const result = await click(
        org.leader,
        button.action.id,
        button.action.value,
        'https://tillit.example.se',
      );
      expect(result.replies.map((r) => r.kind)).toEqual(['private']);
      const text = JSON.stringify(result.replies);
      const match = /exports\/summary\/([0-9a-f-]{36})\.(csv|md)/.exec(text)!;
      const file = await findSummaryFile(handle.db, {
        token: match[1]!,
        kind: match[2] as 'csv' | 'md',
        now: NOW,
      });
      const body = file!.bytes.toString('utf8');
      if (match[2] === 'csv') expect(body.startsWith('\uFEFFenhet_nyckel;')).toBe(true);
      else expect(body).toContain('# Rapport till nämnden: Avdelning Stöd, T2 2026');
    }
  });

  it('hands over the file itself when there is no public address, with no contradicting text', async () => {
    const [csv] = await buttonsOf(org.leader);
    const result = await click(org.leader, csv!.action.id, csv!.action.value);
    const [reply] = result.replies;
    if (reply?.kind !== 'file') throw new Error(`expected a file, got ${reply?.kind}`);
    expect(reply.file.body).toContain('avd;Avdelning Stöd;hela;dialogues.swot');
    expect(reply.file.path).toMatch(/^\/exports\/summary\/[0-9a-f-]{36}\.csv$/);
    expect(JSON.stringify(reply.view)).not.toMatch(/PUBLIC_URL|npm run export|```/);
  });

  it('checks the permission again and refuses stale or forged values', async () => {
    const [csv] = await buttonsOf(org.leader);
    const forwarded = await click(org.bagisManager, csv!.action.id, csv!.action.value);
    expect(JSON.stringify(forwarded.replies)).toContain(
      sv.common.notAllowed({ what: sv.summary.what }),
    );
    const forged = await click(org.leader, 'summary.export-csv', 'not-a-unit|T2-2026');
    expect(JSON.stringify(forged.replies)).toContain(sv.common.staleButton);
  });
});
