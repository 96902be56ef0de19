import type { Application } from '@microsoft/teams-ai';
import { type Activity, ActivityTypes, TeamsInfo, type TurnContext } from 'botbuilder';
import type express from 'express';
import { languageOf } from '../../dialogues/core/actor.js';
import type { Caller, RequestContext, Settings } from '../../dialogues/core/context.js';
import type { Inbound } from '../../dialogues/core/inbound.js';
import type { InboundHandler } from '../../dialogues/handle-inbound.js';
import { helpView } from '../../dialogues/help.js';
import { texts } from '../../dialogues/texts/catalogue.js';
import type { AnswerWriter } from '../../store/answer-writer.js';
import type { Database } from '../../store/database.js';
import { claimDelivery, hiddenDeliveryKey } from '../../store/queries/handled-deliveries.js';
import type { Channel, RefreshMessages } from '../channel.js';
import type { Clock } from '../clock.js';
import type { TeamsConfig } from '../config.js';
import { jsonBody } from '../http/json-body.js';
import type { Logger } from '../log.js';
import { activityCheck } from './activity-check.js';
import { readCardValue } from './card-data.js';
import { uploadAcceptedFile } from './file-consent.js';
import { loopbackOnly } from './loopback-guard.js';
import { serviceUrlAllowed } from './service-url.js';
import { createTeamsAdapter, type TeamsAdapter } from './teams-adapter.js';
import {
  conversationKindOf,
  createTeamsConnector,
  placeChannelOf,
  rememberActivity,
  type TeamsConnector,
  tenantOf,
} from './teams-connector.js';
import { deliverTeamsReplies, type TeamsScene } from './teams-replies.js';
import { commandTextOf } from './teams-text.js';

export interface TeamsChannelDeps {
  /** Reflection answers in group commits (server database only): see store/answer-writer. */
  answerWriter?: AnswerWriter | undefined;
  config: TeamsConfig;
  db: Database;
  handle: InboundHandler;
  settings: Settings;
  clock: Clock;
  log: Logger;
  /** Every platform's messages under a key: what an `update` reply does. */
  refresh: RefreshMessages;
}

export type TeamsChannel = Channel & {
  adapter: TeamsAdapter;
  /** The Teams AI Application, loaded on first use (or at start with an app id). */
  application(): Promise<Application>;
  connector: TeamsConnector;
};

/**
 * The real Teams AI Application on botbuilder's CloudAdapter at POST /api/messages. With an
 * app id the adapter checks each request's Bot Framework token (401 without one); with none it
 * authenticates nobody, so only this machine may call (the Bot Framework Emulator, tests).
 */
export function createTeamsChannel(deps: TeamsChannelDeps): TeamsChannel {
  const { config } = deps;
  const adapter = createTeamsAdapter(config);
  adapter.onTurnError = async (_context, error) => {
    deps.log.error('teams turn failed', { error });
  };
  const appId = config.mode === 'bot-framework' ? config.appId : '';
  const connector = createTeamsConnector({
    adapter,
    appId,
    db: deps.db,
    serviceUrlAllowed: (url) => serviceUrlAllowed(config, url),
  });
  // Loading Application takes seconds (it brings the AI stack along); it is loaded once, when
  // the channel starts with an app id, or at the first request in emulator mode.
  let loading: Promise<Application> | null = null;
  const application = () => {
    loading ??= import('@microsoft/teams-ai/lib/Application.js').then((module) => {
      const app = new module.Application({
        adapter,
        botAppId: appId || undefined,
        // Tillit strips mentions itself: other people's become tokens the parser reads.
        removeRecipientMention: false,
        startTypingTimer: false,
      });
      registerRoutes(app, { ...deps, connector });
      return app;
    });
    return loading;
  };
  const guard = loopbackOnly((address) =>
    deps.log.warn('teams request refused: emulator mode accepts loopback only', { address }),
  );
  return {
    name: 'teams',
    mode: config.mode,
    adapter,
    application,
    connector,
    mount(server) {
      const checks = config.mode === 'emulator' ? [guard] : [];
      // Parsed and cleaned of control characters, then checked to be an activity at all.
      const body = [...jsonBody('1mb'), activityCheck()];
      const emulatorChecks = config.mode === 'emulator' ? [emulatorServiceUrl(deps.log)] : [];
      server.post('/api/messages', ...checks, ...body, ...emulatorChecks, async (req, res) => {
        const app = await application();
        await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
      });
    },
    async start() {
      if (config.mode !== 'bot-framework') return;
      application().catch((error) => deps.log.error('teams application failed to load', { error }));
    },
  };
}

type Deps = TeamsChannelDeps & { connector: TeamsConnector };

/**
 * In emulator mode nothing vouches for an activity, so its `serviceUrl` (where the replies go)
 * must be the Emulator on this machine: a request naming any other address is refused before
 * anything is stored or sent, so Tillit can never be made to call a URL of someone's choosing.
 */
function emulatorServiceUrl(log: Logger): express.RequestHandler {
  return (req, res, next) => {
    const serviceUrl: unknown = req.body?.serviceUrl;
    if (typeof serviceUrl === 'string' && serviceUrlAllowed({ mode: 'emulator' }, serviceUrl)) {
      return next();
    }
    log.warn('teams request refused: emulator mode replies to loopback only');
    res.status(400).json({
      error: 'service_url_not_allowed',
      message: "In emulator mode the activity's serviceUrl must be on this machine (loopback)",
    });
  };
}

function registerRoutes(app: Application, deps: Deps) {
  app.activity(ActivityTypes.Message, async (context) => {
    // The conversation is kept for messages Tillit sends later. It takes moments, alongside
    // the request; with the database away it must not keep the person from hearing so.
    const remembered = rememberActivity(deps.db, context.activity).catch((error: unknown) => {
      deps.log.warn('teams conversation not remembered', { error });
    });
    const inbound = await inboundOf(context);
    // Teams re-sends an activity it thinks was not received: claimed with the request's own
    // writes, the second one changes nothing.
    if (inbound) {
      const rememberedFirst = () => Promise.race([remembered, sleep(REMEMBER_WAIT_MS)]);
      await run(deps, context, inbound, activityKey(context.activity), rememberedFirst);
    }
    await remembered;
  });

  app.conversationUpdate('membersAdded', async (context) => {
    await rememberActivity(deps.db, context.activity);
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (!added.some((member) => member.id === botId)) return;
    if (!(await claimActivity(deps, context.activity))) return;
    await greet(deps, context);
  });

  // Sent with (or instead of) the membersAdded above: the reference is what matters here.
  app.activity('installationUpdate', async (context) => {
    await rememberActivity(deps.db, context.activity);
  });

  // An export the person agreed to receive: into their OneDrive, then shown in the chat.
  app.fileConsentAccept(async (context, _state, response) => {
    await uploadAcceptedFile(deps, context, response).catch((error: unknown) => {
      deps.log.error('teams file upload failed', { error });
    });
  });
  app.fileConsentDecline(async () => {});

  app.error(async (_context, error) => {
    deps.log.error('teams route failed', { error });
  });
}

/** How long the answer waits for the conversation to be remembered (moments, normally). */
const REMEMBER_WAIT_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The key a re-sent activity is recognised by (none without an id). */
function activityKey(activity: Partial<Activity>): string | undefined {
  if (!activity.id || !activity.conversation?.id) return undefined;
  return hiddenDeliveryKey(`teams-activity:${activity.conversation.id}:${activity.id}`);
}

async function claimActivity(deps: Deps, activity: Partial<Activity>): Promise<boolean> {
  const key = activityKey(activity);
  if (!key) return true;
  const claimed = await claimDelivery(deps.db, { key });
  if (!claimed) deps.log.info('teams retry ignored', { activityId: activity.id });
  return claimed;
}

type InboundWithCard = { inbound: Inbound; card: ReturnType<typeof readCardValue> };

/** A card click or submission (an Action.Submit's value), else the text as a command. */
async function inboundOf(context: TurnContext): Promise<InboundWithCard | null> {
  const card = readCardValue(context.activity.value);
  if (card?.kind === 'action') return { inbound: { kind: 'action', action: card.action }, card };
  if (card?.kind === 'submit') {
    const { formId, state, values } = card;
    return { inbound: { kind: 'submit', formId, state, values }, card };
  }
  if (context.activity.value !== undefined && !context.activity.text) return null;
  const text = await commandTextOf(context.activity, (userId) => aadOfMember(context, userId));
  return { inbound: { kind: 'command', text }, card: null };
}

async function aadOfMember(context: TurnContext, userId: string): Promise<string | null> {
  const member = await TeamsInfo.getMember(context, userId);
  return member.aadObjectId ?? null;
}

function sceneOf(
  context: TurnContext,
  card: InboundWithCard['card'],
  t: TeamsScene['t'],
): TeamsScene {
  const activity = context.activity;
  return {
    context,
    conversationId: activity.conversation.id,
    kind: conversationKindOf(activity),
    tenantId: tenantOf(activity),
    user: { id: activity.from.id, aadObjectId: callerOf(activity).externalId },
    placeChannelId: placeChannelFor(activity, card),
    origin: card?.origin ?? null,
    replyToId: activity.replyToId ?? null,
    sourceId: sourceOf(activity, card),
    submitted: card?.kind === 'submit' ? { values: card.values } : null,
    t,
  };
}

/** The 1:1 card acted on: the one clicked, or the one whose button opened the submitted form. */
function sourceOf(activity: Partial<Activity>, card: InboundWithCard['card']): string | null {
  if (conversationKindOf(activity) !== 'personal') return null;
  if (card?.kind === 'submit') return card.source;
  return card?.kind === 'action' ? (activity.replyToId ?? null) : null;
}

function callerOf(activity: Partial<Activity>): Caller {
  return {
    platform: 'teams',
    workspace: tenantOf(activity),
    // In the Emulator there is no AAD object id: its user id stands in for one.
    externalId: (activity.from?.aadObjectId ?? activity.from?.id ?? '').toLowerCase(),
    ...(activity.locale ? { localeHint: activity.locale } : {}),
  };
}

/** Where a request acts: a card sent privately for a channel acts in that channel. */
function placeChannelFor(activity: Partial<Activity>, card: InboundWithCard['card']) {
  return card?.origin ? card.origin.p : placeChannelOf(activity);
}

function contextOf(deps: Deps, turn: TurnContext, card: InboundWithCard['card']): RequestContext {
  return {
    db: deps.db,
    now: deps.clock.now(),
    settings: deps.settings,
    answerWriter: deps.answerWriter,
    caller: callerOf(turn.activity),
    // Teams conversation and channel ids are unique across tenants; links are kept without one.
    place: { platform: 'teams', workspace: '', channelId: placeChannelFor(turn.activity, card) },
    directory: {
      displayName: async (identity) => {
        const member = await TeamsInfo.getMember(turn, identity.externalId).catch(() => null);
        return member?.name || null;
      },
    },
  };
}

async function run(
  deps: Deps,
  turn: TurnContext,
  { inbound, card }: InboundWithCard,
  once?: string,
  beforeDelivery?: () => Promise<unknown>,
) {
  const ctx = contextOf(deps, turn, card);
  const result = await deps.handle(ctx, inbound, { once });
  if (result.duplicate) {
    deps.log.info('teams retry ignored', { activityId: turn.activity.id?.slice(0, 60) });
    return;
  }
  if (result.failure) deps.log.error('request failed', { error: result.failure });
  // The language the answer is in (no second look-up: the database may be away).
  const scene = sceneOf(turn, card, texts(result.lang));
  await beforeDelivery?.();
  try {
    await deliverTeamsReplies(deps, scene, result.replies);
  } catch (error) {
    deps.log.error('teams delivery failed', { error });
  }
}

/**
 * Installed in a team, a chat or for a person: a hello and what Tillit can do. A person hears
 * it in their own language; a channel in the default one, since everyone there reads it.
 */
async function greet(deps: Deps, turn: TurnContext) {
  const personal = conversationKindOf(turn.activity) === 'personal';
  const lang = personal ? languageOf(contextOf(deps, turn, null)) : deps.settings.defaultLang;
  const t = texts(lang);
  await deliverTeamsReplies(deps, sceneOf(turn, null, t), [
    { kind: 'channel', view: helpView(t, t.teams.greeting) },
  ]);
}
