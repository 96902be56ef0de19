import type { Catalogue } from '../catalogue.js';
import { common } from './common.js';
import { dialogue } from './dialogue.js';
import { followUp } from './follow-up.js';
import { gdpr } from './gdpr.js';
import { help } from './help.js';
import { home } from './home.js';
import { http } from './http.js';
import { local } from './local.js';
import { pairing } from './pairing.js';
import { reflection } from './reflection.js';
import { review } from './review.js';
import { risk } from './risk.js';
import { setup } from './setup.js';
import { summary } from './summary.js';
import { swot } from './swot.js';
import { teams } from './teams.js';

export const en: Catalogue = {
  common,
  help,
  home,
  setup,
  dialogue,
  swot,
  local,
  reflection,
  risk,
  followUp,
  teams,
  summary,
  gdpr,
  http,
  review,
  pairing,
};
