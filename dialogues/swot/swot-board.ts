import type { Database } from '../../store/database.js';
import { type ActionWithOwner, listActionsOfDialogue } from '../../store/queries/actions.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import { listRisksOfDialogue } from '../../store/queries/risks.js';
import { listSwotItems, type SwotItem } from '../../store/queries/swot-items.js';
import { countVoting, listVoteTotals } from '../../store/queries/swot-votes.js';
import { getUnit } from '../../store/queries/units.js';
import { type SwotQuadrant, swotQuadrants } from '../../store/schema/index.js';
import { DEFAULT_TIME_ZONE } from '../core/defaults.js';
import { phaseOf } from '../dialogue/dialogue-kind.js';
import { type GroupFigure, groupFigure } from '../privacy/disclosure.js';
import { type SwotPhase, type SwotSettings, swotKind, swotSettings } from './swot-kind.js';

/** One shown item, with what the view says about it. No author: the channel never sees one. */
export interface BoardItem {
  id: string;
  quadrant: SwotQuadrant;
  text: string;
  /** How many duplicates were merged into it. */
  merged: number;
  votes: number;
  hasAction: boolean;
  isRisk: boolean;
}

/** Everything the dialogue message shows, read in one place. */
export interface SwotBoard {
  dialogue: Dialogue;
  phase: SwotPhase;
  settings: SwotSettings;
  timeZone: string;
  unitName: string;
  /** Shown items per quadrant, oldest first. */
  quadrants: Record<SwotQuadrant, BoardItem[]>;
  itemCount: number;
  voting: { voters: number; dots: number };
  /**
   * What may be shown of the votes (see disclosure.ts): while voting runs only how many have
   * voted; after it, the totals when enough people voted. `votes` of the items is 0 unless
   * this is `figure`, so no view can show more.
   */
  votesShown: GroupFigure;
  /** The anonymity threshold the texts name ("shown if at least 5 voted"). */
  threshold: number;
  actions: ActionWithOwner[];
  riskCount: number;
}

export async function loadSwotBoard(
  db: Database,
  dialogue: Dialogue,
  threshold: number,
): Promise<SwotBoard> {
  const phase = phaseOf(swotKind, dialogue);
  const [items, totals, voting, actions, risks, unit] = await Promise.all([
    listSwotItems(db, { dialogueId: dialogue.id }),
    listVoteTotals(db, { dialogueId: dialogue.id }),
    countVoting(db, { dialogueId: dialogue.id }),
    listActionsOfDialogue(db, { dialogueId: dialogue.id }),
    listRisksOfDialogue(db, { dialogueId: dialogue.id }),
    getUnit(db, { unitId: dialogue.unitId }),
  ]);
  const withActions = new Set(actions.map((a) => a.sourceItemId));
  const asRisks = new Set(risks.map((r) => r.sourceItemId));
  const mergedInto = new Map<string, number>();
  for (const item of items) {
    if (item.mergedIntoId)
      mergedInto.set(item.mergedIntoId, (mergedInto.get(item.mergedIntoId) ?? 0) + 1);
  }
  const votesShown = groupFigure({
    people: voting.voters,
    threshold,
    open: phase === 'collect' || phase === 'vote',
  });
  const quadrants = emptyQuadrants<BoardItem>();
  for (const item of shownItems(items)) {
    quadrants[item.quadrant].push({
      id: item.id,
      quadrant: item.quadrant,
      text: item.text,
      merged: mergedInto.get(item.id) ?? 0,
      votes: votesShown === 'figure' ? (totals.get(item.id) ?? 0) : 0,
      hasAction: withActions.has(item.id),
      isRisk: asRisks.has(item.id),
    });
  }
  return {
    dialogue,
    phase,
    settings: swotSettings(dialogue),
    timeZone: unit?.timezone ?? DEFAULT_TIME_ZONE,
    unitName: unit?.name ?? '',
    quadrants,
    itemCount: swotQuadrants.reduce((n, q) => n + quadrants[q].length, 0),
    voting,
    votesShown,
    threshold,
    actions,
    riskCount: risks.length,
  };
}

export const shownItems = (items: SwotItem[]): SwotItem[] =>
  items.filter((item) => item.mergedIntoId === null);

export function emptyQuadrants<T>(): Record<SwotQuadrant, T[]> {
  return { strengths: [], weaknesses: [], opportunities: [], threats: [] };
}

/** Most votes first; among equals, the earlier item first (the order they were added). */
export function ranked(items: BoardItem[]): BoardItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.votes - a.item.votes || a.index - b.index)
    .map(({ item }) => item);
}
