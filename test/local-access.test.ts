import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config.js';
import { listLocalPeople as listDirectoryPeople } from '../bot/local/local-directory.js';
import { findLocalPerson } from '../bot/local/local-inbound.js';
import { type LocalTestTillit, listLocalPeople, startLocalTillit } from './support/local-tillit.js';
import { rawRequest } from './support/raw-http.js';

const TOKEN = 'a-long-local-channel-token-0123456789';
const portOf = (t: LocalTestTillit) => new URL(t.url).port;
/** The server on this machine's loopback, whatever HOST it was bound to. */
const loopbackUrl = (t: LocalTestTillit) => `http://127.0.0.1:${portOf(t)}`;
const json = { 'content-type': 'application/json' };

describe('the local channel on a non-loopback HOST without a token', () => {
  let t: LocalTestTillit;
  beforeAll(async () => {
    t = await startLocalTillit({ env: { HOST: '0.0.0.0' } });
  });
  afterAll(async () => t?.close());

  it('is off, and says so in one log line', async () => {
    expect(loadConfig({ HOST: '0.0.0.0', LOCAL_CHANNEL: 'on' }).localChannel).toBe(false);
    for (const path of ['/local/people', '/', '/page/app.js']) {
      expect((await rawRequest(loopbackUrl(t), path)).status, path).toBe(404);
    }
    const time = await rawRequest(loopbackUrl(t), '/local/time-travel', {
      method: 'POST',
      headers: json,
      body: '{"days":6}',
    });
    expect(time.status).toBe(404);
    expect(t.logLines.filter((line) => line.includes('local channel off'))).toHaveLength(1);
  });
});

describe('the local channel on loopback: addressed to this machine, by this machine', () => {
  let t: LocalTestTillit;
  let person: string;
  beforeAll(async () => {
    t = await startLocalTillit();
    person = (await listLocalPeople(t.url))[0]!.key;
  });
  afterAll(async () => t?.close());

  it('answers only a Host header naming loopback and its own port', async () => {
    const port = Number(portOf(t));
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`];
    const refused = [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `127.0.0.1.evil.example:${port}`,
      `[::1]:${port}x`,
    ];
    for (const host of allowed) {
      const response = await rawRequest(t.url, '/local/people', { headers: { host } });
      expect(response.status, host).toBe(200);
    }
    for (const host of refused) {
      for (const path of ['/local/people', '/', '/page/app.js']) {
        const response = await rawRequest(t.url, path, { headers: { host } });
        expect(response.status, `${host} ${path}`).toBe(403);
      }
    }
    // No Host at all: Node refuses an HTTP/1.1 request without one itself (400).
    const hostless = await rawRequest(t.url, '/local/people', { noHost: true });
    expect([400, 403]).toContain(hostless.status);
  });

  it('refuses what came through a proxy, and a change sent by another site', async () => {
    const host = `127.0.0.1:${portOf(t)}`;
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const response = await rawRequest(t.url, '/local/people', {
        headers: { host, [header]: '203.0.113.9' },
      });
      expect(response.status, header).toBe(403);
    }
    const before = await findLocalPerson(t.database.db, person);
    const lang = before?.lang === 'en' ? 'sv' : 'en';
    const forged = await rawRequest(t.url, '/local/language', {
      method: 'POST',
      headers: { host, origin: 'http://evil.example', ...json },
      body: JSON.stringify({ person, lang }),
    });
    expect(forged.status).toBe(403);
    expect((await findLocalPerson(t.database.db, person))?.lang).toBe(before?.lang);
    const own = await rawRequest(t.url, '/local/language', {
      method: 'POST',
      headers: { host, origin: `http://${host}`, ...json },
      body: JSON.stringify({ person, lang }),
    });
    expect(own.status).toBe(200);
    expect((await findLocalPerson(t.database.db, person))?.lang).toBe(lang);
  });
});

describe('the local channel on a network with LOCAL_CHANNEL_TOKEN', () => {
  let t: LocalTestTillit;
  let base: string;
  let person: string;
  beforeAll(async () => {
    t = await startLocalTillit({ env: { HOST: '0.0.0.0', LOCAL_CHANNEL_TOKEN: TOKEN } });
    base = loopbackUrl(t);
    // Read straight from the database: the API itself is behind the login.
    person = (await listDirectoryPeople(t.database.db, 'sv'))[0]!.key;
  });
  afterAll(async () => t?.close());

  const login = (token: string) =>
    rawRequest(base, '/local/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });

  const signIn = async () => {
    const response = await login(TOKEN);
    const setCookie = String(response.headers['set-cookie'] ?? '');
    const cookie = setCookie.split(';')[0]!;
    const page = await rawRequest(base, '/', { headers: { cookie } });
    const csrf = /name="tillit-csrf" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return { response, setCookie, cookie, page, csrf };
  };

  it('sends a stranger to the login page and lets nothing through', async () => {
    const page = await rawRequest(base, '/');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/local/login');
    for (const path of ['/local/people', '/local/inbox?person=x', '/page/app.js']) {
      expect((await rawRequest(base, path)).status, path).toBe(401);
    }
    const form = await rawRequest(base, '/local/login');
    expect(form.status).toBe(200);
    expect(form.body).toContain('Logga in');
    const travel = await rawRequest(base, '/local/time-travel', {
      method: 'POST',
      headers: json,
      body: '{"days":6}',
    });
    expect(travel.status).toBe(401);
  });

  it('refuses a wrong token, a forged session and a tampered one', async () => {
    const wrong = await login(`${TOKEN}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body).toContain('Fel nyckel');
    const { cookie } = await signIn();
    const [id, expiry, mac] = cookie.split('=')[1]!.split('.');
    for (const forged of [
      'tillit_local=anything',
      `tillit_local=${id}.${Number(expiry) + 1}.${mac}`,
      `tillit_local=${id}x.${expiry}.${mac}`,
    ]) {
      expect(
        (await rawRequest(base, '/local/people', { headers: { cookie: forged } })).status,
      ).toBe(401);
    }
    expect(t.logLines.join('\n')).not.toContain(TOKEN);
  });

  it('logs in with the token: an HttpOnly, SameSite=Strict cookie, and a CSRF token on every change', async () => {
    const { response, setCookie, cookie, page, csrf } = await signIn();
    expect(response.status).toBe(303);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(page.status).toBe(200);
    expect(csrf.length).toBeGreaterThan(20);
    expect((await rawRequest(base, '/local/people', { headers: { cookie } })).status).toBe(200);

    const change = (headers: Record<string, string>) =>
      rawRequest(base, '/local/language', {
        method: 'POST',
        headers: { cookie, ...json, ...headers },
        body: JSON.stringify({ person, lang: 'en' }),
      });
    expect((await change({})).status).toBe(403);
    expect((await change({ 'x-tillit-csrf': `${csrf}x` })).status).toBe(403);
    const other = await signIn();
    expect((await change({ 'x-tillit-csrf': other.csrf })).status).toBe(403);
    expect((await findLocalPerson(t.database.db, person))?.lang).not.toBe('en');
    expect((await change({ 'x-tillit-csrf': csrf })).status).toBe(200);
    expect((await findLocalPerson(t.database.db, person))?.lang).toBe('en');
  });

  it('rests the login for a minute after ten wrong tokens, the right one included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(`guess-${i}-0123456789abcdef`)).status);
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses.at(-1)).toBe(429);
    const right = await login(TOKEN);
    expect(right.status).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();
  });
});
