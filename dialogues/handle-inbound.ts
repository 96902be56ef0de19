import { claimDelivery, releaseDelivery } from '../store/queries/handled-deliveries.js';
import { enqueueMessageUpdate } from '../store/queries/message-updates.js';
import type { Language } from '../store/schema/index.js';
import { parseCommand } from './commands/parse-command.js';
import { type Actor, languageOf, resolveAsker } from './core/actor.js';
import { answerInTime, type Late, type Timing } from './core/answer-in-time.js';
import { type CommitGuard, TooLate } from './core/commit-guard.js';
import type { RequestContext } from './core/context.js';
import type { Feature, Request } from './core/feature.js';
import type { Inbound } from './core/inbound.js';
import { withLimitHints } from './core/limit-hints.js';
import { formError, type Outcome, outcome, privately, type Reply } from './core/outcome.js';
import { localDate } from './dialogue/local-time.js';
import { dialogueOfBoard, retirePrivateCards } from './dialogue/private-cards.js';
import { features as allFeatures } from './features.js';
import { helpView } from './help.js';
import { refusePersonnummer } from './safety/inbound-guard.js';
import { texts } from './texts/catalogue.js';
import { view } from './view.js';

/** The outcome, plus the error behind it when something unexpected failed (for the log). */
export interface HandledInbound extends Outcome {
  failure?: unknown;
  /** The same request (its `once` key) was handled before: nothing was done now. */
  duplicate?: boolean;
}

/** What the handler answers: the outcome, always with the language its replies are in. */
export type AnsweredInbound = HandledInbound & { lang: Language };

export interface HandleOptions {
  /**
   * An idempotency key for the whole request (a Slack view's id and hash): claimed in the
   * request's own transaction, so an identical second submission changes nothing and is
   * answered as the first was (accepted). A refused request (form errors) gives it back.
   */
  once?: string;
  /** Hears about work that was answered for before it finished (to log its end). */
  onLate?: (late: Late<HandledInbound>) => void;
}

/**
 * The one entry for everything a person sends, from any channel: who is asking, in which
 * unit, then the feature that answers. Never throws: an unexpected error becomes "something
 * went wrong, nothing was saved" in the person's language, with the error kept for the log.
 *
 * Each request runs in one transaction: what it changes is stored whole or not at all. With
 * `timing` (the running bot), the person hears within the budget; work answered for as
 * "nothing was saved" is rolled back instead of committed (see answer-in-time).
 */
export function createInboundHandler(features: Feature[] = allFeatures, timing?: Timing) {
  const routes = buildRoutes(features);
  return async function handleInbound(
    ctx: RequestContext,
    inbound: Inbound,
    options: HandleOptions = {},
  ): Promise<AnsweredInbound> {
    let lang = languageOf(ctx);
    const run = (guard: CommitGuard | null) =>
      handleInTransaction(routes, ctx, inbound, options.once, guard, (actor) => {
        lang = actor.lang;
      });
    // Every answer says its language: the one a use case chose, else the asker's as found.
    if (!timing) return inLanguage(await run(null), lang);
    const answered = await answerInTime(
      inbound,
      () => texts(lang).common,
      timing,
      ({ guard }) => run(guard),
      (late) => options.onLate?.(late),
    );
    return inLanguage(answered, lang);
  };
}

/** The answer with its language: the one the use case chose, else the asker's. */
function inLanguage(answer: HandledInbound, asker: Language): AnsweredInbound {
  return { ...answer, lang: answer.lang ?? asker };
}

async function handleInTransaction(
  routes: Routes,
  ctx: RequestContext,
  inbound: Inbound,
  once: string | undefined,
  guard: CommitGuard | null,
  found: (actor: Actor) => void,
): Promise<HandledInbound> {
  let actor: Actor | null = null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const txCtx: RequestContext = { ...ctx, db: tx, guard };
      // Independent reads, sent together (pipelined on the transaction's connection): every
      // request pays for them, and one round trip costs less than three under load.
      const [claimed, { actor: asker, unit }] = await Promise.all([
        once ? claimDelivery(tx, { key: once }) : true,
        resolveAsker(txCtx),
      ]);
      if (!claimed) return { replies: [], duplicate: true };
      actor = asker;
      if (actor) found(actor);
      const result = actor
        ? withLimitHints(actor.t, await route(routes, { ctx: txCtx, actor, unit }, inbound))
        : unknownPerson(txCtx, inbound);
      // A refused submission may be corrected and sent again from the same view.
      if (once && result.replies.some((r) => r.kind === 'form-errors')) {
        await releaseDelivery(tx, { key: once });
      }
      await enqueueBoardUpdates(txCtx, result.replies);
      // Claimed now, the answer waits for this commit; closed already, nothing commits.
      if (guard && !guard.claim()) throw new TooLate();
      return result;
    });
  } catch (failure) {
    const t = (actor as Actor | null)?.t ?? texts(languageOf(ctx));
    const text = t.common.somethingWentWrong;
    const reply =
      inbound.kind === 'submit' ? formError(text) : privately(view(text, { type: 'text', text }));
    return { ...reply, failure };
  }
}

/**
 * A board the request changed is updated through the outbox, in the request's own transaction:
 * the update commits with the change or not at all, and its version is taken after the change
 * (and the board's lock, see lockBoard), so a board that saw this change wins over one that
 * did not. The channel then asks for it to be delivered at once (`refresh`).
 */
async function enqueueBoardUpdates(ctx: RequestContext, replies: readonly Reply[]) {
  for (const reply of replies) {
    if (reply.kind !== 'update') continue;
    await enqueueMessageUpdate(ctx.db, { messageKey: reply.key, view: reply.view, now: ctx.now });
    // A phase this request ended leaves no buttons on the private cards made in it.
    const dialogueId = dialogueOfBoard(reply.key);
    if (dialogueId) {
      await retirePrivateCards(ctx.db, {
        dialogueId,
        now: ctx.now,
        defaultLang: ctx.settings.defaultLang,
      });
    }
  }
}

export type InboundHandler = ReturnType<typeof createInboundHandler>;

interface Routes {
  commands: Map<string, NonNullable<Feature['commands']>[keyof NonNullable<Feature['commands']>]>;
  actions: Map<string, NonNullable<Feature['actions']>[string]>;
  forms: Map<string, NonNullable<Feature['forms']>[string]>;
  home: NonNullable<Feature['home']>[];
}

function buildRoutes(features: Feature[]): Routes {
  const routes: Routes = { commands: new Map(), actions: new Map(), forms: new Map(), home: [] };
  const add = <T>(map: Map<string, T>, entries: Record<string, T | undefined>, kind: string) => {
    for (const [id, handler] of Object.entries(entries)) {
      if (!handler) continue;
      if (map.has(id)) throw new Error(`Two features answer the ${kind} "${id}"`);
      map.set(id, handler);
    }
  };
  for (const feature of features) {
    add(routes.commands, feature.commands ?? {}, 'command');
    add(routes.actions, feature.actions ?? {}, 'action');
    add(routes.forms, feature.forms ?? {}, 'form');
    if (feature.home) routes.home.push(feature.home);
  }
  return routes;
}

async function route(routes: Routes, request: Request, inbound: Inbound): Promise<Outcome> {
  const t = request.actor.t;
  const today = localDate(request.ctx.now, request.ctx.settings.defaultTimezone);
  const refused = refusePersonnummer(t, inbound, today);
  if (refused) return refused;
  switch (inbound.kind) {
    case 'command': {
      const parsed = parseCommand(inbound.text);
      if (parsed.name === 'unknown') {
        return privately(helpView(t, t.help.unknownCommand({ text: parsed.text })));
      }
      const handler = routes.commands.get(parsed.name);
      if (!handler) return privately(helpView(t));
      return handler({ ...request, args: parsed.args, rest: parsed.rest });
    }
    case 'action': {
      const handler = routes.actions.get(inbound.action.id);
      if (!handler)
        return privately(view(t.common.staleButton, { type: 'text', text: t.common.staleButton }));
      return handler({ ...request, action: inbound.action });
    }
    case 'submit': {
      const handler = routes.forms.get(inbound.formId);
      if (!handler) return formError(t.common.staleButton);
      return handler({
        ...request,
        formId: inbound.formId,
        state: inbound.state,
        values: inbound.values,
      });
    }
    case 'home': {
      const parts = await Promise.all(routes.home.map((part) => part(request)));
      return outcome({ kind: 'home', view: view(t.home.title, ...parts.flat()) });
    }
  }
}

function unknownPerson(ctx: RequestContext, inbound: Inbound): Outcome {
  const t = texts(languageOf(ctx));
  const text = t.common.unknownPerson;
  if (inbound.kind === 'command' && parseCommand(inbound.text).name === 'help') {
    return privately(helpView(t, text));
  }
  if (inbound.kind === 'submit') return formError(text);
  if (inbound.kind === 'home')
    return outcome({ kind: 'home', view: view(text, { type: 'text', text }) });
  return privately(view(text, { type: 'text', text }));
}
