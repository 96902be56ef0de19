import { features } from '../dialogues/features.js';
import { createInboundHandler } from '../dialogues/handle-inbound.js';
import type { DatabaseHandle } from '../store/database.js';
import { type Background, createDeliverers, startBackground } from './background.js';
import type { Channel, RefreshMessages } from './channel.js';
import { type Clock, createClock } from './clock.js';
import type { Config } from './config.js';
import { requestProbe } from './database-probe.js';
import { createHttpApp, finishHttpApp, type HttpServer, listen } from './http-server.js';
import { mountImages } from './images.js';
import { isDemoOrg } from './local/demo-data.js';
import { createLocalChannel } from './local/local-channel.js';
import { createLogger, type Logger } from './log.js';
import { createMetrics } from './metrics/metrics.js';
import { mountMetrics } from './metrics/metrics-route.js';
import { createSender, type Sender } from './outbox/sender.js';
import { type CredentialStates, mountReadiness } from './readiness.js';
import { settingsFrom } from './request-settings.js';
import { createSlackChannel } from './slack/slack-channel.js';
import { mountSummaryFiles } from './summary-files.js';
import { createTeamsChannel } from './teams/teams-channel.js';
import { mountTeamsOff } from './teams/teams-off.js';

export interface TillitOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  log?: Logger;
  /** Background loops (outbox sender, scheduler); tests turn them off and drive time. */
  background?: boolean;
  /** What start-up learnt of the credentials (bot/main.ts), for /readyz. */
  credentials?: CredentialStates;
}

export interface RunningTillit extends HttpServer {
  channels: Channel[];
  clock: Clock;
  /** Delivers now the update of the message posted under a key, already in the outbox. */
  refresh: RefreshMessages;
  /** The instance's outbox sender (its loop runs only with background work on). */
  sender: Sender;
  /** Waits for the message updates this instance is delivering (tests, shutdown). */
  settle(): Promise<void>;
  /**
   * Drains and stops: /healthz says 503 at once, background loops stop (leases released),
   * `drainMs` later the server stops accepting, requests in flight finish, then the rest.
   */
  stop(options?: { drainMs?: number }): Promise<void>;
}

/**
 * Time travel moves the one clock every use case reads: only where nobody real is reached
 * (the demo organisation and no Slack or Teams credentials) or where TIME_TRAVEL=on asks for it.
 */
async function timeTravelAllowed(config: Config, db: DatabaseHandle['db']): Promise<boolean> {
  if (config.timeTravel === 'on') return true;
  return config.timeTravel === 'demo' && (await isDemoOrg(db));
}

/** From the request to the person's answer, kept under Slack's 3 s with room for the network. */
const REQUEST_BUDGET_MS = 2_500;

/** How long requests in flight may take after the server stops accepting new ones. */
const CLOSE_GRACE_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops accepting and waits for requests in flight; a connection still open after `ms` is cut. */
async function closeWithin(server: HttpServer, ms: number): Promise<void> {
  const cut = setTimeout(() => server.server.closeAllConnections(), ms);
  try {
    await server.close();
  } finally {
    clearTimeout(cut);
  }
}

/** The composition root: one database, one HTTP server, every configured channel. */
export async function startTillit(options: TillitOptions): Promise<RunningTillit> {
  const { config, database } = options;
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? createClock();
  // Every person hears within Slack's 3 s, and nothing answered as unsaved commits later.
  const handle = createInboundHandler(features, {
    budgetMs: REQUEST_BUDGET_MS,
    reachable: requestProbe(database),
  });
  const settings = settingsFrom(config);
  const metrics = createMetrics({ database, clock });
  const channels: Channel[] = [];
  if (config.localChannel && config.timeTravel === 'on') {
    log.warn(
      "TIME_TRAVEL=on: whoever can use the local channel can move Tillit's clock for everyone, and every prompt and reminder that falls due is sent to real people. For tests and staging only.",
    );
  }
  if (config.localChannelRefused) {
    log.warn(
      `local channel off: HOST=${config.HOST} is not loopback and the page has no login without LOCAL_CHANNEL_TOKEN (set HOST=127.0.0.1, or LOCAL_CHANNEL_TOKEN to serve it behind a login)`,
    );
  }
  // Board updates go through the outbox (written with the change that caused them), so they
  // are retried, survive a crash and never go backwards across instances; a request's or a
  // tick's own instance carries them out at once. Assigned once the channels exist (the Teams
  // channel's connector is its deliverer's).
  let sender: Sender | null = null;
  // Not awaited: a busy board's next update waits a second (one update of a message a second,
  // across instances), and the person's other replies should not wait with it. settle() waits.
  const refresh: RefreshMessages = async (key) => {
    void sender?.deliverNow([key]);
  };
  // What every channel is built with: the use cases, their context, and where updates go.
  const shared = {
    db: database.db,
    answerWriter: database.answerWriter,
    handle,
    settings,
    clock,
    log,
    refresh,
    metrics,
  };
  if (config.slack) {
    channels.push(
      createSlackChannel({
        mode: config.slack.mode,
        botToken: config.slack.botToken,
        signingSecret: config.slack.signingSecret,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        ...shared,
      }),
    );
  }
  // Teams with an app id, or the Emulator when asked for (TEAMS_EMULATOR=on, loopback only);
  // otherwise /api/messages refuses everyone with 401 (mountTeamsOff).
  if (config.teams.mode !== 'off') {
    channels.push(createTeamsChannel({ config: config.teams, ...shared }));
  }
  // Assigned once the server listens; time travel on the local page may come before that.
  let background: Background | null = null;
  if (config.localChannel) {
    channels.push(
      createLocalChannel({
        ...shared,
        access: config.localAccess,
        timeTravel: () => timeTravelAllowed(config, database.db),
        // After a jump, what fell due (prompts, nudges) shows at once, not at the next minute.
        afterTimeTravel: async () => {
          await background?.scheduler.runOnce();
          await background?.sender.runOnce();
        },
      }),
    );
  }
  const teamsChannel = channels.find((c) => c.name === 'teams') as
    | ReturnType<typeof createTeamsChannel>
    | undefined;
  const outboxSender = createSender({
    db: database.db,
    clock,
    log,
    deliverers: createDeliverers({
      config,
      db: database.db,
      clock,
      teamsConnector: teamsChannel?.connector,
    }),
    rateLimited: metrics.rateLimited,
  });
  sender = outboxSender;
  let draining = false;
  const app = createHttpApp(database, channels, () => draining, { log, metrics });
  if (config.teams.mode === 'off') mountTeamsOff(app);
  mountImages(app, { db: database.db, log });
  mountSummaryFiles(app, { db: database.db, clock });
  mountReadiness(app, { database, credentials: options.credentials ?? null });
  mountMetrics(app, { metrics, host: config.HOST, token: config.METRICS_TOKEN, log });
  finishHttpApp(app, { log, defaultLang: settings.defaultLang });
  const server = await listen(app, config.PORT, config.HOST);
  for (const channel of channels) await channel.start?.();
  background =
    options.background === false
      ? null
      : startBackground({
          config,
          db: database.db,
          clock,
          log,
          settings,
          refresh,
          metrics,
          sender: outboxSender,
        });
  let stopping: Promise<void> | null = null;
  return {
    ...server,
    channels,
    clock,
    refresh,
    sender: outboxSender,
    settle: () => outboxSender.settle(),
    stop(stopOptions = {}) {
      stopping ??= (async () => {
        draining = true;
        // While the load balancer notices the 503, requests still come and are answered.
        await Promise.all([
          background ? background.stop() : outboxSender.stop(),
          sleep(stopOptions.drainMs ?? 0),
        ]);
        await closeWithin(server, CLOSE_GRACE_MS);
        await outboxSender.settle();
        for (const channel of channels) await channel.stop?.();
      })();
      return stopping;
    },
  };
}
