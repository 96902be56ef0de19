import type { Database } from '../../store/database.js';
import { type AuditEntry, type AuditLine, describeAudit } from '../../store/queries/audit-log.js';
import { enqueueOutboxMany, type OutboxMessage } from '../../store/queries/outbox.js';
import { listChannelsOfUnit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';
import { texts } from '../texts/catalogue.js';
import type { View } from '../view.js';
import { auditSentence } from './audit-text.js';

/** Lines in one announcement; an import that changes more says how many more. */
const LISTED = 20;

/**
 * Announces role changes in the channels of their units, through the outbox and in the
 * caller's transaction: everyone in a unit sees who now holds which role there, so an
 * administrator who makes themselves manager is seen by the people whose answers they could
 * read. One message per unit and channel for each change (or import), in the configured
 * language (channels have none of their own). Administrator changes belong to no unit; they
 * are in the audit log only.
 */
export async function announceRoleChanges(
  tx: Database,
  entries: AuditEntry[],
  params: { lang: Language; now: Date },
): Promise<void> {
  const lines = await describeAudit(tx, { ids: entries.map((e) => e.id) });
  const byUnit = new Map<string, AuditLine[]>();
  for (const line of lines) {
    if (!line.unitId) continue;
    byUnit.set(line.unitId, [...(byUnit.get(line.unitId) ?? []), line]);
  }
  const messages: OutboxMessage[] = [];
  for (const [unitId, unitLines] of byUnit) {
    const view = roleNoticeView(params.lang, unitLines);
    // The smallest entry id names this change (or import) for this unit once and for all.
    const first = unitLines.map((l) => l.id).sort()[0]!;
    for (const channel of await listChannelsOfUnit(tx, { unitId })) {
      messages.push({
        key: `role-change:${first}:${channel.platform}:${channel.workspace}:${channel.channelId}`,
        target: { kind: 'channel', ...channel },
        view,
        notBefore: params.now,
      });
    }
  }
  await enqueueOutboxMany(tx, messages);
}

export function roleNoticeView(lang: Language, lines: AuditLine[]): View {
  const t = texts(lang);
  const a = t.setup.audit;
  const sentences = lines.slice(0, LISTED).map((line) => auditSentence(t, line));
  const more = lines.length - sentences.length;
  return {
    summary: sentences.length === 1 ? sentences[0]! : a.noticeTitle,
    blocks: [
      { type: 'header', text: a.noticeTitle },
      sentences.length === 1
        ? { type: 'text', text: sentences[0]! }
        : { type: 'list', items: sentences.map((text) => ({ text })) },
      ...(more > 0 ? [{ type: 'context' as const, text: a.more({ count: more }) }] : []),
      { type: 'context', text: a.noticeNote },
    ],
  };
}
