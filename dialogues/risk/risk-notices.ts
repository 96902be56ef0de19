import type { Language, RiskHandling } from '../../store/schema/index.js';
import { texts } from '../texts/catalogue.js';
import type { View } from '../view.js';

/** To the parent unit's managers (or who stands in for them): a risk has been escalated to you. */
export function escalatedNoticeView(
  lang: Language,
  p: {
    from: string;
    to: string;
    risk: string;
    motivation: string;
    value: string;
    joined: boolean;
    /** Sent to a manager above, or a leader, because the unit has no manager of its own. */
    standIn: boolean;
  },
): View {
  const t = texts(lang).risk.escalatedNotice;
  const body = t.body(p);
  return {
    summary: t.title({ unit: p.from }),
    blocks: [
      { type: 'header', text: t.title({ unit: p.from }) },
      { type: 'text', text: body },
      ...(p.standIn ? [{ type: 'text' as const, text: t.standIn({ unit: p.to }) }] : []),
      { type: 'context', text: p.joined ? t.joined : t.next({ unit: p.to }) },
    ],
  };
}

/** To the channel of the dialogue that escalated it: what the parent unit decided. */
export function outcomeNoticeView(
  lang: Language,
  p: { risk: string; unit: string; handling: RiskHandling; furtherTo: string | null },
): View {
  const t = texts(lang).risk;
  const outcome =
    p.handling === 'escalate' && p.furtherTo
      ? t.outcomeNotice.escalatedFurther({ unit: p.furtherTo })
      : t.outcomes[p.handling];
  const text = t.outcomeNotice.body({ risk: p.risk, unit: p.unit, outcome });
  return {
    summary: t.outcomeNotice.title,
    blocks: [
      { type: 'header', text: t.outcomeNotice.title },
      { type: 'text', text },
    ],
  };
}
