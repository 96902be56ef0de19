import { findPersonWithRoles, type Person, type UnitRole } from '../../store/queries/people.js';
import { findUnitForChannel, type Unit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';
import { type Catalogue, texts } from '../texts/catalogue.js';
import type { RequestContext } from './context.js';

/** A known person making a request, with their language and every role they hold. */
export interface Actor {
  person: Person;
  lang: Language;
  t: Catalogue;
  roles: UnitRole[];
}

export async function resolveActor(ctx: RequestContext): Promise<Actor | null> {
  const found = await findPersonWithRoles(ctx.db, ctx.caller);
  if (!found?.person.active) return null;
  const { person, roles } = found;
  const lang = person.lang ?? languageOf(ctx);
  return { person, lang, t: texts(lang), roles };
}

/** The language for someone Tillit does not know (yet): the platform's hint, else the default. */
export function languageOf(ctx: RequestContext): Language {
  const hint = ctx.caller.localeHint?.slice(0, 2).toLowerCase();
  return hint === 'en' || hint === 'sv' ? hint : ctx.settings.defaultLang;
}

/** The unit of the channel the request came from; null in a direct message or unlinked channel. */
export async function resolveChannelUnit(ctx: RequestContext): Promise<Unit | null> {
  if (!ctx.place.channelId) return null;
  return findUnitForChannel(ctx.db, {
    platform: ctx.place.platform,
    workspace: ctx.place.workspace,
    channelId: ctx.place.channelId,
  });
}
