import type { Catalogue } from '../catalogue.js';

export const teams: Catalogue['teams'] = {
  greeting: 'Hi! I am Tillit. Write to me here, or mention @Tillit in a channel, then a command.',
  required: 'Please fill this in.',
  showFields: 'Show the fields for this choice',
  formSent: 'Sent ✓',
};
