import type { Feature } from './core/feature.js';
import { privately } from './core/outcome.js';
import type { Catalogue } from './texts/catalogue.js';
import { type Block, type View, view } from './view.js';

export function helpView(t: Catalogue, lead?: string): View {
  const blocks: Block[] = [
    { type: 'header', text: t.help.title },
    ...(lead ? [{ type: 'text' as const, text: lead }] : []),
    { type: 'text', text: t.help.intro },
    {
      type: 'list',
      items: t.help.commands.map(([cmd, what]) => ({ text: `\`${cmd}\` – ${what}` })),
    },
  ];
  return view(t.help.title, ...blocks);
}

export const helpFeature: Feature = {
  name: 'help',
  commands: {
    help: async ({ actor }) => privately(helpView(actor.t)),
  },
};
