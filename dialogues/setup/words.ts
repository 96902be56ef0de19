import { type Role, type UnitLevel, unitLevels } from '../../store/schema/index.js';
import { isWord, wordTable } from '../commands/words.js';

/**
 * The words admins may type for levels, roles and weekdays, in Swedish or English; the Swedish
 * ones also without å, ä and ö (commands/words.ts).
 */
const levelWords = wordTable<UnitLevel>({
  förvaltning: 'administration',
  avdelning: 'department',
  enhet: 'unit',
  sektion: 'section',
  ...Object.fromEntries(unitLevels.map((l) => [l, l])),
});

const roleWords = wordTable<Role>({
  member: 'member',
  medarbetare: 'member',
  manager: 'manager',
  chef: 'manager',
  facilitator: 'facilitator',
  processledare: 'facilitator',
  leader: 'leader',
  ledning: 'leader',
});

const weekdayWords = [
  ['måndag', 'monday', 'mon', 'mån'],
  ['tisdag', 'tuesday', 'tue', 'tis'],
  ['onsdag', 'wednesday', 'wed', 'ons'],
  ['torsdag', 'thursday', 'thu', 'tor'],
  ['fredag', 'friday', 'fri', 'fre'],
  ['lördag', 'saturday', 'sat', 'lör'],
  ['söndag', 'sunday', 'sun', 'sön'],
];

export const readLevel = (word: string): UnitLevel | null => levelWords(word) ?? null;
export const readRole = (word: string): Role | null => roleWords(word) ?? null;

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function readWeekday(word: string): number | null {
  const index = weekdayWords.findIndex((names) => isWord(word, names));
  return index === -1 ? null : index + 1;
}

/** `14:00`, `9.30` → `09:30`; anything else → null. */
export function readTime(word: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(word);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}
