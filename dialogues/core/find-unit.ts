import type { Database } from '../../store/database.js';
import { findUnitByKey, listAllUnits, type Unit } from '../../store/queries/units.js';
import { foldWord } from '../commands/words.js';
import type { Actor } from './actor.js';

/** Case and accents do not matter when a name is typed. */
const loosely = new Intl.Collator('sv', { sensitivity: 'base' });

/** A unit by its key, else by its name (case and accents as typed are forgiven). */
export async function findUnitByText(db: Database, text: string): Promise<Unit | null> {
  const byKey = await findUnitByKey(db, { key: text.toLowerCase() });
  if (byKey) return byKey;
  const same = (a: string, b: string) => loosely.compare(a, b) === 0;
  const units = await listAllUnits(db);
  return units.find((u) => u.active && (same(u.key, text) || same(u.name, text))) ?? null;
}

/**
 * "There is no unit called …", and what would work: up to three units whose key or name is
 * close to what was typed (a part of it, or a typo or two away), else one of the person's own
 * units as an example of how to write one.
 */
export async function unknownUnitText(db: Database, actor: Actor, text: string): Promise<string> {
  const t = actor.t.common;
  const close = await closeUnits(db, text);
  const hint =
    close.length > 0
      ? t.unitSuggestions({ units: close.map((u) => `\`${u.key}\` (${u.name})`).join(', ') })
      : t.unitExample({ example: actor.roles[0]?.unitKey ?? null });
  return `${t.unknownUnit({ text })} ${hint}`;
}

const MAX_SUGGESTIONS = 3;

async function closeUnits(db: Database, text: string): Promise<Unit[]> {
  const typed = foldWord(text.trim());
  if (typed.length < 2) return [];
  const scored = (await listAllUnits(db))
    .filter((u) => u.active)
    .map((u) => ({ unit: u, score: closeness(typed, [foldWord(u.key), foldWord(u.name)]) }))
    .filter((s) => s.score !== null)
    .sort((a, b) => a.score! - b.score! || loosely.compare(a.unit.name, b.unit.name));
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.unit);
}

/** 0 when one holds the other, else the edit distance when it is small; null when far. */
function closeness(typed: string, names: string[]): number | null {
  let best: number | null = null;
  for (const name of names) {
    const score =
      name.includes(typed) || typed.includes(name) ? 0 : editDistance(typed, name, MAX_EDITS);
    if (score !== null && (best === null || score < best)) best = score;
  }
  return best;
}

const MAX_EDITS = 2;

/** Levenshtein distance, or null once it is past `max` (names are short, so this is cheap). */
function editDistance(a: string, b: string, max: number): number | null {
  if (Math.abs(a.length - b.length) > max) return null;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  const distance = previous[b.length]!;
  return distance <= max ? distance : null;
}
