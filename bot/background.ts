import type { Settings } from '../dialogues/core/context.js';
import { reflectionTicks } from '../dialogues/reflection/reflection-ticks.js';
import { ticks } from '../dialogues/schedule/ticks.js';
import type { Database } from '../store/database.js';
import type { RefreshMessages } from './channel.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { createLocalDeliverer } from './local/local-deliverer.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics/metrics.js';
import type { Deliverer } from './outbox/deliverer.js';
import { createSender, type Sender } from './outbox/sender.js';
import { purgeDeliveriesTick } from './scheduler/purge-deliveries.js';
import { createScheduler, type Scheduler } from './scheduler/scheduler.js';
import { createSlackDeliverer, slackRate } from './slack/slack-deliverer.js';
import type { TeamsConnector } from './teams/teams-connector.js';
import { createTeamsDeliverer } from './teams/teams-deliverer.js';

export interface Background {
  sender: Sender;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

/**
 * One deliverer per configured platform. Teams in emulator mode (no app id) gets one that only
 * updates cards posted in answer to people, through the channel's connector: nothing goes out
 * on Tillit's own initiative without an app id.
 */
export function createDeliverers(deps: {
  config: Config;
  db: Database;
  clock: Clock;
  /** The Teams channel's connector (emulator mode has no other). */
  teamsConnector?: TeamsConnector;
}): Deliverer[] {
  const { config, db, clock } = deps;
  const deliverers: Deliverer[] = [];
  if (config.slack) {
    deliverers.push(
      createSlackDeliverer({
        botToken: config.slack.botToken,
        apiUrl: config.SLACK_API_URL,
        rate: slackRate(config.SLACK_SEND_RATE),
      }),
    );
  }
  if (config.teams.mode === 'bot-framework') {
    deliverers.push(
      createTeamsDeliverer({ config: config.teams, db, connector: deps.teamsConnector }),
    );
  } else if (config.teams.mode === 'emulator' && deps.teamsConnector) {
    deliverers.push(
      createTeamsDeliverer({
        config: config.teams,
        db,
        connector: deps.teamsConnector,
        postsOwnMessages: false,
      }),
    );
  }
  if (config.localChannel) deliverers.push(createLocalDeliverer({ db, clock }));
  return deliverers;
}

/**
 * The loops that run without anyone asking: the scheduler (ticks enqueue) and the outbox
 * sender (delivers what was enqueued), one deliverer per configured platform.
 */
export function startBackground(deps: {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  settings: Settings;
  /**
   * For ticks that change what a posted message shows (a phase ended at its deadline): the
   * update is in the outbox already; this delivers it now rather than at the next poll.
   */
  refresh: RefreshMessages;
  metrics?: Metrics;
  /** The instance's sender (the composition root's, which requests use too); else a new one. */
  sender?: Sender;
}): Background {
  const { config, db, clock, log, settings, refresh, metrics } = deps;
  const sender =
    deps.sender ??
    createSender({
      db,
      clock,
      log,
      deliverers: createDeliverers({ config, db, clock }),
      defaultLang: settings.defaultLang,
      rateLimited: metrics?.rateLimited,
    });
  const allTicks = [
    ...ticks,
    ...reflectionTicks({ retentionDays: config.REFLECTION_TEXT_RETENTION_DAYS }),
    purgeDeliveriesTick((purged) => log.info('handled deliveries purged', { purged })),
  ];
  const scheduler = createScheduler({
    db,
    clock,
    settings,
    log,
    refresh,
    ticks: allTicks,
    observe: metrics?.tickDone,
  });
  sender.start();
  scheduler.start();
  return {
    sender,
    scheduler,
    async stop() {
      await scheduler.stop();
      await sender.stop();
    },
  };
}
