import { texts } from '../dialogues/texts/catalogue.js';
import type { Language } from '../store/schema/index.js';

/**
 * The words a platform renderer adds around a view itself (the "… and 3 more" line where a
 * message is full), in the language of the person it is for, or the deployment's default.
 */
export const platformWords = (lang: Language) => ({
  moreText: (count: number) => texts(lang).common.moreItems({ count }),
});
