import type { TeamsConfig } from '../config.js';
import { isLoopbackAddress } from './loopback-guard.js';

/**
 * Where the Bot Connector service lives (public cloud, GCC, GCC High, DoD, China): the only
 * hosts Tillit calls on its own with an app id. A stored conversation reference could have
 * been written by anyone who ever reached /api/messages, so its `serviceUrl` is not trusted
 * for what it says; a reply within a turn goes to the activity's own `serviceUrl`, which the
 * Bot Framework token vouches for (botbuilder checks its `serviceurl` claim).
 */
const BOT_FRAMEWORK_HOSTS = [
  /^smba\.trafficmanager\.net$/,
  /^smba\.infra\.(gcc|gov|dod)\.teams\.microsoft\.(com|us)$/,
  /(^|\.)botframework\.com$/,
  /(^|\.)botframework\.us$/,
  /(^|\.)botframework\.azure\.us$/,
  /(^|\.)botframework\.azure\.cn$/,
];

/** An https URL on one of the Bot Framework's hosts. */
export function isBotFrameworkServiceUrl(serviceUrl: string): boolean {
  const url = parse(serviceUrl);
  if (url?.protocol !== 'https:' || url.username || url.password) return false;
  return BOT_FRAMEWORK_HOSTS.some((host) => host.test(url.hostname.toLowerCase()));
}

/** The Bot Framework Emulator's own address: http(s) on this machine's loopback, any port. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  const url = parse(serviceUrl);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || isLoopbackAddress(host);
}

/**
 * Whether Tillit may call this `serviceUrl` outside an authenticated turn: with an app id,
 * the Bot Framework's hosts; in emulator mode, loopback only (the Emulator on this machine).
 */
export function serviceUrlAllowed(config: TeamsConfig, serviceUrl: string | undefined): boolean {
  if (!serviceUrl) return false;
  switch (config.mode) {
    case 'bot-framework':
      return isBotFrameworkServiceUrl(serviceUrl);
    case 'emulator':
      return isLoopbackServiceUrl(serviceUrl);
    case 'off':
      return false;
  }
}

/** Thrown before any request leaves for a `serviceUrl` that is not allowed. */
export class ServiceUrlRefused extends Error {
  override readonly name = 'ServiceUrlRefused';
  constructor() {
    // The URL itself is left out: whoever planted it chose it, and logs should not carry it.
    super('teams_service_url_not_allowed');
  }
}

function parse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
