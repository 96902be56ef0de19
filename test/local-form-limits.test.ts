import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_MAX } from '../dialogues/swot/swot-kind.js';
import { texts } from '../dialogues/texts/catalogue.js';
import {
  clickButton,
  hasChromium,
  type LocalBrowser,
  launchLocalBrowser,
  pickChannel,
  pickPerson,
  screenshot,
  settled,
  typeCommand,
  waitForMessage,
} from './support/local-browser.js';
import { type LocalTestTillit, listLocalPeople, startLocalTillit } from './support/local-tillit.js';

const sv = texts('sv');

describe.skipIf(!hasChromium)('text limits on the local page, in the browser', () => {
  let t: LocalTestTillit;
  let browser: LocalBrowser;
  let page: Page;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startLocalTillit(), launchLocalBrowser()]);
    ({ page } = await browser.open(t.url));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the limit, counts down, and refuses a long paste instead of cutting it', async () => {
    const people = await listLocalPeople(t.url);
    const manager = people.find((p) =>
      p.roles.some((r) => r.role === 'manager' && /-\d+$/.test(r.unitKey)),
    )!;
    const section = manager.roles.find((r) => /-\d+$/.test(r.unitKey))!.unitName;
    await pickPerson(page, manager.key);
    await pickChannel(page, section);
    await typeCommand(page, '/tillit swot Gränser');
    await waitForMessage(page, sv.swot.title({ topic: 'Gränser' }));
    await clickButton(page, sv.swot.buttons.add);
    const form = page.locator('#form-dialog form');
    const hint = form.locator('[data-hint-for="text"]');
    expect(await hint.textContent()).toBe(
      `${sv.common.maxChars({ max: ITEM_MAX })} · ${ITEM_MAX} ${sv.local.charsLeft}`,
    );
    const words = 'Ett långt stycke som klistras in från ett annat dokument och aldrig tar slut. ';
    const long = words.repeat(Math.ceil((ITEM_MAX + 40) / words.length));
    const field = form.locator('[name="text"]');
    await field.fill(long);
    // Nothing cut: the whole paste stays, and the count says how far over it is.
    expect((await field.inputValue()).length).toBe(long.length);
    expect(await hint.textContent()).toContain(`${long.length - ITEM_MAX} ${sv.local.charsOver}`);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await form.locator('[name="quadrant"]').selectOption({ label: sv.swot.quadrants.strengths });
    await form.locator('button[type="submit"]').click();
    await settled(page);
    // Refused with a message next to the field; the form stays open with the text in it.
    expect(await form.locator('[data-error-for="text"]').textContent()).not.toBe('');
    expect((await field.inputValue()).length).toBe(long.length);
    await screenshot(page, 'local-form-limit-refused');
  });
});
