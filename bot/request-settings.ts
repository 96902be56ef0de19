import type { Settings } from '../dialogues/core/context.js';
import type { Config } from './config.js';

export const settingsFrom = (config: Config): Settings => ({
  defaultLang: config.LANG_DEFAULT,
  defaultTimezone: config.TZ_DEFAULT,
  anonymityThreshold: config.ANONYMITY_THRESHOLD,
  publicUrl: config.PUBLIC_URL?.replace(/\/$/, '') ?? null,
});
