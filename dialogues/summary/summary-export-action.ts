import type { ActionRequest } from '../core/feature.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import type { Block } from '../view.js';
import { buildSummary } from './build-summary.js';
import { summaryCsv } from './export-csv.js';
import { summaryMarkdown } from './export-markdown.js';
import { allowed, readExportValue } from './summary-access.js';
import { FILE_TTL_DAYS, fileStem, publishExport, publishPictures } from './summary-pictures.js';

/** Characters of the file shown in chat when there is no download link. */
const PREVIEW_CHARS = 2_400;

/**
 * The export buttons: the same summary as CSV (`;` and decimal commas for a Swedish reader,
 * whose Excel expects them) or as the Markdown board report, replied privately as a download
 * link served by the HTTP server, or as a preview when the server has no public address.
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
  if (base) {
    const file = await publishExport(ctx.db, { kind, data, body, base, now: ctx.now });
    const text = `${s.exportReady({ name: file.name })}\n${s.exportLink({ url: file.url, days: FILE_TTL_DAYS })}`;
    return privately({
      summary: s.exportReady({ name: file.name }),
      blocks: [{ type: 'text', text }],
    });
  }
  const name = `${fileStem(data)}.${kind}`;
  const blocks: Block[] = [
    { type: 'text', text: s.exportReady({ name }) },
    { type: 'text', text: `\`\`\`\n${preview(body.replace(/^\uFEFF/, ''))}\n\`\`\`` },
    {
      type: 'context',
      text: body.length > PREVIEW_CHARS ? `${s.exportCut} ${s.exportNoLink}` : s.exportNoLink,
    },
  ];
  return privately({ summary: s.exportReady({ name }), blocks });
}

/** Whole lines up to the limit, so a cut never splits a row. */
function preview(text: string): string {
  if (text.length <= PREVIEW_CHARS) return text.trimEnd();
  const cut = text.lastIndexOf('\n', PREVIEW_CHARS);
  return `${text.slice(0, cut > 0 ? cut : PREVIEW_CHARS).trimEnd()}\n…`;
}
