import type { Activity } from 'botbuilder';
import { isUuid } from '../../dialogues/core/ids.js';

interface MentionEntity {
  type: 'mention';
  text?: string;
  mentioned?: { id?: string; name?: string; aadObjectId?: string };
}

/** Finds the AAD object id of a Teams account id (`29:…`), e.g. from the conversation roster. */
export type AadLookup = (teamsUserId: string) => Promise<string | null>;

/**
 * A message's text as the command parser wants it: the mention of Tillit removed (in a
 * channel a command starts with it), a leading `/tillit` accepted, and every other mention
 * turned into the neutral `<@aadObjectId|Name>` token (the person's AAD object id is what
 * identities store). A mention that cannot be resolved stays as the plain name.
 */
export async function commandTextOf(activity: Partial<Activity>, lookup: AadLookup) {
  let text = decodeEntities(activity.text ?? '');
  const botId = activity.recipient?.id;
  const mentions = (activity.entities ?? []).filter(
    (e): e is MentionEntity & typeof e => e.type === 'mention',
  ) as MentionEntity[];
  for (const mention of mentions) {
    const shown = mention.text ?? `<at>${mention.mentioned?.name ?? ''}</at>`;
    const id = mention.mentioned?.id ?? '';
    if (id && id === botId) {
      text = text.replace(shown, ' ');
      continue;
    }
    const name = (mention.mentioned?.name ?? stripAt(shown)).replace(/[|<>]/g, ' ').trim();
    const aad = await aadOf(mention, lookup);
    text = text.replace(shown, aad ? mentionToken(aad, name) : name);
  }
  // A mention of Tillit without an entity (older clients, the Emulator): the first <at> tag.
  text = text.replace(/^\s*<at>[^<]*<\/at>/i, ' ');
  text = text.replace(/<at>([^<]*)<\/at>/gi, '$1');
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/?tillit\b:?\s*/i, '')
    .trim();
}

async function aadOf(mention: MentionEntity, lookup: AadLookup): Promise<string | null> {
  const given = mention.mentioned?.aadObjectId;
  if (given && isUuid(given)) return given.toLowerCase();
  const id = mention.mentioned?.id ?? '';
  if (isUuid(id)) return id.toLowerCase();
  if (!id) return null;
  const found = await lookup(id).catch(() => null);
  return found ? found.toLowerCase() : null;
}

/**
 * The parser splits a command on whitespace, so a token keeps only a name without spaces;
 * a longer name is left out and looked up by the id (the directory asks Teams) when needed.
 */
const mentionToken = (aad: string, name: string) =>
  name && !/\s/.test(name) ? `<@${aad}|${name}>` : `<@${aad}>`;

const stripAt = (shown: string) => shown.replace(/<\/?at>/gi, '');

/** Teams sends message text with a few HTML entities (and &nbsp; for spaces around mentions). */
function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
