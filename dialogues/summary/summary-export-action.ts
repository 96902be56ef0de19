import type { ActionRequest } from '../core/feature.js';
import { say } from '../core/guards.js';
import { type Outcome, outcome, privately } from '../core/outcome.js';
import { buildSummary } from './build-summary.js';
import { summaryCsv } from './export-csv.js';
import { summaryMarkdown } from './export-markdown.js';
import { allowed, readExportValue } from './summary-access.js';
import { FILE_TTL_DAYS, publishExport, publishPictures } from './summary-pictures.js';

/**
 * The export buttons: the same summary as CSV (`;` and decimal commas for a Swedish reader,
 * whose Excel expects them) or as the Markdown board report, replied privately as a download
 * link served by the HTTP server, or as the file itself when the server has no public address.
 * The permission is checked again: a button can be forwarded or clicked after a role changed.
 */
export async function exportSummary(request: ActionRequest, kind: 'csv' | 'md'): Promise<Outcome> {
  const { ctx, actor } = request;
  const s = actor.t.summary;
  const read = await readExportValue(request);
  if (!read) return say(actor.t.common.staleButton);
  const target = await allowed(request, read.unit, read.period);
  if (!target.ok) return target.outcome;
  const data = await buildSummary(ctx.db, {
    unitId: target.unit.id,
    period: target.period,
    threshold: ctx.settings.anonymityThreshold,
    timeZone: target.unit.timezone,
    now: ctx.now,
  });
  const base = ctx.settings.publicUrl;
  let body: string;
  if (kind === 'csv') {
    body = summaryCsv(data, actor.t, { separator: actor.lang === 'sv' ? ';' : ',' });
  } else {
    const pictures = base
      ? await publishPictures(ctx.db, { data, t: actor.t, lang: actor.lang, base, now: ctx.now })
      : {};
    body = summaryMarkdown(data, actor.t, actor.lang, pictures);
  }
  // Kept for a while and served by Tillit's own server. With a public address every platform
  // gets a link; without one, each channel hands the file over its own way (outcome.ts).
  const file = await publishExport(ctx.db, { kind, data, body, base: base ?? '', now: ctx.now });
  const ready = s.exportReady({ name: file.name });
  const label = s.exportDownload({ name: file.name });
  if (base) {
    return privately({
      summary: ready,
      blocks: [
        { type: 'text', text: ready },
        { type: 'download', label, url: file.url },
        { type: 'context', text: s.exportLinkLife({ days: FILE_TTL_DAYS }) },
      ],
    });
  }
  return outcome({
    kind: 'file',
    view: { summary: ready, blocks: [{ type: 'text', text: ready }] },
    file: { name: file.name, label, path: file.url, body, sentToDm: s.exportSentToDm },
  });
}
