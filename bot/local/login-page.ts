import type { Catalogue } from '../../dialogues/texts/catalogue.js';
import type { Language } from '../../store/schema/index.js';
import { escapeHtml } from './render-html.js';

/**
 * The login page of the local channel on a network (LOCAL_CHANNEL_TOKEN): one field for the
 * token. Self-contained, since the page's own scripts and styles are behind the login.
 */
export function renderLoginPage(t: Catalogue['local'], lang: Language, failed: boolean): string {
  const error = failed ? `<p class="error" role="alert">${escapeHtml(t.loginFailed)}</p>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(t.loginTitle)}</title>
  <link rel="icon" href="data:,">
  <style>
    body { font-family: system-ui, sans-serif; max-width: 26rem; margin: 4rem auto; padding: 0 1rem; }
    label, input, button { display: block; width: 100%; box-sizing: border-box; font-size: 1rem; }
    input { margin: 0.4rem 0 1rem; padding: 0.5rem; }
    button { padding: 0.6rem; }
    .error { color: #b00020; font-weight: bold; }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(t.loginTitle)}</h1>
    <p>${escapeHtml(t.loginIntro)}</p>
    ${error}
    <form method="post" action="/local/login">
      <label for="token">${escapeHtml(t.loginToken)}</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
      <button type="submit">${escapeHtml(t.loginButton)}</button>
    </form>
  </main>
</body>
</html>
`;
}
