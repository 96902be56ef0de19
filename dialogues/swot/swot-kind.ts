import type { Dialogue } from '../../store/queries/dialogues.js';
import type { SwotQuadrant } from '../../store/schema/index.js';
import type { DialogueKind } from '../dialogue/dialogue-kind.js';

export const swotPhases = ['collect', 'vote', 'decide', 'closed'] as const;
export type SwotPhase = (typeof swotPhases)[number];

/** SWOT's forms: the form and the route that reads its submit name the same id. */
export const SWOT_FORM = {
  addItem: 'swot.add-item',
  editItem: 'swot.edit-item',
  mergeItems: 'swot.merge-items',
  addAction: 'swot.add-action',
} as const;

/** Hard limits people meet with a clear message. */
export const ITEM_MAX = 280;
export const TOPIC_MAX = 120;
export const DEFAULT_VOTES = 5;
export const DEFAULT_MAX_PER_ITEM = 3;
export const MAX_VOTES = 20;
/** Items per quadrant that get "make it an action" buttons in the decide phase. */
export const TOP_PER_QUADRANT = 3;

/** Threats and weaknesses can become risks for the unit's next risk dialogue. */
export const riskQuadrants: readonly SwotQuadrant[] = ['weaknesses', 'threats'];

export interface SwotSettings {
  votesPerPerson: number;
  maxPerItem: number;
  voteUntil: Date | null;
}

export function swotSettings(dialogue: Dialogue): SwotSettings {
  const s = dialogue.settings;
  const votesPerPerson = s.votesPerPerson ?? DEFAULT_VOTES;
  return {
    votesPerPerson,
    maxPerItem: Math.min(s.maxPerItem ?? DEFAULT_MAX_PER_ITEM, votesPerPerson),
    voteUntil: s.voteUntil ? new Date(s.voteUntil) : null,
  };
}

/**
 * SWOT: collect → vote → decide → closed. A deadline ends collecting and voting; deciding
 * needs the facilitator, so only they close the dialogue.
 */
export const swotKind: DialogueKind<SwotPhase> = {
  kind: 'swot',
  phases: swotPhases,
  first: 'collect',
  closed: 'closed',
  afterDeadline(phase) {
    switch (phase) {
      case 'collect':
        return 'vote';
      case 'vote':
        return 'decide';
      case 'decide':
      case 'closed':
        return null;
      default:
        return phase satisfies never;
    }
  },
  deadlineOnEntering(dialogue, phase, { now, byDeadline }) {
    if (phase !== 'vote') return null;
    const { voteUntil } = swotSettings(dialogue);
    if (!voteUntil) return null;
    // A facilitator starting the vote late keeps it open; a deadline that already ended voting
    // too (nobody looked in between) lets the dialogue move straight on to deciding.
    return byDeadline || voteUntil > now ? voteUntil : null;
  },
  phaseName: (t, phase) => t.swot.phases[phase],
};
