import type { AuditLine } from '../../store/queries/audit-log.js';
import type { Language } from '../../store/schema/index.js';
import { formatDateTime } from '../calendar/dates.js';
import type { Catalogue } from '../texts/catalogue.js';

/**
 * One audit entry as a sentence: "Anna Andersson är nu chef i Enhet X (ändrat av Admin
 * Adminsson)." The same words in the channel's announcement and in `setup audit`.
 */
export function auditSentence(t: Catalogue, line: AuditLine): string {
  const a = t.setup.audit;
  const person = line.subjectName ?? '';
  const unit = line.unitName ?? '';
  const pair = { unit, peer: line.peerUnitName ?? '', period: line.period ?? '' };
  const what = (() => {
    switch (line.action) {
      case 'role-added':
        return a.added({ person, role: roleName(t, line.roleAfter), unit });
      case 'role-removed':
        return a.removed({ person, role: roleName(t, line.roleBefore), unit });
      case 'admin-added':
        return a.adminAdded({ person });
      case 'admin-removed':
        return a.adminRemoved({ person });
      case 'gdpr-export':
        return t.gdpr.auditExport({ person });
      case 'gdpr-erase':
        return t.gdpr.auditErase;
      case 'pair-set':
        return t.pairing.audit.set(pair);
      case 'pair-removed':
        return t.pairing.audit.removed(pair);
      default:
        return line.action satisfies never;
    }
  })();
  const by =
    line.source === 'org-file'
      ? a.byOrgFile
      : line.source === 'command-line'
        ? t.gdpr.byCommandLine
        : a.by({ actor: line.actorName ?? a.unknownActor });
  return a.line({ what, by });
}

const roleName = (t: Catalogue, role: AuditLine['roleAfter']): string =>
  role ? t.common.roles[role] : '–';

/** "4 dec 2026 kl. 23.40" in the given time zone, for the log's lines. */
export const auditWhen = (at: Date, timeZone: string, lang: Language): string =>
  formatDateTime(at, timeZone, lang);
