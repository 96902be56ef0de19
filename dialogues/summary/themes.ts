import { eng, swe } from 'stopword';

/**
 * Words in reflection answers that people write without meaning a theme: inflections of
 * auxiliaries and filler the maintained list below lacks ("behöver", "känns"), and what every
 * weekly answer says anyway ("veckan").
 */
const OWN = `behöver behövs blivit fått gjort göra haft hela hos kunna känner känns tror tycker
  tyckte ändå vecka veckan veckor veckorna väldigt ganska again also does doing done having its
  not off once own quite really she until week when why will yours`.split(/\s+/);

/**
 * Words that say nothing about a theme, skipped when counting words in reflection texts
 * (store/queries/summary-themes.ts does the counting, in the database): the Swedish and
 * English lists of the `stopword` package, and our own few. Lower case, three letters or more
 * (shorter words are skipped anyway).
 */
export const STOP_WORDS: readonly string[] = [...new Set([...swe, ...eng, ...OWN])]
  .map((word) => word.toLowerCase())
  .filter((word) => word.length >= 3);
