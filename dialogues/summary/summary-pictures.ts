import type { Database } from '../../store/database.js';
import { saveSummaryFile } from '../../store/queries/summary-files.js';
import type { Language, SummaryFileKind } from '../../store/schema/index.js';
import { summaryExportUrl, summaryImageUrl } from '../core/routes.js';
import { riskMatrixSvg } from '../risk/matrix-image.js';
import { DEFAULT_LEVEL_BOUNDS } from '../risk/risk-level.js';
import { legend } from '../risk/risk-view.js';
import type { Catalogue } from '../texts/catalogue.js';
import { periodLabel } from './format.js';
import { periodName } from './period.js';
import type { SummaryData } from './summary-data.js';
import { assessedCount, summaryRiskMatrix } from './summary-matrix.js';
import type { SummaryPictures } from './summary-view.js';
import { trendChartSvg } from './trend-chart.js';

/** How long a picture or export stays downloadable. */
export const FILE_TTL_DAYS = 7;
const TTL_MS = FILE_TTL_DAYS * 86_400_000;

export interface DrawnPictures {
  /** SVG documents; bot/ rasterises them to PNG when they are fetched. */
  trend: string;
  /** Null when the period has no assessed risks. */
  matrix: string | null;
}

/** The trend chart and the risk matrix as SVG. */
export function drawPictures(data: SummaryData, t: Catalogue, lang: Language): DrawnPictures {
  const title = t.summary.matrixTitle({
    unit: data.unit.name,
    period: periodLabel(data.periods[0], t),
  });
  const matrix =
    assessedCount(data.matrix) > 0
      ? riskMatrixSvg(summaryRiskMatrix(data.matrix, title, t), legend(t, DEFAULT_LEVEL_BOUNDS))
      : null;
  return { trend: trendChartSvg(data.trend, t, lang), matrix };
}

/**
 * Stores the pictures as drawn and returns their addresses on the server at `base`, where
 * bot/ serves them as PNG.
 */
export async function publishPictures(
  db: Database,
  params: { data: SummaryData; t: Catalogue; lang: Language; base: string; now: Date },
): Promise<SummaryPictures> {
  const drawn = drawPictures(params.data, params.t, params.lang);
  const stem = fileStem(params.data);
  const save = async (svg: string, what: string) => {
    const token = await saveSummaryFile(db, {
      kind: 'svg',
      name: `${stem}-${what}.svg`,
      bytes: Buffer.from(svg, 'utf8'),
      now: params.now,
      ttlMs: TTL_MS,
    });
    return summaryImageUrl(params.base, token);
  };
  const pictures: SummaryPictures = { trend: await save(drawn.trend, 'trend') };
  if (drawn.matrix) pictures.matrix = await save(drawn.matrix, 'riskmatris');
  return pictures;
}

/** Stores an export and returns its download address. */
export async function publishExport(
  db: Database,
  params: {
    kind: Exclude<SummaryFileKind, 'png' | 'svg'>;
    data: SummaryData;
    body: string;
    base: string;
    now: Date;
  },
): Promise<{ url: string; name: string }> {
  const name = `${fileStem(params.data)}.${params.kind}`;
  const token = await saveSummaryFile(db, {
    kind: params.kind,
    name,
    bytes: Buffer.from(params.body, 'utf8'),
    now: params.now,
    ttlMs: TTL_MS,
  });
  return { url: summaryExportUrl(params.base, token, params.kind), name };
}

/** `sammanstallning-ifo-T2-2026`: the unit's key and the period's name, safe in any file system. */
export const fileStem = (data: SummaryData): string =>
  `sammanstallning-${data.unit.key}-${periodName(data.periods[0])}`.replace(
    /[^A-Za-z0-9._-]+/g,
    '_',
  );
