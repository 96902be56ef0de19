import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { texts } from '../../dialogues/texts/catalogue.js';
import { readClockOffset } from '../../store/queries/local-clock.js';
import type { Language } from '../../store/schema/index.js';
import type { Channel } from '../channel.js';
import { restoreClockOffset } from '../clock.js';
import type { LocalAccess } from '../config.js';
import { loadDemoOrgIfEmpty } from './demo-data.js';
import { localGuard } from './local-access.js';
import { type LocalRouteDeps, localRoutes } from './local-routes.js';
import { escapeHtml } from './render-html.js';

export interface LocalChannelDeps extends LocalRouteDeps {
  /** Loopback (Host header checked) or a login with LOCAL_CHANNEL_TOKEN. */
  access: LocalAccess;
  /** Load the demo organisation at start when the database has no unit (default: yes). */
  demo?: boolean;
}

const pageDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page');

/**
 * The browser channel: a chat-like page at `/` that renders the same neutral views as Slack
 * and Teams, as HTML, and talks to the same use cases. Anyone who may use it can act as
 * anyone, so it serves on loopback only, or on a network behind a login (local-access.ts).
 */
export function createLocalChannel(deps: LocalChannelDeps): Channel {
  const page = pageIn(deps.settings.defaultLang);
  const guard = localGuard({ access: deps.access, lang: deps.settings.defaultLang, log: deps.log });
  return {
    name: 'local',
    mode: 'browser',
    mount(app) {
      if (guard.login) app.use(guard.login);
      app.use('/local', guard.check, localRoutes(deps));
      app.get('/', guard.check, (req, res) => {
        const withToken = page.replace('{{csrfToken}}', escapeHtml(guard.csrfFor(req)));
        res.type('html').set('cache-control', 'no-store').send(withToken);
      });
      app.use('/page', guard.check, express.static(pageDir, { index: false, fallthrough: false }));
    },
    async start() {
      if (deps.demo !== false) await loadDemoOrgIfEmpty(deps.db, deps.log);
      // Where time travel is allowed, the clock goes on from the date it was moved to.
      const saved = (await deps.timeTravel()) ? await readClockOffset(deps.db) : null;
      if (saved !== null) restoreClockOffset(deps.clock, saved);
    },
  };
}

/**
 * The page with its `{{text}}` slots filled in the default language, so it reads right before
 * the script runs; the script switches language from the same catalogue. A slot the catalogue
 * lacks fails at start-up, not in front of a person.
 */
function pageIn(lang: Language): string {
  const words: Record<string, string> = texts(lang).local;
  const template = readFileSync(path.join(pageDir, 'index.html'), 'utf8');
  return template
    .replace('<html lang="sv">', `<html lang="${lang}">`)
    .replace(/\{\{(\w+)\}\}/g, (slot, key: string) => {
      // Filled per request: the session's CSRF token (empty on loopback).
      if (key === 'csrfToken') return slot;
      const word = words[key];
      if (word === undefined) throw new Error(`index.html asks for the unknown text "${key}"`);
      return escapeHtml(word);
    });
}
