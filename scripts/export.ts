/**
 * `npm run export -- --unit X [--period P] [--format csv|md] [--separator ';'] [--lang sv|en]
 * [--out FILE]`: a unit's summary as CSV (one row per unit × measure × period, UTF-8 with BOM
 * for Excel; `--separator ';'` also writes decimal commas, as Swedish Excel expects) or as the
 * Markdown board report. To standard output, or to FILE; with `--out` the report's pictures
 * are written beside it (FILE-trend.png, FILE-riskmatris.png) and linked. The same disclosure
 * rules as in chat, with ANONYMITY_THRESHOLD read by the server's own config parser.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../bot/config.js';
import { loadEnvFile } from '../bot/env-file.js';
import { svgToPng } from '../bot/rasterise.js';
import { findUnitByText } from '../dialogues/core/find-unit.js';
import { todayIn } from '../dialogues/dialogue/local-time.js';
import { buildSummary } from '../dialogues/summary/build-summary.js';
import { summaryCsv } from '../dialogues/summary/export-csv.js';
import { summaryMarkdown } from '../dialogues/summary/export-markdown.js';
import { readPeriod } from '../dialogues/summary/period.js';
import { drawPictures } from '../dialogues/summary/summary-pictures.js';
import { defaultPeriod } from '../dialogues/summary/summary-target.js';
import type { SummaryPictures } from '../dialogues/summary/summary-view.js';
import { texts } from '../dialogues/texts/catalogue.js';
import { openAppDatabase } from '../store/open-app-database.js';
import { readArgs, usageError } from './cli.js';
import { createProgress } from './progress.js';

const USAGE = `Usage: npm run export -- --unit KEY|NAME [options]
  a unit's summary, to standard output or to --out FILE (progress goes to standard error)
  --period P       T2-2026, 2026, 2026-05, V12-2026, 2026-01-01..2026-04-30, tertial, …
                   (default: the current tertial)
  --format F       csv (default) or md, the board report
  --separator S    , (default) or ; (with decimal commas, for Swedish Excel)
  --lang L         sv or en (default LANG_DEFAULT, else sv)
  --out FILE       write to FILE; a report's pictures are written beside it`;

const cli = {
  usage: USAGE,
  options: {
    unit: { type: 'string' },
    period: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    separator: { type: 'string', default: ',' },
    lang: { type: 'string' },
    out: { type: 'string' },
  },
} as const;

async function main(): Promise<number> {
  const { values } = readArgs(cli);
  loadEnvFile();
  const { format, separator } = values;
  const lang = values.lang ?? process.env.LANG_DEFAULT ?? 'sv';
  if (!values.unit) usageError(cli, 'missing --unit');
  if (format !== 'csv' && format !== 'md') usageError(cli, `--format: csv or md, not "${format}"`);
  if (separator !== ',' && separator !== ';')
    usageError(cli, `--separator: , or ;, not "${separator}"`);
  if (lang !== 'sv' && lang !== 'en') usageError(cli, `--lang: sv or en, not "${lang}"`);
  const progress = createProgress('export');
  // The same parser as the server: one rule for what the threshold may be (at least 2).
  let threshold: number;
  try {
    threshold = loadConfig(process.env).ANONYMITY_THRESHOLD;
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    return 1;
  }
  progress.step(1, 4, 'database');
  const database = await openAppDatabase(process.env);
  try {
    const unit = await findUnitByText(database.db, values.unit);
    if (!unit) {
      console.error(`no unit with the key or name "${values.unit}"`);
      return 1;
    }
    const now = new Date();
    const period = values.period
      ? readPeriod(values.period, todayIn(now, unit.timezone))
      : defaultPeriod(now, unit.timezone);
    if (!period) {
      console.error(`"${values.period}" is not a period.\n${USAGE}`);
      return 1;
    }
    progress.step(2, 4, 'summary');
    const data = await buildSummary(database.db, {
      unitId: unit.id,
      period,
      threshold,
      timeZone: unit.timezone,
      now,
    });
    const t = texts(lang);
    const out = values.out ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : null;
    let text: string;
    progress.step(3, 4, format === 'md' && out ? 'report and pictures' : 'report');
    if (format === 'csv') text = summaryCsv(data, t, { separator });
    else {
      const pictures: SummaryPictures = {};
      if (out) {
        const drawn = drawPictures(data, t, lang);
        const stem = out.replace(/\.md$/i, '');
        writeFileSync(`${stem}-trend.png`, svgToPng(drawn.trend));
        pictures.trend = path.basename(`${stem}-trend.png`);
        if (drawn.matrix) {
          writeFileSync(`${stem}-riskmatris.png`, svgToPng(drawn.matrix));
          pictures.matrix = path.basename(`${stem}-riskmatris.png`);
        }
      } else console.error('(pictures are written only with --out FILE)');
      text = summaryMarkdown(data, t, lang, pictures);
    }
    progress.step(4, 4, 'writing');
    progress.end();
    if (out) {
      writeFileSync(out, text);
      console.error(`wrote ${out}`);
    } else process.stdout.write(text);
    return 0;
  } finally {
    progress.end();
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('export failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
