import { setLanguage } from '../store/queries/people.js';
import type { Language } from '../store/schema/index.js';
import type { Feature, Request } from './core/feature.js';
import { type Outcome, privately } from './core/outcome.js';
import { helpView } from './help.js';
import { texts } from './texts/catalogue.js';
import { view } from './view.js';

/** The action a page or button sends to choose a language (value: `sv` or `en`). */
export const CHOOSE_LANGUAGE = 'lang.choose';

const chosenLanguage = (word: string | undefined): Language | null => {
  const wanted = word?.trim().toLowerCase();
  return wanted === 'sv' || wanted === 'en' ? wanted : null;
};

/** The one place a person's language is changed; what follows is said in the new one. */
async function choose({ ctx, actor }: Request, lang: Language): Promise<void> {
  await setLanguage(ctx.db, { personId: actor.person.id, lang });
}

export const languageFeature: Feature = {
  name: 'lang',
  commands: {
    lang: async (request): Promise<Outcome> => {
      const lang = chosenLanguage(request.args[0]);
      if (!lang) return privately(helpView(request.actor.t));
      await choose(request, lang);
      const t = texts(lang);
      return {
        ...privately(view(t.common.languageSet, { type: 'text', text: t.common.languageSet })),
        lang,
      };
    },
  },
  actions: {
    // The local page's language menu: the choice is the answer, nothing more is said.
    [CHOOSE_LANGUAGE]: async (request): Promise<Outcome> => {
      const lang = chosenLanguage(request.action.value);
      if (!lang) return { replies: [] };
      await choose(request, lang);
      return { replies: [], lang };
    },
  },
};
