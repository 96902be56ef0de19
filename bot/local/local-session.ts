import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Sessions of the local channel behind LOCAL_CHANNEL_TOKEN, kept nowhere but in the cookie:
 * `<id>.<expiry>.<mac>`, signed with a key derived from the token. Every instance and every
 * restart with the same token accepts it; a new token ends every session at once. The CSRF
 * token of a session is derived from it the same way, so it needs no storage either.
 */
export const SESSION_COOKIE = 'tillit_local';
export const SESSION_HOURS = 12;

export interface LocalSessions {
  /** Whether the token typed at the login is the configured one (in constant time). */
  tokenMatches(candidate: string): boolean;
  /** A new session's cookie value, valid for SESSION_HOURS from `now`. */
  create(now: Date): string;
  /** The session's CSRF token if the cookie value is genuine and not expired; else null. */
  verify(cookie: string | undefined, now: Date): string | null;
  /** Whether `candidate` is the CSRF token of this genuine session. */
  csrfMatches(cookie: string | undefined, candidate: string | undefined, now: Date): boolean;
}

export function createLocalSessions(token: string): LocalSessions {
  const key = createHmac('sha256', token).update('tillit-local-session-key').digest();
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  const csrfOf = (id: string) => mac(`csrf:${id}`);
  const verify = (cookie: string | undefined, now: Date): string | null => {
    const [id, expiry, signature, ...rest] = (cookie ?? '').split('.');
    if (!id || !expiry || !signature || rest.length) return null;
    if (!sameText(signature, mac(`session:${id}.${expiry}`))) return null;
    if (!(Number(expiry) > now.getTime())) return null;
    return csrfOf(id);
  };
  return {
    tokenMatches: (candidate) => sameText(digest(candidate), digest(token)),
    create(now) {
      const id = randomBytes(24).toString('base64url');
      const expiry = String(now.getTime() + SESSION_HOURS * 3_600_000);
      return `${id}.${expiry}.${mac(`session:${id}.${expiry}`)}`;
    },
    verify,
    csrfMatches(cookie, candidate, now) {
      const csrf = verify(cookie, now);
      return csrf !== null && candidate !== undefined && sameText(candidate, csrf);
    },
  };
}

const digest = (text: string) => createHmac('sha256', 'tillit').update(text).digest('hex');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** One cookie's value from a Cookie header (no dependency for this one read). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
