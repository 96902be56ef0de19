import { setLanguage } from '../store/queries/people.js';
import type { Feature } from './core/feature.js';
import { privately } from './core/outcome.js';
import { helpView } from './help.js';
import { texts } from './texts/catalogue.js';
import { view } from './view.js';

export const languageFeature: Feature = {
  name: 'lang',
  commands: {
    lang: async ({ ctx, actor, args }) => {
      const wanted = args[0]?.toLowerCase();
      if (wanted !== 'sv' && wanted !== 'en') return privately(helpView(actor.t));
      await setLanguage(ctx.db, { personId: actor.person.id, lang: wanted });
      const t = texts(wanted);
      return privately(view(t.common.languageSet, { type: 'text', text: t.common.languageSet }));
    },
  },
};
