import type { Catalogue } from '../catalogue.js';

export const home: Catalogue['home'] = {
  title: 'Tillit',
  yourUnits: 'Your units and roles',
  noUnits: 'You have no role in any unit yet.',
  roleInUnit: (p) => `*${p.unit}* – ${p.roles}`,
  hint: 'Type `/tillit help` in a channel to see what you can do.',
};
