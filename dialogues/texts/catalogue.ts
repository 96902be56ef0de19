import type { Language } from '../../store/schema/index.js';
import { en } from './en/index.js';
import { sv } from './sv/index.js';

/**
 * Every text a person sees, per language. The Swedish catalogue defines the shape; the
 * English one is typed against it, so a key missing in either is a compile error.
 */
export type Catalogue = typeof sv;

const catalogues: Record<Language, Catalogue> = { sv, en };

export function texts(lang: Language): Catalogue {
  return catalogues[lang];
}
