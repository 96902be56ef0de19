import {
  type ReflectionPrinciple,
  type RiskProcess,
  reflectionPrinciples,
  riskProcesses,
} from '../../store/schema/index.js';
import { type RiskLevel, riskLevels } from '../risk/risk-level.js';

export const escalationFates = ['waiting', 'in-progress', 'handled', 'further'] as const;
export type EscalationFate = (typeof escalationFates)[number];

/** The average rating of each principle, in the principles' order. */
export const principleRatings = reflectionPrinciples.map((p) => `rating.${p}` as const);

/** Counts of a unit's work in a period, straight from its rows. */
const workCounts = [
  'dialogues.swot',
  'dialogues.risk',
  'risks.total',
  ...riskLevels.map((l) => `risks.level.${l}` as const),
  ...riskProcesses.map((p) => `risks.process.${p}` as const),
  'escalations.out',
  'escalations.in',
  ...escalationFates.map((f) => `escalations.fate.${f}` as const),
  'actions.opened',
  'actions.done',
  'actions.overdue',
] as const;
const effectCounts = ['effect.yes', 'effect.partly', 'effect.no'] as const;
const selfCheckCounts = ['self-checks.done', 'self-checks.found', 'self-checks.missed'] as const;
/**
 * Collegial review (issue 21): reviews the unit gave and received, and peers' tips it turned
 * into actions. Records of units' work between units, never of a person: no cell rule.
 */
const reviewCounts = ['reviews.given', 'reviews.received', 'reviews.tip-actions'] as const;
const responseCounts = ['reflection.invited', 'reflection.answered'] as const;

/**
 * The figures that are counted, not derived: each is a slot of every tally (tally.ts) and a
 * measure of its own. Both lists below are made from these, so they cannot drift apart.
 */
export const countedKeys = [
  ...workCounts,
  ...effectCounts,
  ...selfCheckCounts,
  ...reviewCounts,
  ...responseCounts,
] as const;
export type CountedKey = (typeof countedKeys)[number];

/** Every figure of a summary, in the order the CSV and the board report list them. */
export const measureKeys = [
  ...workCounts,
  ...effectCounts,
  'effect.share',
  ...selfCheckCounts,
  ...reviewCounts,
  ...responseCounts,
  'reflection.response-rate',
  'rating.all',
  ...principleRatings,
] as const;

export type MeasureKey = (typeof measureKeys)[number];
export type RatingKey = 'all' | ReflectionPrinciple;

/**
 * Figures made of people's reflection answers: only these go through the cell rule of
 * dialogues/privacy/disclosure.ts. The rest (dialogues held, risks, escalations, actions and
 * their effect, self-checks, reviews between units) are records of a unit's work that its
 * channel shows anyway and carry no anonymous answer: an action's effect is its named owner's
 * report on it, and a review is counted per unit, never per writer.
 */
export type Group = 'response' | `rating.${RatingKey}`;

export type Format = 'count' | 'percent' | 'rating';
/** Which way is good news: decides the colour of a change. */
export type Better = 'up' | 'down' | 'neutral';

export interface MeasureDef {
  group: Group | null;
  format: Format;
  better: Better;
  /** Drawn from reflections: never shown to someone who may not read them. */
  reflection: boolean;
}

const count = (better: Better = 'neutral'): MeasureDef => ({
  group: null,
  format: 'count',
  better,
  reflection: false,
});

export function measureDef(key: MeasureKey): MeasureDef {
  if (key.startsWith('rating.')) {
    return { group: key as Group, format: 'rating', better: 'up', reflection: true };
  }
  if (key.startsWith('reflection.')) {
    const format = key === 'reflection.response-rate' ? 'percent' : 'count';
    return { group: 'response', format, better: 'up', reflection: true };
  }
  if (key.startsWith('effect.')) {
    const format = key === 'effect.share' ? 'percent' : 'count';
    return { group: null, format, better: key === 'effect.no' ? 'down' : 'up', reflection: false };
  }
  switch (key) {
    case 'actions.done':
    case 'self-checks.done':
    case 'dialogues.swot':
    case 'dialogues.risk':
    case 'reviews.given':
    case 'reviews.received':
    case 'reviews.tip-actions':
      return count('up');
    case 'actions.overdue':
    case 'self-checks.missed':
    case 'risks.level.high':
    case 'risks.level.very-high':
      return count('down');
    default:
      return count();
  }
}

export type { ReflectionPrinciple, RiskLevel, RiskProcess };
