import { afterAll, beforeAll, describe, it } from 'vitest';
import { startLocalDriver } from './local-driver.js';
import {
  type ChatDriver,
  CONTRACT_START,
  runScenario,
  type Scenario,
  scenarios,
  THRESHOLD,
} from './scenarios.js';
import { startSlackDriver } from './slack-driver.js';
import { startTeamsDriver } from './teams-driver.js';

export type Platform = 'slack' | 'teams' | 'local';

const drivers: Record<Platform, { title: string; start: typeof startSlackDriver }> = {
  slack: { title: 'Slack (real Bolt app, fake Web API)', start: startSlackDriver },
  teams: { title: 'Teams (real Teams adapter, fake Bot Connector)', start: startTeamsDriver },
  local: { title: 'the local page (its HTTP API, as the page calls it)', start: startLocalDriver },
};

/** One platform, one group of the shared scenarios: the same list on every platform. */
export function contractSuite(platform: Platform, group: Scenario['group']) {
  let driver: ChatDriver & { close(): Promise<void> };
  beforeAll(async () => {
    // The same day and settings everywhere, so each expectation is one exact text.
    driver = await drivers[platform].start({
      start: CONTRACT_START,
      env: { ANONYMITY_THRESHOLD: String(THRESHOLD) },
    });
  });
  afterAll(async () => driver?.close());
  describe(`the chat contract in ${drivers[platform].title}: ${group}`, () => {
    for (const scenario of scenarios.filter((s) => s.group === group)) {
      const notHere = scenario.notOn?.[platform];
      if (notHere) it.skip(`${scenario.name} (not here: ${notHere})`, () => {});
      else it(scenario.name, () => runScenario(driver, scenario));
    }
  });
}
