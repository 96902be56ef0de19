import { api } from './api.js';
import { closeForm, formIsOpen, setFormBusy, showErrors, showForm } from './forms.js';
import { markup, syncMessages } from './messages.js';
import { renderChannels, renderPeople, renderPersonRoles } from './sidebar.js';
import { formatTime, renderClock } from './time.js';

/**
 * The local channel's page: pick who you are and a channel, type `/tillit …`, click what the
 * views offer. Everything shown comes from the server; this file only wires it together and
 * polls, so what another person does in the same channel appears here too.
 */

const POLL_MS = 1_500;
const HOME = 'home';
const $ = (id) => document.getElementById(id);

const state = {
  lang: 'sv',
  texts: {},
  /** Role names in the current language (member → medarbetare). */
  roles: {},
  timezone: 'Europe/Stockholm',
  people: [],
  channels: [],
  /** The person key the page acts as. */
  person: null,
  /** A channel id, HOME, or null before one is chosen. */
  channel: null,
  now: null,
};

async function start() {
  const info = await api.info();
  state.lang = info.defaultLang;
  state.timezone = info.timezone;
  state.now = info.now;
  $('demo-badge').hidden = !info.demo;
  // Only the demo (or an installation that asked for it) may move Tillit's clock.
  $('travel-form').hidden = !info.timeTravel;
  const [people, channels] = await Promise.all([api.people(), api.channels()]);
  state.people = people.people;
  state.channels = channels.channels;
  await applyLanguage(state.lang);
  wireEvents();
  render();
  document.body.dataset.pending = '0';
  poll();
}

async function applyLanguage(lang) {
  const { texts, roles } = await api.texts(lang);
  state.lang = lang;
  state.texts = texts;
  state.roles = roles;
  document.documentElement.lang = lang;
  document.title = texts.pageTitle;
  for (const element of document.querySelectorAll('[data-t]')) {
    element.textContent = texts[element.dataset.t];
  }
  for (const element of document.querySelectorAll('[data-t-title]')) {
    element.title = texts[element.dataset.tTitle];
  }
  for (const element of document.querySelectorAll('[data-t-placeholder]')) {
    element.placeholder = texts[element.dataset.tPlaceholder];
  }
  $('lang-select').value = lang;
  renderPeople(state);
  render();
}

function wireEvents() {
  $('person-select').addEventListener('change', (event) =>
    whileBusy(async () => {
      state.person = event.target.value || null;
      const person = currentPerson();
      if (person && person.lang !== state.lang) await applyLanguage(person.lang);
      // Stay in the channel if it is one of theirs; else go to their first.
      if (isChannel(state.channel) && !isMyChannel(state.channel)) state.channel = null;
      state.channel ??= myChannels()[0]?.id ?? null;
      clearLists();
      render();
      await refresh();
    }),
  );
  $('lang-select').addEventListener('change', async (event) => {
    const lang = event.target.value;
    await whileBusy(async () => {
      if (state.person) {
        await api.language(state.person, lang);
        currentPerson().lang = lang;
      }
      await applyLanguage(lang);
      await refresh();
    });
  });
  $('home-button').addEventListener('click', () => chooseChannel(HOME));
  for (const list of [$('my-channels'), $('other-channels')]) {
    list.addEventListener('click', (event) => {
      const button = event.target.closest('[data-channel]');
      if (button) chooseChannel(button.dataset.channel);
    });
  }
  $('composer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('composer').value.trim();
    if (!text || !state.person || !isChannel(state.channel)) return;
    $('composer').value = '';
    await send(() => api.command(state.person, state.channel, text));
  });
  $('travel-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const [unit, amount] = $('travel-amount').value.split(':');
    await send(async () => {
      const travelled = await api.travel({ [unit]: Number(amount) });
      state.now = travelled.now;
      renderClock(state);
      return travelled;
    });
  });
  // Buttons inside rendered views: the inbox and home act outside any channel.
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-action-id]');
    // Busy, not disabled: a disabled button loses keyboard focus.
    if (!button || !state.person || button.getAttribute('aria-busy') === 'true') return;
    const outside = button.closest('#inbox, #home-view');
    const channel = outside || !isChannel(state.channel) ? null : state.channel;
    const action = { id: button.dataset.actionId, value: button.dataset.actionValue };
    // The message the button sits in: a ballot or a nudge is replaced by what the click did.
    const message = button.closest('.message')?.dataset.id ?? null;
    button.setAttribute('aria-busy', 'true');
    try {
      await send(() => api.action(state.person, channel, action, message), channel, message);
    } finally {
      button.removeAttribute('aria-busy');
    }
  });
  $('form-dialog').addEventListener('close', () => closeForm());
}

/**
 * Sends one request, then does what its answer asks of the page itself. `data-pending` on
 * <body> counts requests not yet shown, so tests (and assistive tools) can tell when it is.
 */
async function send(request, formChannel = state.channel, source = null) {
  return whileBusy(async () => {
    try {
      const answer = await request();
      showStatus(null);
      if (answer.lang && answer.lang !== state.lang) {
        if (currentPerson()) currentPerson().lang = answer.lang;
        await applyLanguage(answer.lang);
      }
      if (answer.form) {
        openForm(answer.form.html, isChannel(formChannel) ? formChannel : null, source);
      }
      if (answer.errors) showErrors(answer.errors);
      if (answer.home && state.channel === HOME) showHome(answer.home.html);
      // A line no one keeps (the thanks for anonymous feedback): shown here, stored nowhere.
      if (answer.notice) showStatus(answer.notice);
      return answer;
    } catch {
      showStatus(state.texts.requestFailed);
      return null;
    } finally {
      await refresh();
    }
  });
}

let pending = 0;
async function whileBusy(work) {
  pending += 1;
  document.body.dataset.pending = String(pending);
  try {
    return await work();
  } finally {
    pending -= 1;
    document.body.dataset.pending = String(pending);
  }
}

/** A form, and the message whose button opened it (a submit may replace that message). */
function openForm(html, channel, source = null) {
  showForm(
    html,
    async (form) => {
      setFormBusy(true);
      const submit = () => api.submit(state.person, channel, form, source);
      const answer = await send(submit, channel, source);
      setFormBusy(false);
      if (answer && !answer.errors && !answer.form && formIsOpen()) closeForm();
    },
    state.texts,
  );
}

function chooseChannel(channel) {
  return whileBusy(async () => {
    state.channel = channel;
    clearLists();
    render();
    await refresh();
  });
}

// ---- rendering ----

function render() {
  renderPersonRoles(state, currentPerson());
  renderChannels(state, myChannels(), HOME);
  renderConversation();
  renderClock(state);
}

function renderConversation() {
  const t = state.texts;
  const channel = state.channels.find((c) => c.id === state.channel);
  const onHome = state.channel === HOME;
  $('channel-title').textContent = onHome ? t.home : channel ? `# ${channel.name}` : 'Tillit';
  $('channel-subtitle').textContent = !state.person
    ? t.pickPersonFirst
    : channel
      ? t.messagesOf.replace('{channel}', channel.name)
      : onHome
        ? ''
        : t.pickChannelFirst;
  $('messages').hidden = onHome;
  $('home-view').hidden = !onHome;
  const canType = Boolean(state.person && channel);
  $('composer-form').hidden = !canType;
  $('composer').disabled = !canType;
}

function labels(emptyText) {
  return {
    bot: state.texts.bot,
    you: state.texts.you,
    onlyYou: state.texts.onlyYou,
    personName: currentPerson()?.name ?? '',
    emptyHtml: markup(emptyText),
    formatTime: (iso) => formatTime(state, iso),
  };
}

/** Replaces the home view only when it changed, so focus inside it survives a poll. */
let shownHome = '';
function showHome(html) {
  if (shownHome === html) return;
  shownHome = html;
  $('home-view').innerHTML = html;
}

function clearLists() {
  $('messages').replaceChildren();
  $('inbox').replaceChildren();
  $('home-view').replaceChildren();
  $('inbox-count').textContent = '';
  shownHome = '';
}

function showStatus(text) {
  $('status').hidden = !text;
  $('status').textContent = text ?? '';
}

// ---- polling ----

let polling = null;
let queued = null;

/**
 * Fetches what the page shows now. A call while a round is on its way gets a fresh round
 * after it (that one may have started before the change the caller wants to see).
 */
function refresh() {
  if (!polling) {
    polling = refreshOnce().finally(() => {
      polling = null;
    });
    return polling;
  }
  queued ??= polling.then(() => {
    queued = null;
    return refresh();
  });
  return queued;
}

async function refreshOnce() {
  const person = state.person;
  const channel = state.channel;
  try {
    const [clock, messages, inbox, home] = await Promise.all([
      api.clock(),
      person && isChannel(channel) ? api.messages(person, channel) : null,
      person ? api.inbox(person) : null,
      person && channel === HOME ? api.home(person) : null,
    ]);
    // Reachable again: the problem goes; a notice (the anonymous thanks) stays until the next
    // request the person sends.
    if ($('status').textContent === state.texts.unreachable) showStatus(null);
    state.now = clock.now;
    renderClock(state);
    // The person or channel may have changed while this was on its way.
    if (person !== state.person || channel !== state.channel) return;
    if (messages) syncMessages($('messages'), messages.messages, labels(state.texts.noMessages));
    if (inbox) {
      syncMessages($('inbox'), inbox.messages, labels(state.texts.inboxEmpty));
      $('inbox-count').textContent = inbox.messages.length ? `(${inbox.messages.length})` : '';
    }
    if (home?.home) showHome(home.home.html);
  } catch {
    showStatus(state.texts.unreachable);
  }
}

function poll() {
  setTimeout(async () => {
    await refresh();
    poll();
  }, POLL_MS);
}

// ---- who and where ----

function currentPerson() {
  return state.people.find((p) => p.key === state.person) ?? null;
}

function myChannels() {
  const person = currentPerson();
  if (!person) return [];
  const units = new Set(person.roles.map((r) => r.unitKey));
  return state.channels.filter((c) => units.has(c.unitKey));
}

function isMyChannel(channelId) {
  return myChannels().some((c) => c.id === channelId);
}

function isChannel(channel) {
  return Boolean(channel) && channel !== HOME;
}

start().catch(() => showStatus('Tillit is not answering. / Tillit svarar inte.'));
