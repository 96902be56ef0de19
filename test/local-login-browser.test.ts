import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLocalPeople as listDirectoryPeople } from '../bot/local/local-directory.js';
import {
  CHROMIUM,
  hasChromium,
  pickPerson,
  readMessages,
  settled,
  skipWithoutChromium,
  typeCommand,
} from './support/local-browser.js';
import { type LocalTestTillit, startLocalTillit } from './support/local-tillit.js';

const TOKEN = 'browser-login-token-0123456789abcdef';

if (!hasChromium) console.warn(skipWithoutChromium);

/**
 * The local channel on a network, as a person meets it in Chromium: the login page first,
 * then the page itself, whose every change must carry the session's CSRF token to count.
 */
describe.skipIf(!hasChromium)(
  'the local channel behind LOCAL_CHANNEL_TOKEN, in the browser',
  () => {
    let t: LocalTestTillit;
    let browser: Browser;
    beforeAll(async () => {
      [t, browser] = await Promise.all([
        startLocalTillit({ env: { HOST: '0.0.0.0', LOCAL_CHANNEL_TOKEN: TOKEN } }),
        chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] }),
      ]);
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('asks for the token, then works as on loopback: a command is answered', async () => {
      const base = `http://127.0.0.1:${new URL(t.url).port}`;
      const page = await browser.newPage();
      await page.goto(`${base}/`);
      expect(new URL(page.url()).pathname).toBe('/local/login');

      await page.fill('#token', `${TOKEN}-wrong`);
      await page.click('button[type="submit"]');
      await expect.poll(() => page.locator('.error').count()).toBe(1);

      await page.fill('#token', TOKEN);
      await page.click('button[type="submit"]');
      await page.waitForURL(`${base}/`);
      await settled(page);
      const person = (await listDirectoryPeople(t.database.db, 'sv'))[0]!;
      await pickPerson(page, person.key);
      await typeCommand(page, '/tillit help');
      const shown = await readMessages(page, { fromTillit: true });
      expect(shown.join('\n')).toMatch(/tillit/i);
      // The session cookie is out of the page's reach.
      expect(await page.evaluate(() => document.cookie)).toBe('');
      await page.close();
    });
  },
);
