import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

/**
 * Drives the local channel's page in Debian's Chromium, the way a person would: pick who you
 * are, pick a channel, type `/tillit …`, click buttons, fill forms. Every step waits until the
 * page has shown the result (`<body data-pending="0">`), so tests read what a person would see.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const skipWithoutChromium = hasChromium
  ? ''
  : `${CHROMIUM} is missing: browser tests skipped (npm test's pretest step installs it with apt-get)`;

const ARTIFACTS = path.resolve('test-artifacts');
const STEP_TIMEOUT_MS = 10_000;

export type Pane = 'channel' | 'inbox' | 'home';
const paneSelector: Record<Pane, string> = {
  channel: '#messages',
  inbox: '#inbox',
  home: '#home-view',
};

export interface LocalPage {
  page: Page;
  close(): Promise<void>;
}

export interface LocalBrowser {
  /** Opens the page at `url` (the server's base URL) and waits until it has loaded. */
  open(url: string): Promise<LocalPage>;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium. Separate from opening the page so a test can start it while the
 * server and its database start (both take seconds).
 */
export async function launchLocalBrowser(
  options: { width?: number; height?: number } = {},
): Promise<LocalBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const errors: string[] = [];
  return {
    async open(url) {
      const page = await browser.newPage({
        viewport: { width: options.width ?? 1400, height: options.height ?? 860 },
      });
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await settled(page);
      return { page, close: () => page.close() };
    },
    async close() {
      await browser.close();
      // A script error in the page fails the test, even if every step happened to pass.
      if (errors.length) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}

/** Launches Chromium and opens the page: one browser, one page. */
export async function openLocalPage(
  url: string,
  options: { width?: number; height?: number } = {},
): Promise<LocalPage> {
  const browser = await launchLocalBrowser(options);
  const { page } = await browser.open(url);
  return { page, close: () => browser.close() };
}

/** Waits until every request the page made on a person's behalf is shown. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-pending="0"]', { state: 'attached' });
}

/** Acts as the person with this key (the local identity, e.g. `demo-anna-andersson`). */
export async function pickPerson(page: Page, personKey: string): Promise<void> {
  await page.selectOption('#person-select', personKey);
  await settled(page);
}

/** Opens the channel with this (unit) name in the left pane. */
export async function pickChannel(page: Page, name: string): Promise<void> {
  await page.locator('.channels [data-channel]').getByText(name, { exact: true }).click();
  await settled(page);
  await page.waitForSelector(`#channel-title:text-is("# ${name}")`);
}

export async function openHome(page: Page): Promise<void> {
  await page.click('#home-button');
  await settled(page);
}

/** Types into the composer and sends, e.g. `/tillit help`; resolves once the reply shows. */
export async function typeCommand(page: Page, text: string): Promise<void> {
  await page.fill('#composer', text);
  const answered = page.waitForResponse((r) => r.url().endsWith('/local/command'));
  await page.press('#composer', 'Enter');
  await answered;
  await settled(page);
}

/**
 * Clicks the button with this label; the newest message's button when several match. `near`
 * picks the button of the list item with that text (a ballot's "+1" beside one SWOT item).
 */
export async function clickButton(
  page: Page,
  label: string,
  options: { in?: Pane; near?: string } = {},
): Promise<void> {
  const pane = page.locator(paneSelector[options.in ?? 'channel']);
  const scope = options.near ? pane.locator('li').filter({ hasText: options.near }) : pane;
  const button = scope.locator('[data-action-id]').getByText(label, { exact: true }).last();
  const answered = page.waitForResponse((r) => r.url().endsWith('/local/action'));
  await button.click();
  await answered;
  await settled(page);
}

export type FormInput = string | string[] | boolean;

/**
 * Fills the open form by the inputs' labels: text for text, date and select inputs (a select
 * by its option's label), a list of option labels for checkboxes. Then submits it.
 */
export async function fillForm(
  page: Page,
  values: Record<string, FormInput>,
  options: { submit?: string } = {},
): Promise<void> {
  const form = page.locator('#form-dialog form');
  await form.waitFor();
  for (const [label, value] of Object.entries(values)) {
    if (Array.isArray(value)) {
      const group = form
        .locator('fieldset')
        .filter({ has: page.locator(`legend:text-is("${label}")`) });
      for (const option of value) await group.getByLabel(option, { exact: true }).check();
      continue;
    }
    const input = form.getByLabel(label, { exact: true });
    if (typeof value === 'boolean') await input.setChecked(value);
    else if ((await input.evaluate((e) => e.tagName)) === 'SELECT') {
      await input.selectOption({ label: value });
    } else await input.fill(value);
  }
  const answered = page.waitForResponse((r) => r.url().endsWith('/local/submit'));
  const submit = options.submit
    ? form.getByRole('button', { name: options.submit, exact: true })
    : form.locator('button[type="submit"]');
  await submit.click();
  await answered;
  await settled(page);
}

/** Whether a form is open, and the errors it shows (`_form` for the whole form). */
export async function readForm(
  page: Page,
): Promise<{ open: boolean; errors: Record<string, string> }> {
  const open = await page.locator('#form-dialog[open]').count();
  if (!open) return { open: false, errors: {} };
  const errors = await page.$$eval('#form-dialog [data-error-for]', (slots) =>
    Object.fromEntries(
      slots
        .filter((s) => s.textContent)
        .map((s) => [(s as HTMLElement).dataset.errorFor ?? '', s.textContent ?? '']),
    ),
  );
  return { open: true, errors };
}

/** The text of every message in a pane, oldest first; `fromTillit` leaves out typed commands. */
export async function readMessages(
  page: Page,
  options: { in?: Pane; fromTillit?: boolean } = {},
): Promise<string[]> {
  const messages = options.fromTillit ? '.message:not(.mine)' : '.message';
  return page
    .locator(`${paneSelector[options.in ?? 'channel']} ${messages} .message-content`)
    .allInnerTexts();
}

export const readInbox = (page: Page) => readMessages(page, { in: 'inbox' });

/** The newest message in the pane that contains `text`, waiting for it to appear. */
export async function waitForMessage(
  page: Page,
  text: string | RegExp,
  options: { in?: Pane; timeoutMs?: number } = {},
): Promise<Locator> {
  const message = page
    .locator(`${paneSelector[options.in ?? 'channel']} .message`)
    .filter({ hasText: text })
    .last();
  await message.waitFor({ timeout: options.timeoutMs ?? STEP_TIMEOUT_MS });
  return message;
}

/** Switches the page (and the person's stored language) to `lang`. */
export async function switchLanguage(page: Page, lang: 'sv' | 'en'): Promise<void> {
  await page.selectOption('#lang-select', lang);
  await page.waitForSelector(`html[lang="${lang}"]`, { state: 'attached' });
  await settled(page);
}

/** Tillit's clock as the page shows it: the instant (ISO) and the text. */
export async function readClock(page: Page): Promise<{ iso: string; text: string }> {
  const clock = page.locator('#clock');
  return {
    iso: (await clock.getAttribute('datetime')) ?? '',
    text: (await clock.textContent()) ?? '',
  };
}

/** Moves Tillit's clock forward with the time-travel control. */
export async function travelTime(page: Page, amount: '1h' | '1d' | '7d'): Promise<void> {
  const value = { '1h': 'hours:1', '1d': 'days:1', '7d': 'days:7' }[amount];
  const before = await readClock(page);
  await page.selectOption('#travel-amount', value);
  const answered = page.waitForResponse((r) => r.url().endsWith('/local/time-travel'));
  await page.click('#travel-button');
  await answered;
  await settled(page);
  await page.waitForFunction(
    (iso) => document.getElementById('clock')?.getAttribute('datetime') !== iso,
    before.iso,
  );
}

/** Saves a full-page screenshot as test-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
