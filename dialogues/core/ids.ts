/**
 * Ids in button values, form states and links are uuids (the database's gen_random_uuid). The
 * one pattern: whatever arrives is checked against it before it reaches a query, so a
 * tampered value is "not found", never a database error.
 */
const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const WHOLE_UUID = new RegExp(`^${UUID_SOURCE}$`, 'i');

export const isUuid = (text: string): boolean => WHOLE_UUID.test(text);

/** Where uuids stand in a text, as [start, end) ranges. */
export const uuidRanges = (text: string): { start: number; end: number }[] =>
  [...text.matchAll(new RegExp(UUID_SOURCE, 'gi'))].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
