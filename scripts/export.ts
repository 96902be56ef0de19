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
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../bot/config.js';
import { buildSummary } from '../dialogues/summary/build-summary.js';
import { summaryCsv } from '../dialogues/summary/export-csv.js';
import { summaryMarkdown } from '../dialogues/summary/export-markdown.js';
import { readPeriod, todayIn } from '../dialogues/summary/period.js';
import { renderPictures } from '../dialogues/summary/summary-pictures.js';
import { findUnitByText } from '../dialogues/core/find-unit.js';
import { defaultPeriod } from '../dialogues/summary/summary-target.js';
import type { SummaryPictures } from '../dialogues/summary/summary-view.js';
import { texts } from '../dialogues/texts/catalogue.js';
import { openAppDatabase } from '../store/open-app-database.js';

const USAGE =
  "Usage: npm run export -- --unit KEY|NAME [--period T2-2026|2026|2026-05|V12-2026|2026-01-01..2026-04-30|tertial|…] [--format csv|md] [--separator ';'] [--lang sv|en] [--out FILE]";

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      unit: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      separator: { type: 'string', default: ',' },
      lang: { type: 'string', default: process.env.LANG_DEFAULT ?? 'sv' },
      out: { type: 'string' },
    },
  });
  const { format, separator, lang } = values;
  if (
    !values.unit ||
    (format !== 'csv' && format !== 'md') ||
    (separator !== ',' && separator !== ';') ||
    (lang !== 'sv' && lang !== 'en')
  ) {
    console.error(USAGE);
    return 1;
  }
  // The same parser as the server: one rule for what the threshold may be (at least 2).
  let threshold: number;
  try {
    threshold = loadConfig(process.env).ANONYMITY_THRESHOLD;
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    return 1;
  }
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
    if (format === 'csv') text = summaryCsv(data, t, { separator });
    else {
      const pictures: SummaryPictures = {};
      if (out) {
        const rendered = renderPictures(data, t, lang);
        const stem = out.replace(/\.md$/i, '');
        writeFileSync(`${stem}-trend.png`, rendered.trend);
        pictures.trend = path.basename(`${stem}-trend.png`);
        if (rendered.matrix) {
          writeFileSync(`${stem}-riskmatris.png`, rendered.matrix);
          pictures.matrix = path.basename(`${stem}-riskmatris.png`);
        }
      } else console.error('(pictures are written only with --out FILE)');
      text = summaryMarkdown(data, t, lang, pictures);
    }
    if (out) {
      writeFileSync(out, text);
      console.error(`wrote ${out}`);
    } else process.stdout.write(text);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('export failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
