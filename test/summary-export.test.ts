import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svgToPng } from '../bot/rasterise.js';
import { mountSummaryFiles } from '../bot/summary-files.js';
import { buildSummary } from '../dialogues/summary/build-summary.js';
import { summaryCsv } from '../dialogues/summary/export-csv.js';
import { summaryMarkdown } from '../dialogues/summary/export-markdown.js';
import { readPeriod } from '../dialogues/summary/period.js';
import type { SummaryData } from '../dialogues/summary/summary-data.js';
import {
  drawPictures,
  publishExport,
  publishPictures,
} from '../dialogues/summary/summary-pictures.js';
import { texts } from '../dialogues/texts/catalogue.js';
import type { DatabaseHandle } from '../store/database.js';
import { saveSummaryFile } from '../store/queries/summary-files.js';
import { createSummaryOrg, NOW, type SummaryOrg } from './support/summary-org.js';
import { openTestDatabase } from './support/test-database.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let handle: DatabaseHandle;
let org: SummaryOrg;
let data: SummaryData;

beforeAll(async () => {
  handle = await openTestDatabase();
  org = await createSummaryOrg(handle.db);
  data = await buildSummary(handle.db, {
    unitId: org.avd.id,
    period: readPeriod('T2-2026', '2026-06-15')!,
    threshold: 5,
    timeZone: 'Europe/Stockholm',
    now: NOW,
  });
});
afterAll(async () => handle?.close());

/** Compares with the expected file; `UPDATE_FIXTURES=1` rewrites it (then review the diff). */
function expectFixture(name: string, actual: string) {
  if (process.env.UPDATE_FIXTURES === '1') writeFileSync(fixture(name), actual);
  expect(actual).toBe(readFileSync(fixture(name), 'utf8'));
}

describe('exports', () => {
  it('writes CSV for Swedish Excel: BOM, semicolons, decimal commas, one row per unit × measure × period', () => {
    const csv = summaryCsv(data, texts('sv'), { separator: ';' });
    expectFixture('summary.csv', csv);
    expect(csv.startsWith('\uFEFFenhet_nyckel;enhet;')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + data.rows.length * 41 * 3);
    expect(lines).toContain(
      'bagis;Enhet Bagarmossen;hela;effect.share;Andel med avsedd effekt (%);T2-2026;2026-05-01;2026-08-31;60,0;visas',
    );
    expect(lines).toContain(
      'arsta;Enhet Årsta;hela;reflection.response-rate;Svarsfrekvens (%);T1-2026;2026-01-01;2026-04-30;;för få svar',
    );
  });

  it('writes CSV with commas and decimal points for other readers', () => {
    const csv = summaryCsv(data, texts('en'), { separator: ',' });
    expect(csv).toContain(
      '\r\nbagis,Enhet Bagarmossen,subtree,effect.share,Share with the intended effect (%),T2-2026,2026-05-01,2026-08-31,60.0,shown\r\n',
    );
    expect(csv).toContain(',rating.trust,Trust,T2-2026,2026-05-01,2026-08-31,3.63,shown\r\n');
  });

  it('writes the board report in Markdown with sections per unit, comparisons and pictures', () => {
    const md = summaryMarkdown(data, texts('sv'), 'sv', {
      trend: 'trend.png',
      matrix: 'riskmatris.png',
    });
    expectFixture('summary.md', md);
    expect(md).toContain('## Enhet Årsta\n');
    expect(md).toContain('![Svarsfrekvens och medelbetyg](trend.png)');
  });
});

describe('pictures', () => {
  it('draws the trend and the risk matrix as SVG, which the server rasterises to PNG', () => {
    const pictures = drawPictures(data, texts('en'), 'en');
    expect(pictures.trend.startsWith('<svg')).toBe(true);
    expect(pictures.matrix!.startsWith('<svg')).toBe(true);
    for (const svg of [pictures.trend, pictures.matrix!]) {
      const png = svgToPng(svg);
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(png.length).toBeGreaterThan(5_000);
    }
  });

  it('serves pictures and exports at unguessable addresses until they expire', async () => {
    const base = 'https://tillit.example.se/';
    const t = texts('sv');
    const pictures = await publishPictures(handle.db, { data, t, lang: 'sv', base, now: NOW });
    expect(pictures.trend).toMatch(
      /^https:\/\/tillit\.example\.se\/images\/summary\/[0-9a-f-]{36}\.png$/,
    );
    // A picture stored as PNG before pictures were stored as drawn is sent as it was.
    const earlierPng = svgToPng(drawPictures(data, t, 'sv').trend);
    const earlier = await saveSummaryFile(handle.db, {
      kind: 'png',
      name: 'earlier-trend.png',
      bytes: earlierPng,
      now: NOW,
      ttlMs: 86_400_000,
    });
    const csv = summaryCsv(data, t, { separator: ';' });
    const file = await publishExport(handle.db, { kind: 'csv', data, body: csv, base, now: NOW });
    expect(file.name).toBe('sammanstallning-avd-T2-2026.csv');
    let now = NOW;
    const app = express();
    mountSummaryFiles(app, { db: handle.db, clock: { now: () => now, advance: () => {} } });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const local = (url: string) => url.replace(base.slice(0, -1), `http://127.0.0.1:${port}`);
    try {
      const png = await fetch(local(pictures.trend!));
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await png.arrayBuffer()).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      const stored = await fetch(`http://127.0.0.1:${port}/images/summary/${earlier}.png`);
      expect(Buffer.from(await stored.arrayBuffer())).toEqual(earlierPng);
      const download = await fetch(local(file.url));
      expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(download.headers.get('content-disposition')).toContain(file.name);
      expect(Buffer.from(await download.arrayBuffer()).toString('utf8')).toBe(csv);
      expect((await fetch(local(pictures.trend!.replace('.png', '.csv')))).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/images/summary/not-a-token.png`)).status).toBe(
        404,
      );
      expect(
        (await fetch(local(file.url.replace(/[0-9a-f]{12}\.csv$/, '000000000000.csv')))).status,
      ).toBe(404);
      now = new Date(NOW.getTime() + 8 * 86_400_000);
      expect((await fetch(local(file.url))).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
