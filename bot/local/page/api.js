/** The page's only way to Tillit: JSON over /local. Errors carry the HTTP status. */

export class ApiError extends Error {
  constructor(status, body) {
    super(`request failed: ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Sent with every change: the server refuses one without it when the page is behind a login. */
const csrfToken = document.querySelector('meta[name="tillit-csrf"]')?.content ?? '';

async function request(method, path, body) {
  const response = await fetch(`/local/${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(method === 'GET' ? {} : { 'x-tillit-csrf': csrfToken }),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  // Behind a login (LOCAL_CHANNEL_TOKEN) a session ends after some hours: sign in again.
  if (response.status === 401) window.location.assign('/local/login');
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

const query = (params) => new URLSearchParams(params).toString();

export const api = {
  info: () => request('GET', 'info'),
  texts: (lang) => request('GET', `texts?${query({ lang })}`),
  people: () => request('GET', 'people'),
  channels: () => request('GET', 'channels'),
  clock: () => request('GET', 'clock'),
  travel: (amount) => request('POST', 'time-travel', amount),
  command: (person, channel, text) => request('POST', 'command', { person, channel, text }),
  action: (person, channel, action, message) =>
    request('POST', 'action', { person, channel, action, message }),
  submit: (person, channel, form, message) =>
    request('POST', 'submit', { person, channel, ...form, message }),
  home: (person) => request('GET', `home?${query({ person })}`),
  language: (person, lang) => request('POST', 'language', { person, lang }),
  messages: (person, channel) => request('GET', `messages?${query({ person, channel })}`),
  inbox: (person) => request('GET', `inbox?${query({ person })}`),
};
