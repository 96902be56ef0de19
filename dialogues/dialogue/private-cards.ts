import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import { getDialogue } from '../../store/queries/dialogues.js';
import {
  enqueueMessageUpdate,
  listUpdatedMessageKeys,
} from '../../store/queries/message-updates.js';
import { getPerson } from '../../store/queries/people.js';
import { listPostedKeysWithPrefix } from '../../store/queries/posted-messages.js';
import type { Language } from '../../store/schema/index.js';
import { isUuid } from '../core/ids.js';
import { texts } from '../texts/catalogue.js';
import { view } from '../view.js';

const prefixOf = (dialogueId: string) => `dialogue:${dialogueId}:private:`;
/** A dialogue's board key (`swot:<id>`, `risk:<id>`): the dialogue it shows. */
export function dialogueOfBoard(key: string): string | null {
  const [kind = '', id = '', ...rest] = key.split(':');
  return /^[a-z-]+$/i.test(kind) && isUuid(id) && rest.length === 0 ? id : null;
}

/**
 * The key of a private card a person got in a dialogue's phase (a ballot, a "Tack! Din punkt"
 * with its edit buttons): the channels record where such a card went, and when the phase is
 * over it is updated through the outbox so its buttons give way (retirePrivateCards).
 */
export const privateCardKey = (
  dialogue: Pick<Dialogue, 'id' | 'phase'>,
  personId: string,
  card: string,
): string => `${prefixOf(dialogue.id)}${dialogue.phase}:${personId}:${card}`;

/**
 * After a dialogue's phase moved on (or it closed), every private card of an earlier phase
 * that was posted somewhere shows that instead of its buttons: an outbox update of each, in
 * the person's language, once (a card already updated is left alone). Called with the
 * transaction that wrote the board's update.
 */
export async function retirePrivateCards(
  db: Database,
  params: { dialogueId: string; now: Date; defaultLang: Language },
): Promise<void> {
  const dialogue = await getDialogue(db, { dialogueId: params.dialogueId });
  if (!dialogue) return;
  const prefix = prefixOf(dialogue.id);
  const posted = await listPostedKeysWithPrefix(db, { prefix });
  const ended = posted.filter(
    (key) => dialogue.closedAt !== null || !key.startsWith(`${prefix}${dialogue.phase}:`),
  );
  if (ended.length === 0) return;
  const done = new Set(await listUpdatedMessageKeys(db, { messageKeys: ended }));
  const langs = new Map<string, Language>();
  for (const key of ended) {
    if (done.has(key)) continue;
    const personId = key.slice(prefix.length).split(':')[1] ?? '';
    if (!langs.has(personId)) {
      const person = isUuid(personId) ? await getPerson(db, { personId }) : null;
      langs.set(personId, person?.lang ?? params.defaultLang);
    }
    const t = texts(langs.get(personId)!).dialogue.privateCardOver;
    const text = dialogue.closedAt ? t.closed : t.moved;
    await enqueueMessageUpdate(db, {
      messageKey: key,
      view: view(text, { type: 'context', text }),
      now: params.now,
    });
  }
}
