import type { Dialogue } from '../../store/queries/dialogues.js';
import type { DialogueKind as KindName } from '../../store/schema/index.js';
import type { Catalogue } from '../texts/catalogue.js';

/**
 * What the shared dialogue machinery needs to know about one kind of dialogue (SWOT, risk):
 * its phases in order, which of them a deadline ends, and their names for people.
 */
export interface DialogueKind<Phase extends string = string> {
  kind: KindName;
  phases: readonly Phase[];
  /** The phase a new dialogue starts in. */
  first: Phase;
  /** The last phase: entering it closes the dialogue. */
  closed: Phase;
  /** Where a passed deadline moves the dialogue from this phase; null: deadlines do not apply. */
  afterDeadline(phase: Phase): Phase | null;
  /**
   * The deadline a phase gets when entered (the start deadline is given to `first` directly).
   * `byDeadline`: entered because the previous phase's deadline passed, not by a person.
   */
  deadlineOnEntering(
    dialogue: Dialogue,
    phase: Phase,
    entering: { now: Date; byDeadline: boolean },
  ): Date | null;
  phaseName(t: Catalogue, phase: Phase): string;
}

export function phaseOf<Phase extends string>(
  kind: DialogueKind<Phase>,
  dialogue: Dialogue,
): Phase {
  const phase = kind.phases.find((p) => p === dialogue.phase);
  if (!phase) throw new Error(`Dialogue ${dialogue.id} is in unknown phase "${dialogue.phase}"`);
  return phase;
}

/** The channel message of a dialogue is posted and later updated under this key. */
export const dialogueKey = (dialogue: Pick<Dialogue, 'kind' | 'id'>): string =>
  `${dialogue.kind}:${dialogue.id}`;
