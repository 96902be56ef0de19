import express, { type Response, type Router } from 'express';
import { z } from 'zod/v4';
import { DEFAULT_LANG } from '../../dialogues/core/defaults.js';
import { CHOOSE_LANGUAGE } from '../../dialogues/language.js';
import { texts } from '../../dialogues/texts/catalogue.js';
import type { View } from '../../dialogues/view.js';
import { saveClockOffset } from '../../store/queries/local-clock.js';
import {
  type LocalMessage,
  listChannelMessages,
  listInbox,
} from '../../store/queries/local-messages.js';
import type { Person } from '../../store/queries/people.js';
import { type Language, languages } from '../../store/schema/index.js';
import { clockOffset } from '../clock.js';
import { sendError } from '../http/http-errors.js';
import { jsonBody } from '../http/json-body.js';
import { isDemoOrg } from './demo-data.js';
import { listLocalChannels, listLocalPeople } from './local-directory.js';
import {
  commandText,
  echoCommand,
  findLocalPerson,
  type LocalInboundDeps,
  runLocalInbound,
} from './local-inbound.js';
import { escapeHtml, renderViewHtml } from './render-html.js';
import { viewerButtons } from './viewer-buttons.js';

export interface LocalRouteDeps extends LocalInboundDeps {
  /**
   * Whether time travel exists right now: in the demo (demo organisation, no credentials) or
   * with TIME_TRAVEL=on. Otherwise POST /local/time-travel is absent (404) and the clock real.
   */
  timeTravel: () => Promise<boolean>;
  /** Called after time travel, so work that fell due (scheduler, outbox) runs at once. */
  afterTimeTravel?: () => Promise<void>;
}

const personKey = z.string().min(1).max(200);
const channelId = z.string().min(1).max(200).nullable().default(null);
const language = z.enum(['sv', 'en']);

const commandBody = z.object({
  person: personKey,
  channel: channelId,
  text: z.string().max(4_000),
});
/** The message whose button was clicked (or opened the form): what a `replace` replaces. */
const messageId = z.uuid().nullable().default(null);
const actionBody = z.object({
  person: personKey,
  channel: channelId,
  message: messageId,
  action: z.object({ id: z.string().min(1).max(255), value: z.string().max(2_000) }),
});
const submitBody = z.object({
  person: personKey,
  channel: channelId,
  message: messageId,
  formId: z.string().min(1).max(255),
  state: z.string().max(3_000),
  values: z.record(z.string(), z.union([z.string().max(10_000), z.array(z.string().max(500))])),
});
const languageBody = z.object({ person: personKey, lang: language });
const travelBody = z
  .object({
    days: z.number().int().min(0).max(366).default(0),
    hours: z
      .number()
      .int()
      .min(0)
      .max(24 * 366)
      .default(0),
  })
  .refine((b) => b.days > 0 || b.hours > 0, 'days or hours must be more than 0');

const HOUR_MS = 3_600_000;

/** The JSON API the page talks to, under /local. Only these routes parse JSON bodies. */
export function localRoutes(deps: LocalRouteDeps): Router {
  const router = express.Router();
  router.use(jsonBody('64kb'));
  // Errors before the person is known are told in the page's default language.
  router.use((_req, res, next) => {
    res.locals.lang = deps.settings.defaultLang;
    next();
  });

  router.get('/info', async (_req, res) => {
    res.json({
      demo: await isDemoOrg(deps.db),
      timeTravel: await deps.timeTravel(),
      defaultLang: deps.settings.defaultLang,
      timezone: deps.settings.defaultTimezone,
      now: deps.clock.now().toISOString(),
    });
  });

  router.get('/texts', (req, res) => {
    const lang = language.catch(deps.settings.defaultLang).parse(req.query.lang);
    const t = texts(lang);
    res.json({ lang, texts: t.local, roles: t.common.roles });
  });

  router.get('/people', async (_req, res) => {
    res.json({ people: await listLocalPeople(deps.db, deps.settings.defaultLang) });
  });

  router.get('/channels', async (_req, res) => {
    res.json({ channels: await listLocalChannels(deps.db) });
  });

  router.get('/clock', (_req, res) => {
    res.json({ now: deps.clock.now().toISOString(), timezone: deps.settings.defaultTimezone });
  });

  router.post('/time-travel', async (req, res, next) => {
    // Moving the clock sends every prompt and reminder that falls due, to real people too.
    if (!(await deps.timeTravel())) return next();
    const body = parse(travelBody, req.body, res);
    if (!body) return;
    deps.clock.advance((body.days * 24 + body.hours) * HOUR_MS);
    await saveClockOffset(deps.db, { offsetMs: clockOffset(deps.clock) });
    deps.log.info('local time travel', {
      days: body.days,
      hours: body.hours,
      now: deps.clock.now().toISOString(),
    });
    await deps.afterTimeTravel?.().catch((error: unknown) => {
      deps.log.error('work after time travel failed', { error });
    });
    res.json({ now: deps.clock.now().toISOString() });
  });

  router.post('/command', async (req, res) => {
    const body = parse(commandBody, req.body, res);
    const person = body && (await personOr403(deps, body.person, res));
    if (!body || !person) return;
    await echoCommand(deps, person, body.channel, body.text.trim());
    const text = commandText(body.text);
    res.json(
      await runLocalInbound(deps, person, body.person, body.channel, { kind: 'command', text }),
    );
  });

  router.post('/action', async (req, res) => {
    const body = parse(actionBody, req.body, res);
    const person = body && (await personOr403(deps, body.person, res));
    if (!body || !person) return;
    const inbound = { kind: 'action' as const, action: body.action };
    res.json(await runLocalInbound(deps, person, body.person, body.channel, inbound, body.message));
  });

  router.post('/submit', async (req, res) => {
    const body = parse(submitBody, req.body, res);
    const person = body && (await personOr403(deps, body.person, res));
    if (!body || !person) return;
    const inbound = {
      kind: 'submit' as const,
      formId: body.formId,
      state: body.state,
      values: body.values,
    };
    res.json(await runLocalInbound(deps, person, body.person, body.channel, inbound, body.message));
  });

  router.get('/home', async (req, res) => {
    const key = parse(personKey, req.query.person, res);
    const person = key && (await personOr403(deps, key, res));
    if (!key || !person) return;
    res.json(await runLocalInbound(deps, person, key, null, { kind: 'home' }));
  });

  router.post('/language', async (req, res) => {
    const body = parse(languageBody, req.body, res);
    const person = body && (await personOr403(deps, body.person, res));
    if (!body || !person) return;
    // Through the language feature, as `lang en` typed in a channel is: one rule, one place.
    const action = { id: CHOOSE_LANGUAGE, value: body.lang };
    const answer = await runLocalInbound(deps, person, body.person, null, {
      kind: 'action',
      action,
    });
    res.json({ lang: answer.lang });
  });

  router.get('/messages', async (req, res) => {
    const query = parse(
      z.object({ person: personKey, channel: z.string().min(1).max(200) }),
      req.query,
      res,
    );
    const person = query && (await personOr403(deps, query.person, res));
    if (!query || !person) return;
    const rows = await listChannelMessages(deps.db, {
      channelId: query.channel,
      personId: person.id,
    });
    res.json({ messages: await pageMessages(deps, person, rows) });
  });

  router.get('/inbox', async (req, res) => {
    const key = parse(personKey, req.query.person, res);
    const person = key && (await personOr403(deps, key, res));
    if (!key || !person) return;
    const rows = await listInbox(deps.db, { personId: person.id });
    const messages = await pageMessages(deps, person, rows);
    res.json({ lang: person.lang ?? deps.settings.defaultLang, messages });
  });

  router.use((req, res) => sendError(req, res, 404, 'notFound', langOf(res)));
  return router;
}

/** Bad input is a 400 with its reason, answered like every other error (http-errors.ts). */
function parse<T>(schema: z.ZodType<T>, input: unknown, res: Response): T | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.');
  const detail = `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`.slice(0, 200);
  sendError(res.req, res, 400, 'badRequest', langOf(res), detail);
  return null;
}

/** The person the page acts as; from here on, errors are told in their language. */
async function personOr403(deps: LocalInboundDeps, key: string, res: Response) {
  const person = await findLocalPerson(deps.db, key);
  if (!person) sendError(res.req, res, 403, 'forbidden', langOf(res), 'unknown person');
  else res.locals.lang = person.lang ?? deps.settings.defaultLang;
  return person;
}

/** The language set on the request (set to the default before any route), as a typed value. */
const langOf = (res: Response): Language =>
  languages.includes(res.locals.lang) ? res.locals.lang : DEFAULT_LANG;

/** A stored message as the page shows it; a person's own echo is plain text, never markup. */
/** Stored messages as this person sees them: without the buttons they may not use. */
async function pageMessages(deps: LocalInboundDeps, person: Person, rows: LocalMessage[]) {
  const forViewer = viewerButtons(deps.db, person);
  return Promise.all(
    rows.map(async (row) => toPageMessage(row, await forViewer(row.view as View))),
  );
}

function toPageMessage(row: LocalMessage, view: View) {
  return {
    id: row.id,
    version: row.version,
    key: row.key,
    private: row.personId !== null && row.channelId !== null,
    mine: row.authorId !== null,
    summary: view.summary,
    html: row.authorId ? `<p class="echo">${escapeHtml(view.summary)}</p>` : renderViewHtml(view),
    postedAt: row.postedAt.toISOString(),
  };
}
