import type { Catalogue } from '../texts/catalogue.js';
import { type MeasureKey, measureDef, measureKeys } from './measures.js';
import { periodName } from './period.js';
import { type Cell, SLOTS, type SummaryData } from './summary-data.js';

export interface CsvOptions {
  /** `,` (default) or `;` for Swedish Excel, which then also gets decimal commas. */
  separator: ',' | ';';
}

/** Byte order mark: Excel reads the file as UTF-8 only with it (å, ä, ö intact). */
const BOM = '\uFEFF';

/**
 * The summary as CSV for Excel: one row per unit × measure × period (the period asked for,
 * the one before, the same a year earlier), RFC 4180 quoting and CRLF line ends. A withheld
 * figure has an empty value and says so in the status column. Percentages are written as
 * percent (72.5), ratings with two decimals.
 */
export function summaryCsv(data: SummaryData, t: Catalogue, options: CsvOptions): string {
  const sep = options.separator;
  const lines = [t.summary.csvHeader.map((h) => quote(h, sep)).join(sep)];
  for (const row of data.rows) {
    for (const key of measureKeys) {
      for (const slot of SLOTS) {
        const period = data.periods[slot];
        const cell = row.cells[key][slot]!;
        const fields = [
          row.unit.key,
          row.unit.name,
          t.summary.csvScopes[row.scope],
          key,
          measureLabel(key, t),
          periodName(period),
          period.from,
          period.to,
          csvValue(key, cell, sep),
          t.summary.csvStatus[cell.status],
        ];
        lines.push(fields.map((f) => quote(f, sep)).join(sep));
      }
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

const measureLabel = (key: MeasureKey, t: Catalogue) =>
  measureDef(key).format === 'percent' ? `${t.summary.measures[key]} (%)` : t.summary.measures[key];

function csvValue(key: MeasureKey, cell: Cell, sep: ',' | ';'): string {
  if (cell.status !== 'shown') return '';
  const format = measureDef(key).format;
  const text =
    format === 'count'
      ? String(cell.value)
      : format === 'percent'
        ? (cell.value * 100).toFixed(1)
        : cell.value.toFixed(2);
  return sep === ';' ? text.replace('.', ',') : text;
}

function quote(field: string, sep: string): string {
  return field.includes(sep) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
