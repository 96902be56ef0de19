/**
 * Message lists (a channel, the inbox) kept in step with what the server returns: new
 * messages are appended (the list is an aria-live log, so they are announced), changed ones
 * are replaced in place, and the view stays scrolled to the bottom if it was there.
 */

export function syncMessages(container, messages, labels) {
  const wasAtBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 40;
  const wanted = new Set(messages.map((m) => m.id));
  for (const element of [...container.querySelectorAll('.message')]) {
    if (!wanted.has(element.dataset.id)) element.remove();
  }
  let appended = false;
  for (const message of messages) {
    const existing = container.querySelector(`.message[data-id="${CSS.escape(message.id)}"]`);
    if (existing && existing.dataset.version === String(message.version)) continue;
    const element = messageElement(message, labels);
    if (existing) replaceKeepingFocus(existing, element);
    else {
      container.append(element);
      appended = true;
    }
  }
  const empty = container.querySelector('.empty');
  if (messages.length > 0) empty?.remove();
  else if (empty) empty.innerHTML = labels.emptyHtml;
  else container.append(emptyElement(labels.emptyHtml));
  if (appended && wasAtBottom) container.scrollTop = container.scrollHeight;
}

/**
 * A message updated in place (a SWOT board after a vote) is replaced whole; a keyboard user
 * who was on one of its buttons stays on the same button in the new version.
 */
function replaceKeepingFocus(old, replacement) {
  const active = document.activeElement;
  const hadFocus = old.contains(active);
  const action = active?.dataset?.actionId;
  const value = active?.dataset?.actionValue;
  old.replaceWith(replacement);
  if (!hadFocus) return;
  const same = [...replacement.querySelectorAll('[data-action-id]')].find(
    (b) => b.dataset.actionId === action && b.dataset.actionValue === value,
  );
  if (same) same.focus();
  else {
    replacement.tabIndex = -1;
    replacement.focus();
  }
}

function messageElement(message, labels) {
  const article = document.createElement('article');
  article.className = `message${message.private ? ' private' : ''}${message.mine ? ' mine' : ''}`;
  article.dataset.id = message.id;
  article.dataset.version = String(message.version);
  if (message.key) article.dataset.key = message.key;

  const avatar = document.createElement('span');
  avatar.className = 'avatar';
  avatar.setAttribute('aria-hidden', 'true');
  avatar.textContent = message.mine ? initials(labels.personName) : 'T';

  const body = document.createElement('div');
  body.className = 'message-body';
  const meta = document.createElement('div');
  meta.className = 'message-meta';
  const author = document.createElement('span');
  author.className = 'author';
  author.textContent = message.mine ? labels.personName || labels.you : labels.bot;
  const time = document.createElement('time');
  time.dateTime = message.postedAt;
  time.textContent = labels.formatTime(message.postedAt);
  meta.append(author, time);
  if (message.private) {
    const only = document.createElement('span');
    only.className = 'only-you';
    only.textContent = labels.onlyYou;
    meta.append(only);
  }
  const content = document.createElement('div');
  content.className = 'message-content';
  // Rendered and escaped by the server (render-html.ts): the only HTML the page inserts.
  content.innerHTML = message.html;
  body.append(meta, content);
  article.append(avatar, body);
  return article;
}

function emptyElement(html) {
  const p = document.createElement('p');
  p.className = 'empty';
  p.innerHTML = html;
  return p;
}

function initials(name) {
  const parts = (name || '?').split(/\s+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((p) => p[0].toUpperCase())
    .join('');
}

/** `Skriv \`/tillit help\`` → escaped text with the code span as <code> (the texts' one mark). */
export function markup(text) {
  const escaped = text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}
