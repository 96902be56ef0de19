/**
 * Words people type, compared the one way: case and accents do not matter, so `åtgärder`,
 * `Atgärder` and `atgarder` are the same word, and no list of words has to name a spelling
 * without å, ä and ö beside each one (and forget one, as lists did).
 */
export const foldWord = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** `Linnéa Åberg` → `linnea-aberg`: a key of ASCII letters, digits and -, made from a name. */
export const slugOf = (name: string): string =>
  foldWord(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Is the typed word one of these (however å, ä and ö were typed)? */
export const isWord = (typed: string | undefined, names: readonly string[]): boolean =>
  typed !== undefined && names.some((name) => foldWord(name) === foldWord(typed));

/** A lookup by word that finds each entry however å, ä and ö were typed. */
export function wordTable<T>(words: Record<string, T>): (typed: string) => T | undefined {
  const folded = new Map(Object.entries(words).map(([word, value]) => [foldWord(word), value]));
  return (typed) => folded.get(foldWord(typed));
}
