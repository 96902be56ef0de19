import type { Language } from '../../store/schema/index.js';

/**
 * Tillit's defaults where nothing else is set, in one place: `LANG_DEFAULT` and `TZ_DEFAULT`
 * (bot/config.ts) start from them and become the org's settings, which requests and ticks
 * carry. Code reaches for these only where no settings are at hand (a board whose unit is gone).
 */
export const DEFAULT_LANG: Language = 'sv';
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';
