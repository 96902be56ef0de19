import type { Feature } from './core/feature.js';
import { followUpFeature } from './follow-up/follow-up-feature.js';
import { helpFeature } from './help.js';
import { homeFeature } from './home.js';
import { languageFeature } from './language.js';
import { reflectionFeature } from './reflection/reflection-feature.js';
import { reviewFeature } from './review/review-feature.js';
import { riskFeature } from './risk/risk-feature.js';
import { setupFeature } from './setup/setup-feature.js';
import { summaryFeature } from './summary/summary-feature.js';
import { swotFeature } from './swot/swot-feature.js';

/** Every capability of the product. A new feature is one line here. */
export const features: Feature[] = [
  helpFeature,
  languageFeature,
  setupFeature,
  homeFeature,
  swotFeature,
  reflectionFeature,
  riskFeature,
  followUpFeature,
  summaryFeature,
  reviewFeature,
];
