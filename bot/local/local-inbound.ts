import type { Caller, RequestContext, Settings } from '../../dialogues/core/context.js';
import type { Inbound } from '../../dialogues/core/inbound.js';
import type { InboundHandler } from '../../dialogues/handle-inbound.js';
import { containsPersonnummer } from '../../dialogues/safety/personnummer.js';
import { texts } from '../../dialogues/texts/catalogue.js';
import type { AnswerWriter } from '../../store/answer-writer.js';
import type { Database } from '../../store/database.js';
import { postLocalMessage } from '../../store/queries/local-messages.js';
import { findPersonByIdentity, type Person } from '../../store/queries/people.js';
import type { Language } from '../../store/schema/index.js';
import type { RefreshMessages } from '../channel.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { carryOutLocally, type LocalScene } from './local-replies.js';
import { renderFormHtml, renderViewHtml } from './render-html.js';

export interface LocalInboundDeps {
  /** Reflection answers in group commits (server database only): see store/answer-writer. */
  answerWriter?: AnswerWriter | undefined;
  db: Database;
  handle: InboundHandler;
  settings: Settings;
  clock: Clock;
  log: Logger;
  /** Every platform's messages under a key: what an `update` reply does. */
  refresh: RefreshMessages;
}

/** The local identity of a person: the platform 'local', no workspace, the person key. */
export const localIdentity = (personKey: string): Caller => ({
  platform: 'local',
  workspace: '',
  externalId: personKey,
});

/** The person behind a local identity, or null (the page must not act for someone unknown). */
export async function findLocalPerson(db: Database, personKey: string): Promise<Person | null> {
  const person = await findPersonByIdentity(db, localIdentity(personKey));
  return person?.active ? person : null;
}

/** What the page gets back from a command, click or submit. */
export interface LocalResponse {
  /** The person's language after the request (a `lang en` command changes it). */
  lang: Language;
  form?: { id: string; html: string };
  errors?: Record<string, string>;
  home?: { html: string };
  /** A private line for the status bar, stored nowhere (the thanks for anonymous feedback). */
  notice?: string;
}

/** Runs one inbound through the use cases as the person, in the channel, and carries it out. */
export async function runLocalInbound(
  deps: LocalInboundDeps,
  person: Person,
  personKey: string,
  channelId: string | null,
  inbound: Inbound,
  messageId: string | null = null,
): Promise<LocalResponse> {
  const now = deps.clock.now();
  const ctx: RequestContext = {
    db: deps.db,
    now,
    settings: deps.settings,
    answerWriter: deps.answerWriter,
    caller: localIdentity(personKey),
    place: { platform: 'local', workspace: '', channelId },
    // Asked only for someone Tillit does not know yet, and a local identity Tillit does not
    // know has no name anywhere. (Never read deps.db here: the request runs in a transaction.)
    directory: { displayName: async () => null },
  };
  const handled = await deps.handle(ctx, inbound);
  if (handled.failure) {
    deps.log.error('request failed', {
      error: handled.failure,
      channel: 'local',
      kind: inbound.kind,
    });
  }
  const scene: LocalScene = { personId: person.id, channelId, now, messageId };
  const answer = await carryOutLocally(deps, scene, handled.replies);
  // The answer knows its language (after `lang en`, the new one): no second look-up.
  const { lang } = handled;
  const response: LocalResponse = { lang };
  if (answer.form) {
    const t = texts(lang);
    const labels = { cancelLabel: t.common.cancel, chooseLabel: t.local.chooseOption };
    response.form = { id: answer.form.id, html: renderFormHtml(answer.form, labels) };
  }
  if (answer.errors) response.errors = answer.errors;
  if (answer.home) response.home = { html: renderViewHtml(answer.home) };
  if (answer.notice) response.notice = answer.notice;
  return response;
}

/** The longest command echo kept; the rest is cut with "…". */
const ECHO_MAX = 500;

/**
 * Shows the person what they typed, as in a chat, visible to them alone. A text that looks
 * like it holds a personnummer is not echoed: it must never be stored, not even here.
 */
export async function echoCommand(
  deps: LocalInboundDeps,
  person: Person,
  channelId: string | null,
  typed: string,
): Promise<void> {
  if (!channelId || containsPersonnummer(typed)) return;
  const shown = typed.length > ECHO_MAX ? `${typed.slice(0, ECHO_MAX - 1)}…` : typed;
  await postLocalMessage(deps.db, {
    channelId,
    personId: person.id,
    authorId: person.id,
    view: { summary: shown, blocks: [] },
    postedAt: deps.clock.now(),
  });
}

/**
 * `/tillit swot Topic` → `swot Topic` (the slash command is optional on the page), and
 * `@person-key` → the `<@person-key>` mention form the command parser reads.
 */
export function commandText(typed: string): string {
  return typed
    .trim()
    .replace(/^\/tillit(?:\s+|$)/i, '')
    .replace(/(^|\s)@([a-z0-9][a-z0-9_-]*)/gi, '$1<@$2>');
}
