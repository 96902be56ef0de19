/**
 * The addresses on Tillit's one HTTP server that views link to, named once: dialogues/ builds
 * links with the functions below, and bot/ mounts its handlers on `ROUTES`. Platforms fetch
 * pictures themselves, so a link carries the server's public address (`base`).
 */
const RISK_MATRIX = '/images/risk-matrix';
const SUMMARY_IMAGE = '/images/summary';
const SUMMARY_EXPORT = '/exports/summary';

/** Express paths; `:file` is `<id>.png`, `<token>.png` or `<token>.csv|md`. */
export const ROUTES = {
  riskMatrix: `${RISK_MATRIX}/:file`,
  summaryImage: `${SUMMARY_IMAGE}/:file`,
  summaryExport: `${SUMMARY_EXPORT}/:file`,
} as const;

const trim = (base: string) => base.replace(/\/$/, '');

/** The count in the query makes a new URL when risks move, so platforms do not show a stale copy. */
export const riskMatrixUrl = (base: string, dialogueId: string, version: number): string =>
  `${trim(base)}${RISK_MATRIX}/${dialogueId}.png?v=${version}`;

export const summaryImageUrl = (base: string, token: string): string =>
  `${trim(base)}${SUMMARY_IMAGE}/${token}.png`;

export const summaryExportUrl = (base: string, token: string, extension: string): string =>
  `${trim(base)}${SUMMARY_EXPORT}/${token}.${extension}`;
