import type { RiskLevelBounds } from '../../store/schema/index.js';
import type { Tone } from '../view.js';

export const riskLevels = ['low', 'medium', 'high', 'very-high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** 1–3 low, 4–6 medium, 8–9 high, 12–16 very high: the common 4×4 reading. */
export const DEFAULT_LEVEL_BOUNDS: RiskLevelBounds = [3, 6, 9];

export const levelTone: Record<RiskLevel, Tone> = {
  low: 'green',
  medium: 'yellow',
  high: 'orange',
  'very-high': 'red',
};

/** Probability and consequence are each 1–4; a value is their product (1–16). */
export const SCALE = [1, 2, 3, 4] as const;

export const riskValue = (probability: number, consequence: number): number =>
  probability * consequence;

export function riskLevel(
  value: number,
  bounds: RiskLevelBounds = DEFAULT_LEVEL_BOUNDS,
): RiskLevel {
  if (value <= bounds[0]) return 'low';
  if (value <= bounds[1]) return 'medium';
  if (value <= bounds[2]) return 'high';
  return 'very-high';
}

export function assess(
  probability: number,
  consequence: number,
  bounds: RiskLevelBounds = DEFAULT_LEVEL_BOUNDS,
): { value: number; level: RiskLevel; tone: Tone } {
  const value = riskValue(probability, consequence);
  const level = riskLevel(value, bounds);
  return { value, level, tone: levelTone[level] };
}

/** A form or button value that must be 1–4; anything else (0, 5, "x") is null. */
export function readScale(value: unknown): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || !/^\d$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 4 ? n : null;
}

/** `3,6,9` → [3, 6, 9]: three growing whole numbers from 1 to 16, or null. */
export function readLevelBounds(text: string): RiskLevelBounds | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  const [a, b, c] = parts.map(Number) as [number, number, number];
  if (a < 1 || c > 16 || !(a < b && b < c)) return null;
  return [a, b, c];
}
