import type { CommandRequest } from '../core/feature.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import {
  erasePersonData,
  exportLines,
  exportPerson,
  PERSON_KEY,
} from '../privacy/person-register.js';
import { texts } from '../texts/catalogue.js';
import { type Block, view } from '../view.js';

/** Records per kind shown in chat; the command line gives the whole extract. */
const CHAT_LINES_PER_SECTION = 10;

const CONFIRM_WORDS = new Set(['confirm', 'bekräfta', 'bekrafta']);

/**
 * `setup gdpr export <key>` and `setup gdpr erase <key> confirm`, for administrators (the
 * setup command checks that first). The answer is private to the administrator who asked.
 */
export async function setupGdpr(request: CommandRequest, args: string[]): Promise<Outcome> {
  const t = request.actor.t.gdpr;
  const [sub = '', key = '', confirm = ''] = args;
  if (!PERSON_KEY.test(key)) return say(t.badKey);
  switch (sub.toLowerCase()) {
    case 'export':
    case 'utdrag':
      return exportInChat(request, key);
    case 'erase':
    case 'radera':
      return eraseInChat(request, key, CONFIRM_WORDS.has(confirm.toLowerCase()));
    default:
      return say(t.usage.join('\n'));
  }
}

async function exportInChat({ ctx, actor }: CommandRequest, key: string): Promise<Outcome> {
  const t = actor.t;
  const data = await exportPerson(ctx.db, { personKey: key, t });
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
  { ctx, actor }: CommandRequest,
  key: string,
  confirmed: boolean,
): Promise<Outcome> {
  const t = actor.t.gdpr;
  if (!confirmed) {
    const data = await exportPerson(ctx.db, { personKey: key, t: actor.t });
    if (!data) return say(t.unknown);
    return say(t.confirmErase({ key, name: String(data.person.name) }));
  }
  const name = (await exportPerson(ctx.db, { personKey: key, t: actor.t }))?.person.name;
  const erased = await erasePersonData(ctx.db, {
    personKey: key,
    now: ctx.now,
    defaultTexts: texts(ctx.settings.defaultLang),
  });
  if (!erased) return say(t.unknown);
  return say(t.erased({ name: String(name), records: erased.records }));
}
