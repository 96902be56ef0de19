import type { Language } from '../../store/schema/index.js';
import type { Catalogue } from '../texts/catalogue.js';
import { decimal, periodLabel } from './format.js';
import type { TrendPoint } from './summary-data.js';

const WIDTH = 760;
const HEIGHT = 420;
const LEFT = 70;
const RIGHT = 70;
const TOP = 70;
const PLOT_H = 240;
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
const BAR = '#8fb8de';
const LINE = '#1f4e79';

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const label = (x: number, y: number, text: string, attrs: string) =>
  `<text x="${x}" y="${y}" ${attrs}>${escapeXml(text)}</text>`;

/**
 * The trend as an SVG document: response rate as bars on the left axis (0–100 %), average
 * rating as a line on the right axis (1–5), one column per period, oldest first. A withheld
 * or empty point is left out and labelled, never drawn as zero. Pure, like the matrix: the
 * same points give the same bytes.
 */
export function trendChartSvg(points: TrendPoint[], t: Catalogue, lang: Language): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const step = plotW / Math.max(1, points.length);
  const bottom = TOP + PLOT_H;
  const yRate = (rate: number) => bottom - rate * PLOT_H;
  const yRating = (rating: number) => bottom - ((rating - 1) / 4) * PLOT_H;
  const small = 'font-size="14" fill="#333"';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    label(
      WIDTH / 2,
      36,
      t.summary.trendTitle,
      'font-size="22" font-weight="bold" text-anchor="middle" fill="#222"',
    ),
  ];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const y = yRate(tick);
    parts.push(
      `<line x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}" stroke="#e3e3e3"/>`,
      label(LEFT - 8, y + 5, `${tick * 100} %`, `${small} text-anchor="end"`),
      label(WIDTH - RIGHT + 8, y + 5, decimal(1 + tick * 4, lang, 0), small),
    );
  }
  // Consecutive shown ratings make one line; a missing period breaks it rather than bridging it.
  const runs: string[][] = [[]];
  for (const [i, point] of points.entries()) {
    const x = LEFT + i * step + step / 2;
    parts.push(
      label(x, bottom + 24, periodLabel(point.period, t), `${small} text-anchor="middle"`),
    );
    const rate = point.responseRate;
    if (rate.status === 'shown') {
      const y = yRate(Math.min(1, rate.value));
      parts.push(
        `<rect x="${x - step * 0.3}" y="${y}" width="${step * 0.6}" height="${bottom - y}" fill="${BAR}"/>`,
        label(x, y - 6, `${decimal(rate.value * 100, lang, 0)} %`, `${small} text-anchor="middle"`),
      );
    } else {
      const text = rate.status === 'withheld' ? t.summary.withheldShort : t.summary.none;
      parts.push(label(x, bottom - 8, text, `${small} text-anchor="middle" font-style="italic"`));
    }
    const rating = point.rating;
    if (rating.status === 'shown') runs.at(-1)!.push(`${x},${yRating(rating.value)}`);
    else if (runs.at(-1)!.length > 0) runs.push([]);
  }
  for (const run of runs.filter((r) => r.length > 1)) {
    parts.push(
      `<polyline points="${run.join(' ')}" fill="none" stroke="${LINE}" stroke-width="3"/>`,
    );
  }
  for (const xy of runs.flat()) {
    const [x, y] = xy.split(',');
    parts.push(`<circle cx="${x}" cy="${y}" r="6" fill="${LINE}"/>`);
  }
  const legendY = HEIGHT - 40;
  parts.push(
    `<rect x="${LEFT}" y="${legendY - 14}" width="22" height="16" fill="${BAR}"/>`,
    label(LEFT + 30, legendY, t.summary.trendResponse, small),
    `<line x1="${WIDTH / 2}" y1="${legendY - 6}" x2="${WIDTH / 2 + 24}" y2="${legendY - 6}" stroke="${LINE}" stroke-width="3"/>`,
    `<circle cx="${WIDTH / 2 + 12}" cy="${legendY - 6}" r="5" fill="${LINE}"/>`,
    label(WIDTH / 2 + 32, legendY, t.summary.trendRating, small),
    '</svg>',
  );
  return parts.join('\n');
}

/** The points as words, for the image's alt text and the text fallback. */
export function trendText(points: TrendPoint[], t: Catalogue, lang: Language): string {
  return points
    .map((p) => {
      const rate =
        p.responseRate.status === 'shown'
          ? `${decimal(p.responseRate.value * 100, lang, 0)} %`
          : p.responseRate.status === 'withheld'
            ? t.summary.withheldShort
            : t.summary.none;
      const rating =
        p.rating.status === 'shown'
          ? decimal(p.rating.value, lang, 1)
          : p.rating.status === 'withheld'
            ? t.summary.withheldShort
            : t.summary.none;
      return `${periodLabel(p.period, t)}: ${rate} / ${rating}`;
    })
    .join(' · ');
}
