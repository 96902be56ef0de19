import { afterAll, beforeAll, describe, it } from 'vitest';
import { type ChatDriver, runScenario, type Scenario, scenarios } from './scenarios.js';
import { startSlackDriver } from './slack-driver.js';
import { startTeamsDriver } from './teams-driver.js';

const drivers = {
  slack: { title: 'Slack (real Bolt app, fake Web API)', start: startSlackDriver },
  teams: { title: 'Teams (real Teams adapter, fake Bot Connector)', start: startTeamsDriver },
};

/** One platform, one group of the shared scenarios: the same list on every platform. */
export function contractSuite(platform: keyof typeof drivers, group: Scenario['group']) {
  let driver: ChatDriver & { close(): Promise<void> };
  beforeAll(async () => {
    driver = await drivers[platform].start();
  });
  afterAll(async () => driver?.close());
  describe(`the chat contract in ${drivers[platform].title}: ${group}`, () => {
    for (const scenario of scenarios.filter((s) => s.group === group)) {
      it(scenario.name, () => runScenario(driver, scenario));
    }
  });
}
