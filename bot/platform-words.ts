import type { Catalogue } from '../dialogues/texts/catalogue.js';

/**
 * The words a platform renderer adds around a view itself (the "… and 3 more" line where a
 * message is full), in the catalogue of the person it is for, or the deployment's default.
 */
export const platformWords = (t: Catalogue) => ({
  moreText: (count: number) => t.common.moreItems({ count }),
});
