import { type Role, type UnitLevel, unitLevels } from '../../store/schema/index.js';

/** The words admins may type for levels, roles and weekdays, in Swedish or English. */
const levelWords: Record<string, UnitLevel> = {
  förvaltning: 'administration',
  forvaltning: 'administration',
  avdelning: 'department',
  enhet: 'unit',
  sektion: 'section',
  ...Object.fromEntries(unitLevels.map((l) => [l, l])),
};

const roleWords: Record<string, Role> = {
  member: 'member',
  medarbetare: 'member',
  manager: 'manager',
  chef: 'manager',
  facilitator: 'facilitator',
  processledare: 'facilitator',
  leader: 'leader',
  ledning: 'leader',
};

const weekdayWords = [
  ['måndag', 'mandag', 'monday', 'mon', 'mån'],
  ['tisdag', 'tuesday', 'tue', 'tis'],
  ['onsdag', 'wednesday', 'wed', 'ons'],
  ['torsdag', 'thursday', 'thu', 'tor'],
  ['fredag', 'friday', 'fri', 'fre'],
  ['lördag', 'lordag', 'saturday', 'sat', 'lör'],
  ['söndag', 'sondag', 'sunday', 'sun', 'sön'],
];

export const readLevel = (word: string): UnitLevel | null => levelWords[word.toLowerCase()] ?? null;
export const readRole = (word: string): Role | null => roleWords[word.toLowerCase()] ?? null;

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function readWeekday(word: string): number | null {
  const index = weekdayWords.findIndex((names) => names.includes(word.toLowerCase()));
  return index === -1 ? null : index + 1;
}

/** `14:00`, `9.30` → `09:30`; anything else → null. */
export function readTime(word: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(word);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}
