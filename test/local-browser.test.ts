import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../dialogues/texts/catalogue.js';
import { addInboxMessage } from '../store/queries/local-messages.js';
import { findPersonByKey } from '../store/queries/people.js';
import {
  clickButton,
  fillForm,
  hasChromium,
  type LocalBrowser,
  launchLocalBrowser,
  pickChannel,
  pickPerson,
  readClock,
  readForm,
  readInbox,
  readMessages,
  screenshot,
  skipWithoutChromium,
  switchLanguage,
  travelTime,
  typeCommand,
  waitForMessage,
} from './support/local-browser.js';
import {
  type LocalPerson,
  type LocalTestTillit,
  listLocalPeople,
  startLocalTillit,
} from './support/local-tillit.js';

if (!hasChromium) console.warn(skipWithoutChromium);

describe.skipIf(!hasChromium)('local channel in the browser', () => {
  let t: LocalTestTillit;
  let browser: LocalBrowser;
  let page: Page;
  let people: LocalPerson[];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startLocalTillit(), launchLocalBrowser()]);
    people = await listLocalPeople(t.url);
    ({ page } = await browser.open(t.url));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A section manager of the demo organisation: the first person a demo usually picks. */
  const sectionManager = () =>
    people.find((p) => p.roles.some((r) => r.role === 'manager' && /-\d+$/.test(r.unitKey)))!;
  const admin = () => people.find((p) => p.admin)!;

  it('shows the demo data badge on a fresh database', async () => {
    expect(await page.locator('#demo-badge').isVisible()).toBe(true);
    expect(await page.locator('#demo-badge').textContent()).toMatch(/demodata/i);
  });

  it('lets a manager ask for help in their unit channel, in Swedish', async () => {
    const manager = sectionManager();
    await pickPerson(page, manager.key);
    await pickChannel(page, manager.roles[0]!.unitName);
    await typeCommand(page, '/tillit help');
    const help = await waitForMessage(page, 'visar den här hjälpen');
    expect(await help.locator('.only-you').textContent()).toBe('Bara du ser detta');
    // The one date style (calendar/dates.ts): "4 dec 2026 kl. 14.30", not "4 dec. 14:30".
    expect(await help.locator('time').textContent()).toMatch(
      /^\d{1,2} [a-zåäö]+ \d{4} kl\. \d{2}\.\d{2}$/,
    );
    await screenshot(page, 'local-help-sv');
  });

  it('switches to English, and the admin runs setup status', async () => {
    await switchLanguage(page, 'en');
    expect(await page.locator('#inbox-heading').textContent()).toContain('Inbox');
    await typeCommand(page, '/tillit help');
    await waitForMessage(page, 'shows this help');

    await pickPerson(page, admin().key);
    await pickChannel(page, admin().roles[0]!.unitName);
    await switchLanguage(page, 'en');
    await typeCommand(page, '/tillit setup status');
    const status = await waitForMessage(page, 'Tillit status');
    expect(await status.textContent()).toMatch(/\d+ units, \d+ of them with a channel/);
    await screenshot(page, 'local-setup-status-en');
  });

  it('moves the clock forward with the time-travel control', async () => {
    const before = await readClock(page);
    await travelTime(page, '7d');
    const after = await readClock(page);
    const moved = new Date(after.iso).getTime() - new Date(before.iso).getTime();
    expect(moved).toBeGreaterThanOrEqual(7 * 24 * 3_600_000);
    expect(moved).toBeLessThan(7 * 24 * 3_600_000 + 60_000);
    expect(after.text).not.toBe(before.text);
    // The one date style (calendar/dates.ts), here in English: "Fri 11 Dec 2026, 14:30".
    expect(after.text).toMatch(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  });

  it('shows a message for the person in their inbox pane', async () => {
    const person = (await findPersonByKey(t.database.db, { key: admin().key }))!;
    await addInboxMessage(t.database.db, {
      personId: person.id,
      view: {
        summary: 'Weekly reflection',
        blocks: [
          { type: 'header', text: 'Weekly reflection' },
          { type: 'text', text: 'How was your week? It takes *one minute*.' },
        ],
      },
      postedAt: t.tillit.clock.now(),
    });
    await waitForMessage(page, 'How was your week?', { in: 'inbox' });
    expect(await readInbox(page)).toEqual([expect.stringContaining('Weekly reflection')]);
    expect(await page.locator('#inbox strong').textContent()).toBe('one minute');
    await screenshot(page, 'local-inbox');

    // Another person's inbox does not show it.
    await pickPerson(page, sectionManager().key);
    expect(await readInbox(page)).toEqual([]);
  });

  it('opens a form from a button, shows its errors, and updates the channel message in place', async () => {
    const sv = texts('sv').swot;
    const [manager, member] = peopleOfAnotherSection();
    const section = manager.roles[0]!.unitName;
    await pickPerson(page, manager.key);
    await pickChannel(page, section);
    await typeCommand(page, '/tillit swot "Vår vardag"');
    await waitForMessage(page, 'Vår vardag');

    await pickPerson(page, member.key);
    await pickChannel(page, section);
    await clickButton(page, sv.buttons.add);
    await fillForm(page, {});
    const refused = await readForm(page);
    expect(refused.open).toBe(true);
    expect(refused.errors.quadrant).toBe(sv.addForm.pickQuadrant);
    await screenshot(page, 'local-form-errors');
    await fillForm(page, {
      [sv.addForm.quadrantLabel]: sv.quadrants.strengths,
      [sv.addForm.textLabel]: 'Vi hjälper varandra när det är tungt',
    });
    expect((await readForm(page)).open).toBe(false);

    await pickPerson(page, manager.key);
    const board = await waitForMessage(page, 'Vi hjälper varandra när det är tungt');
    expect(await board.locator('.only-you').count()).toBe(0);
    const fromTillit = await readMessages(page, { fromTillit: true });
    const boards = fromTillit.filter((text) => text.includes('Vår vardag'));
    expect(boards).toHaveLength(1);
    await screenshot(page, 'local-swot-board');
  });

  /** The manager and a member of a section other than `sectionManager()`'s. */
  function peopleOfAnotherSection(): [LocalPerson, LocalPerson] {
    const taken = sectionManager().roles[0]!.unitKey;
    const manager = people.find((p) =>
      p.roles.some((r) => r.role === 'manager' && /-\d+$/.test(r.unitKey) && r.unitKey !== taken),
    )!;
    const unitKey = manager.roles[0]!.unitKey;
    const member = people.find((p) =>
      p.roles.some((r) => r.role === 'member' && r.unitKey === unitKey),
    )!;
    return [manager, member];
  }
});
