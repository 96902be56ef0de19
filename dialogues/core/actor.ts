import { findAsker, type Person, type UnitRole } from '../../store/queries/people.js';
import type { Unit } from '../../store/queries/units.js';
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

/**
 * Who is asking (null for someone Tillit does not know, or no longer active) and the unit of
 * the channel they ask in (null in a direct message or an unlinked channel): one read.
 */
export async function resolveAsker(
  ctx: RequestContext,
): Promise<{ actor: Actor | null; unit: Unit | null }> {
  const { channelId } = ctx.place;
  const found = await findAsker(ctx.db, {
    identity: ctx.caller,
    channel: channelId ? { ...ctx.place, channelId } : null,
  });
  if (!found?.person.active) return { actor: null, unit: null };
  const { person, roles } = found;
  const lang = person.lang ?? languageOf(ctx);
  return { actor: { person, lang, t: texts(lang), roles }, unit: found.channelUnit };
}

/** The language for someone Tillit does not know (yet): the platform's hint, else the default. */
export function languageOf(ctx: RequestContext): Language {
  const hint = ctx.caller.localeHint?.slice(0, 2).toLowerCase();
  return hint === 'en' || hint === 'sv' ? hint : ctx.settings.defaultLang;
}
