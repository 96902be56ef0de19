import { App, type BlockAction, ExpressReceiver, webApi } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Caller, RequestContext, Settings } from '../../dialogues/core/context.js';
import type { Inbound } from '../../dialogues/core/inbound.js';
import type { AnsweredInbound, InboundHandler } from '../../dialogues/handle-inbound.js';
import { opensForm } from '../../dialogues/opens-form.js';
import { texts } from '../../dialogues/texts/catalogue.js';
import { REFRESH_FIELD } from '../../dialogues/view.js';
import type { AnswerWriter } from '../../store/answer-writer.js';
import type { Database } from '../../store/database.js';
import { claimDelivery } from '../../store/queries/handled-deliveries.js';
import type { Channel, RefreshMessages } from '../channel.js';
import type { Clock } from '../clock.js';
import { acksFirst } from '../http/acks-first.js';
import { cleanInPlace } from '../http/clean-text.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics/metrics.js';
import { requestScope } from '../request-scope.js';
import { boltLogger } from './bolt-logger.js';
import { answerInModal } from './modal-first.js';
import { parseActionId, readModalValues, slackErrors } from './render-blocks.js';
import { slackProcessingFailed } from './slack-errors.js';
import { refuseUnusablePayload } from './slack-payload-check.js';
import {
  deliverSlackReplies,
  inLanguage,
  modalFor,
  type SlackScene,
  sourceOfClick,
  unwrapModalState,
} from './slack-replies.js';
import { slackTransport } from './slack-transport.js';

export interface SlackChannelDeps {
  /** Reflection answers in group commits (server database only): see store/answer-writer. */
  answerWriter?: AnswerWriter | undefined;
  mode: 'http' | 'socket';
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  db: Database;
  handle: InboundHandler;
  settings: Settings;
  clock: Clock;
  log: Logger;
  /** Every platform's messages under a key: what an `update` reply does. */
  refresh: RefreshMessages;
  metrics?: Pick<Metrics, 'replied' | 'rateLimited'>;
}

/**
 * The real Bolt app: `/tillit` commands, button clicks, modal submissions and the App Home,
 * over HTTP at /slack/events (signature checked by Bolt's receiver) or Socket Mode.
 */
export function createSlackChannel(
  deps: SlackChannelDeps,
): Channel & { app: InstanceType<typeof App> } {
  const receiver =
    deps.mode === 'http'
      ? new ExpressReceiver({
          signingSecret: deps.signingSecret!,
          endpoints: '/slack/events',
          logger: boltLogger(deps.log),
          processEventErrorHandler: slackProcessingFailed(deps.log),
          customPropertiesExtractor: refuseUnusablePayload,
        })
      : undefined;
  const app = new App({
    token: deps.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: deps.appToken }),
    clientOptions: { ...(deps.apiUrl ? { slackApiUrl: deps.apiUrl } : {}), fetch: slackTransport },
    logger: boltLogger(deps.log),
    // Tillit keeps no state in Bolt's conversation store; its lookup failed (an Error, stack
    // and all) for every event: under load about 1.5 % of the process's CPU.
    convoStore: false,
  });
  const acks = acksFirst();
  registerListeners(app, { ...deps, acksSettled: acks.settled });
  return {
    name: 'slack',
    mode: deps.mode,
    app,
    mount(express) {
      if (!receiver) return;
      express.use('/slack/events', acks.middleware);
      express.use(receiver.router);
    },
    async start() {
      if (deps.mode === 'socket') await app.start();
    },
    async stop() {
      if (deps.mode === 'socket') await app.stop();
    },
  };
}

type ListenerDeps = SlackChannelDeps & { acksSettled: () => Promise<void> };

function registerListeners(app: InstanceType<typeof App>, deps: ListenerDeps) {
  // The Web API client waits out a 429 by itself; the count still reaches /metrics. Bolt
  // hands listeners a client per token, not app.client: each is counted once.
  const counted = new WeakSet<object>();
  app.use(async ({ client, next }) => {
    if (!counted.has(client)) {
      counted.add(client);
      client.on(webApi.WebClientEvent.RATE_LIMITED, () => deps.metrics?.rateLimited('slack'));
    }
    await next();
  });
  // The inbound boundary for Slack: control characters leave every payload before any
  // listener (or the database) sees it, as the JSON parser does for the other channels.
  app.use(async ({ body, next }) => {
    cleanInPlace(body);
    await next();
  });
  // Slack retries events it thinks were not received; the event id makes a retry a no-op.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && eventId !== '') {
      if (!(await claimDelivery(deps.db, { key: `slack-event:${eventId}` }))) {
        deps.log.info('slack retry ignored', { eventId: eventId.slice(0, 40) });
        return;
      }
    }
    await next();
  });

  app.command('/tillit', async ({ command, ack, client }) => {
    await ack();
    const scene = sceneOf(
      deps,
      client,
      command.team_id,
      command.user_id,
      command.channel_id,
      command.trigger_id,
    );
    await run(deps, scene, { kind: 'command', text: command.text });
  });

  app.action(/.*/, async ({ ack, body, client }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const action = body.actions[0];
    if (action?.type === 'static_select' && body.view) return refreshModal(deps, client, body);
    if (action?.type !== 'button') return;
    const teamId = body.user.team_id ?? body.team?.id ?? '';
    const scene = sceneOf(
      deps,
      client,
      teamId,
      body.user.id,
      body.channel?.id ?? null,
      body.trigger_id,
    );
    scene.source = sourceOfClick(body);
    await run(deps, scene, {
      kind: 'action',
      action: { id: parseActionId(action.action_id), value: action.value ?? '' },
    });
  });

  app.view(/.*/, async ({ ack, body, view, client }) => {
    const { channelId, state, source } = unwrapModalState(view.private_metadata);
    const teamId = body.user.team_id ?? body.team?.id ?? '';
    const scene = { ...sceneOf(deps, client, teamId, body.user.id, channelId), source };
    const inbound: Inbound = {
      kind: 'submit',
      formId: view.callback_id,
      state,
      values: readModalValues(view.state.values),
    };
    // The modal closes only once the write committed; the same view (id and hash) sent
    // again is stored once. Past the budget the modal says nothing was saved, and stays.
    const result = await handleWithin(deps, scene, inbound, `slack-view:${view.id}:${view.hash}`);
    // A form that follows (a second step) has its Cancel in the person's language.
    const answered = inLanguage(scene, result.lang);
    const errors = result.replies.find((r) => r.kind === 'form-errors');
    const form = result.replies.find((r) => r.kind === 'form');
    const firstInput = view.blocks.find((b) => b.type === 'input')?.block_id;
    if (errors)
      await ack({ response_action: 'errors', errors: slackErrors(errors.errors, firstInput) });
    else if (form) await ack({ response_action: 'update', view: modalFor(answered, form.form) });
    else await ack();
    const rest = result.replies.filter((r) => r.kind !== 'form-errors' && r.kind !== 'form');
    await finish(deps, scene, { ...result, replies: rest });
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const scene = sceneOf(deps, client, body.team_id, event.user, null);
    await run(deps, scene, { kind: 'home' });
  });

  // What a person writes to Tillit in its Messages tab works as `/tillit …` does (as in Teams).
  app.message(async ({ message, body, client }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id) return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const scene = sceneOf(deps, client, teamId, message.user, message.channel);
    await run(deps, scene, { kind: 'command', text: directMessageCommand(message.text ?? '') });
  });

  app.error(async (error) => {
    deps.log.error('slack listener failed', { error });
  });
}

/**
 * A select that other inputs depend on changed in an open modal (dispatch_action): the form's
 * handler answers with the form for the new choice, kept as typed so far, and nothing is saved.
 */
async function refreshModal(deps: SlackChannelDeps, client: WebClient, body: BlockAction) {
  const view = body.view!;
  const { channelId, state, source } = unwrapModalState(view.private_metadata);
  const teamId = body.user.team_id ?? body.team?.id ?? '';
  const scene = { ...sceneOf(deps, client, teamId, body.user.id, channelId), source };
  const values = { ...readModalValues(view.state.values), [REFRESH_FIELD]: '1' };
  const inbound: Inbound = { kind: 'submit', formId: view.callback_id, state, values };
  const result = await handleWithin(deps, scene, inbound);
  const form = result.replies.find((reply) => reply.kind === 'form');
  if (!form) return;
  const modal = modalFor(inLanguage(scene, result.lang), form.form);
  await client.views
    .update({ view_id: view.id, hash: view.hash, view: modal })
    .catch((error: unknown) => deps.log.warn('slack modal refresh failed', { error }));
}

function sceneOf(
  deps: SlackChannelDeps,
  client: WebClient,
  teamId: string,
  userId: string,
  channelId: string | null,
  triggerId?: string,
): SlackScene {
  return {
    client,
    teamId,
    userId,
    channelId,
    triggerId,
    // Until the request is answered, the person's language is not known (no look-up here).
    t: texts(deps.settings.defaultLang),
  };
}

function contextOf(deps: SlackChannelDeps, scene: SlackScene): RequestContext {
  const caller: Caller = { platform: 'slack', workspace: scene.teamId, externalId: scene.userId };
  return {
    db: deps.db,
    now: deps.clock.now(),
    settings: deps.settings,
    answerWriter: deps.answerWriter,
    caller,
    place: { platform: 'slack', workspace: scene.teamId, channelId: scene.channelId },
    directory: {
      displayName: async (identity) => {
        const info = await scene.client.users.info({ user: identity.externalId }).catch(() => null);
        return info?.user?.real_name || info?.user?.name || null;
      },
    },
  };
}

function handleWithin(deps: SlackChannelDeps, scene: SlackScene, inbound: Inbound, once?: string) {
  return deps.handle(contextOf(deps, scene), inbound, {
    once,
    // Answered for as "nothing was saved": its end is only worth a line in the log.
    onLate: ({ work }) => {
      void work.then((late) => {
        deps.log.warn('request finished after its answer; not committed', {
          kind: inbound.kind,
          user: scene.userId,
          outcome: late.failure ? 'failed' : 'rolled back',
        });
      });
    },
  });
}

async function run(deps: ListenerDeps, scene: SlackScene, inbound: Inbound) {
  await deps.acksSettled();
  const work = handleWithin(deps, scene, inbound);
  const { triggerId } = scene;
  // A modal opens only within 3 s of the click: a slow form gets its modal before it is ready.
  if (triggerId && opensForm(inbound)) {
    const carryOut = (result: AnsweredInbound) => finish(deps, scene, result);
    await answerInModal({ ...scene, triggerId }, deps.log, work, carryOut);
    return;
  }
  await finish(deps, scene, await work);
}

/** `help`, `/tillit help` and `tillit help` written in the DM are all the command `help`. */
export const directMessageCommand = (text: string): string =>
  text.trim().replace(/^\/?tillit\b:?\s*/i, '');

async function finish(deps: SlackChannelDeps, asked: SlackScene, result: AnsweredInbound) {
  const scene = inLanguage(asked, result.lang);
  if (result.failure)
    deps.log.error('request failed', { error: result.failure, user: scene.userId });
  try {
    await deliverSlackReplies(deps, scene, result.replies);
  } catch (error) {
    deps.log.error('slack delivery failed', { error, user: scene.userId });
  }
  const scope = requestScope.getStore();
  if (scope) deps.metrics?.replied('slack', (performance.now() - scope.startedAt) / 1000);
}
