import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import { texts } from '../../dialogues/texts/catalogue.js';
import { updateLocalMessagesByKey } from '../../store/queries/local-messages.js';
import type { Language } from '../../store/schema/index.js';
import type { Channel } from '../channel.js';
import { loadDemoOrgIfEmpty } from './demo-data.js';
import { type LocalRouteDeps, localRoutes } from './local-routes.js';
import { escapeHtml } from './render-html.js';

export interface LocalChannelDeps extends LocalRouteDeps {
  /** The address the server is bound to: on loopback, other Host headers are refused. */
  host: string;
  /** Load the demo organisation at start when the database has no unit (default: yes). */
  demo?: boolean;
}

const pageDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page');

/**
 * The browser channel: a chat-like page at `/` that renders the same neutral views as Slack
 * and Teams, as HTML, and talks to the same use cases. It has no login: anyone who can reach
 * the server can act as anyone, which is why it is bound to 127.0.0.1 by default.
 */
export function createLocalChannel(deps: LocalChannelDeps): Channel {
  const page = pageIn(deps.settings.defaultLang);
  return {
    name: 'local',
    mode: 'browser',
    mount(app) {
      const guard = loopbackHostOnly(deps.host);
      app.use('/local', guard, localRoutes(deps));
      app.get('/', guard, (_req, res) => {
        res.type('html').set('cache-control', 'no-store').send(page);
      });
      app.use('/page', guard, express.static(pageDir, { index: false, fallthrough: false }));
    },
    async start() {
      if (deps.demo !== false) await loadDemoOrgIfEmpty(deps.db, deps.log);
    },
    async refresh(key, view) {
      await updateLocalMessagesByKey(deps.db, { key, view });
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
    .replace(/\{\{(\w+)\}\}/g, (_slot, key: string) => {
      const word = words[key];
      if (word === undefined) throw new Error(`index.html asks for the unknown text "${key}"`);
      return escapeHtml(word);
    });
}

const loopbackNames = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Bound to loopback, the page must only answer requests addressed to loopback: a web page
 * elsewhere could otherwise point its own host name at 127.0.0.1 (DNS rebinding) and drive
 * this login-less channel from the person's browser.
 */
function loopbackHostOnly(boundHost: string) {
  const onLoopback = loopbackNames.has(boundHost);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!onLoopback) return next();
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (loopbackNames.has(host)) return next();
    res.status(403).json({ error: 'host_not_allowed' });
  };
}
