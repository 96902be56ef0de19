import { createClock } from '../../bot/clock.js';
import { loadConfig } from '../../bot/config.js';
import { createLocalDeliverer } from '../../bot/local/local-deliverer.js';
import { findLocalPerson } from '../../bot/local/local-inbound.js';
import { createLogger } from '../../bot/log.js';
import { type Deliverer, DeliveryError } from '../../bot/outbox/deliverer.js';
import { startTillit } from '../../bot/start-tillit.js';
import type { OrgPlan } from '../../store/queries/org-sync.js';
import { syncOrg } from '../../store/queries/org-sync.js';
import { openTestDatabase } from '../support/test-database.js';
import {
  type ChatDriver,
  channelOfPerson,
  contractOrg,
  type DriverOptions,
  eventuallyFound,
  isContractAdmin,
  MENTION,
  type PersonKey,
} from './scenarios.js';
import { scheduledWork } from './scheduled-work.js';

const CHANNEL = 'contract';
const LOCAL = { platform: 'local', workspace: '' } as const;
const nameOf = (key: string) => key[0]!.toUpperCase() + key.slice(1);

/** A message as GET /local/messages and /local/inbox give it to the page. */
interface PageMessage {
  id: string;
  version: number;
  private: boolean;
  mine: boolean;
  summary: string;
  html: string;
}

/** A message the person sees, with where it is: a channel, or their inbox (null). */
interface Shown {
  message: PageMessage;
  channel: string | null;
}

interface LocalAnswer {
  lang: string;
  form?: { id: string; html: string };
  errors?: Record<string, string>;
  /** A line the page shows in its status bar and nobody stores (the anonymous thanks). */
  notice?: string;
}

/**
 * The contract's steps on the local page: the same JSON requests the page's script sends to
 * /local/*, with the same headers a browser on this machine sends, and the page's own reading
 * of what comes back (its HTML buttons and forms). Messages Tillit sends on its own land in the
 * person's inbox; what the page shows one person alone is stored with them.
 */
export async function startLocalDriver(
  options: DriverOptions,
): Promise<ChatDriver & { close(): Promise<void> }> {
  const database = await openTestDatabase();
  // The organisation is there before the start, so the demo organisation is not loaded.
  await syncOrg(database.db, {
    units: [localUnit(contractOrg.unit), localUnit(contractOrg.otherUnit)],
    people: contractOrg.people.map((p) => ({
      key: p.key,
      name: nameOf(p.key),
      admin: isContractAdmin(p.key),
      identities: [{ ...LOCAL, externalId: p.key }],
      roles: [{ unit: p.unit, role: p.role }],
    })),
  });
  const config = loadConfig({ PORT: '0', LOCAL_CHANNEL: 'on', ...options.env });
  const log = createLogger('error', () => {});
  const clock = createClock(options.start);
  const tillit = await startTillit({ config, database, log, clock, background: false });
  const url = tillit.url;
  let failNext = false;
  const local = createLocalDeliverer({ db: database.db, clock });
  // Nothing stands between the outbox and the page but the database: the deliverer itself
  // fails once, saying nothing was stored, as a lost connection would.
  const deliverer: Deliverer = {
    ...local,
    async deliver(delivery) {
      if (failNext) {
        failNext = false;
        throw new DeliveryError({ kind: 'transient', mayHaveDelivered: false }, 'test_refused');
      }
      return local.deliver(delivery);
    },
  };
  const work = scheduledWork({
    db: database.db,
    clock,
    config,
    refresh: tillit.refresh,
    log,
    deliverer,
  });

  const seenAtStep = new Map<PersonKey, Map<string, number>>();
  /** Status-bar lines the person was shown in this step: private, and stored nowhere. */
  const noticesInStep = new Map<PersonKey, string[]>();
  const lastClicked = new Map<PersonKey, Shown>();
  const lastForm = new Map<PersonKey, { id: string; state: string; message: Shown | null }>();

  async function get<T>(route: string, query: Record<string, string>): Promise<T> {
    const response = await fetch(`${url}/local/${route}?${new URLSearchParams(query)}`);
    if (response.status !== 200) {
      throw new Error(`local: GET ${route} answered ${response.status}: ${await response.text()}`);
    }
    return (await response.json()) as T;
  }

  async function post<Body extends { person: PersonKey }>(
    route: string,
    body: Body,
  ): Promise<LocalAnswer> {
    const answer = await postOnly(route, body);
    if (answer.notice) noticesInStep.get(body.person)?.push(answer.notice);
    return answer;
  }

  async function postOnly(route: string, body: unknown): Promise<LocalAnswer> {
    const response = await fetch(`${url}/local/${route}`, {
      method: 'POST',
      // What a browser on this machine sends: its own origin, never another site's.
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) {
      throw new Error(`local: POST ${route} answered ${response.status}: ${await response.text()}`);
    }
    return (await response.json()) as LocalAnswer;
  }

  /** Everything the person sees, newest first: their inbox, then the channel. */
  async function visibleTo(who: PersonKey): Promise<Shown[]> {
    const inbox = await get<{ messages: PageMessage[] }>('inbox', { person: who });
    const own = channelOfPerson(who) === 'other' ? contractOrg.otherUnit : CHANNEL;
    const channel = await get<{ messages: PageMessage[] }>('messages', {
      person: who,
      channel: own,
    });
    return [
      ...inbox.messages.map((message) => ({ message, channel: null })).reverse(),
      ...channel.messages.map((message) => ({ message, channel: own })).reverse(),
    ];
  }

  /** Only the person sees these: their inbox, and what the channel shows them alone. */
  const privateOf = async (who: PersonKey) =>
    (await visibleTo(who)).filter(
      ({ message, channel }) => !message.mine && (channel === null || message.private),
    );

  async function began(who: PersonKey) {
    const versions = new Map((await privateOf(who)).map((s) => [s.message.id, s.message.version]));
    seenAtStep.set(who, versions);
    noticesInStep.set(who, []);
  }

  const findButton = (shown: Shown[], actionId: string, valueEndsWith?: string) => {
    for (const place of shown) {
      const button = buttonsIn(place.message.html).find(
        (b) => b.id === actionId && (!valueEndsWith || b.value.endsWith(valueEndsWith)),
      );
      if (button) return { place, button };
    }
    return null;
  };

  return {
    async command(who, commandText, where) {
      await began(who);
      // The page's composer: `@key` is how a person is named there.
      const text = commandText.replace(MENTION, (_, key: string) => `@${key}`);
      const channel = where === 'channel' ? CHANNEL : null;
      await post('command', { person: who, channel, text });
    },
    async click(who, actionId, valueEndsWith, asShownTo) {
      await began(who);
      const found = await eventuallyFound(async () => {
        await tillit.settle();
        return findButton(await visibleTo(asShownTo ?? who), actionId, valueEndsWith);
      });
      // The page leaves out the buttons the viewer may not use.
      if (asShownTo && findButton(await visibleTo(who), actionId, valueEndsWith)) {
        throw new Error(`local: ${who} is shown ${actionId}, which is not theirs to use`);
      }
      if (!found) throw new Error(`local: ${who} sees no button ${actionId}`);
      const { place, button } = found;
      lastClicked.set(who, place);
      const answer = await post('action', {
        person: who,
        channel: place.channel,
        message: place.message.id,
        action: { id: button.id, value: button.value },
      });
      if (answer.form) {
        lastForm.set(who, { ...formOf(answer.form.html), message: place });
      }
    },
    async submit(who, formId, values) {
      await began(who);
      const form = lastForm.get(who);
      if (form?.id !== formId) throw new Error(`local: ${who} has no open form ${formId}`);
      const answer = await post('submit', {
        person: who,
        channel: form.message?.channel ?? null,
        message: form.message?.message.id ?? null,
        formId,
        state: form.state,
        values,
      });
      if (answer.errors) {
        throw new Error(`local: form ${formId} was refused: ${JSON.stringify(answer.errors)}`);
      }
      if (answer.form) lastForm.set(who, { ...formOf(answer.form.html), message: form.message });
      else lastForm.delete(who);
    },
    async privateTexts(who) {
      const before = seenAtStep.get(who) ?? new Map<string, number>();
      const stored = (await privateOf(who))
        .filter(({ message }) => before.get(message.id) !== message.version)
        .map(({ message }) => pageText(message));
      return [...(noticesInStep.get(who) ?? []), ...stored];
    },
    async allPrivateTexts(who) {
      return (await privateOf(who)).map(({ message }) => pageText(message));
    },
    async actedOn(who) {
      const clicked = lastClicked.get(who);
      if (!clicked) throw new Error(`local: ${who} clicked in no message`);
      const now = (await visibleTo(who)).find((s) => s.message.id === clicked.message.id);
      if (!now) throw new Error(`local: the message ${who} clicked in is gone`);
      return { text: pageText(now.message), buttons: buttonsIn(now.message.html).length };
    },
    async channelTexts(which = 'unit') {
      await tillit.settle();
      const other = which === 'other';
      const channel = await get<{ messages: PageMessage[] }>('messages', {
        person: other ? 'utanfor' : 'chef',
        channel: other ? contractOrg.otherUnit : CHANNEL,
      });
      return channel.messages.filter((m) => !m.private && !m.mine).map(pageText);
    },
    async personId(who) {
      return (await findLocalPerson(database.db, who))!.id;
    },
    passTime: (milliseconds) => work.passTime(milliseconds),
    deliverOutbox: () => work.deliverOutbox(),
    failNextDelivery() {
      failNext = true;
    },
    async close() {
      await tillit.stop();
      await database.close();
    },
  };
}

function localUnit(key: string): OrgPlan['units'][number] {
  return {
    key,
    name: `Enhet ${key}`,
    level: 'unit',
    parent: null,
    channels: [{ ...LOCAL, channelId: key === contractOrg.unit ? CHANNEL : key }],
  };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/** The page's buttons in a rendered message: action id and value, as its script reads them. */
function buttonsIn(html: string): { id: string; value: string }[] {
  return [...html.matchAll(/data-action-id="([^"]*)"\s+data-action-value="([^"]*)"/g)].map((m) => ({
    id: decode(m[1]!),
    value: decode(m[2]!),
  }));
}

/** A form's id and opaque state, from the data attributes the page's script reads. */
function formOf(html: string): { id: string; state: string } {
  const id = /data-form-id="([^"]*)"/.exec(html)?.[1];
  const state = /data-state="([^"]*)"/.exec(html)?.[1];
  if (id === undefined || state === undefined) throw new Error(`local: no form in ${html}`);
  return { id: decode(id), state: decode(state) };
}

/** What a message says as the page shows it: its summary and its HTML as text. */
function pageText(message: PageMessage): string {
  const text = message.html
    .replace(/<br\s*\/?>|<\/(?:p|li|h\d|div|tr|dt|dd|td|th)>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return `${message.summary}\n${decode(text)}`;
}
