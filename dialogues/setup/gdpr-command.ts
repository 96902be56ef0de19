import { isWord } from '../commands/words.js';
import type { CommandRequest } from '../core/feature.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import {
  erasePersonData,
  exportLines,
  exportPerson,
  PERSON_KEY,
  type Requester,
} from '../privacy/person-register.js';
import { texts } from '../texts/catalogue.js';
import { type Block, view } from '../view.js';

/** Records per kind shown in chat; the command line gives the whole extract. */
const CHAT_LINES_PER_SECTION = 10;

const CONFIRM_WORDS = ['confirm', 'bekräfta'];

/**
 * `setup gdpr export <key>` and `setup gdpr erase <key> confirm`, for administrators (the
 * setup command checks that first). The answer is private to the administrator who asked.
 */
export async function setupGdpr(request: CommandRequest, args: string[]): Promise<Outcome> {
  const t = request.actor.t.gdpr;
  const [sub = '', key = '', confirm = ''] = args;
  if (!PERSON_KEY.test(key)) return say(t.badKey);
  if (isWord(sub, ['export', 'utdrag'])) return exportInChat(request, key);
  if (isWord(sub, ['erase', 'radera'])) {
    return eraseInChat(request, key, isWord(confirm, CONFIRM_WORDS));
  }
  return say(t.usage.join('\n'));
}

const requesterOf = ({ ctx, actor }: CommandRequest): Requester => ({
  actorPersonId: actor.person.id,
  source: 'chat',
  now: ctx.now,
});

async function exportInChat(request: CommandRequest, key: string): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const data = await exportPerson(ctx.db, { personKey: key, t, requester: requesterOf(request) });
  if (!data) return say(t.gdpr.unknown);
  const title = t.gdpr.exportTitle({ name: String(data.person.name) });
  const blocks: Block[] = [{ type: 'header', text: title }];
  for (const part of exportLines(t, data, { perSection: CHAT_LINES_PER_SECTION })) {
    blocks.push({ type: 'text', text: `*${part.heading}*` });
    blocks.push({ type: 'list', items: part.lines.map((text) => ({ text })) });
  }
  blocks.push({ type: 'context', text: data.reflectionAnswers });
  return privately(view(title, ...blocks));
}

async function eraseInChat(
  request: CommandRequest,
  key: string,
  confirmed: boolean,
): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.gdpr;
  // Only the name, for the confirmation: not an extract, so not audited as one.
  const name = (await exportPerson(ctx.db, { personKey: key, t: actor.t, requester: null }))?.person
    .name;
  if (name === undefined) return say(t.unknown);
  if (!confirmed) return say(t.confirmErase({ key, name: String(name) }));
  const erased = await erasePersonData(ctx.db, {
    personKey: key,
    requester: requesterOf(request),
    defaultTexts: texts(ctx.settings.defaultLang),
  });
  if (!erased) return say(t.unknown);
  return say(t.erased({ name: String(name), records: erased.records }));
}
