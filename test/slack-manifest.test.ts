import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  botEvents,
  botScopes,
  buildSlackManifest,
  readBaseUrl,
  webApiScopes,
} from '../scripts/slack/manifest.js';

/** Every TypeScript file the server runs. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `client.chat.postMessage(`, `client.apps.connections.open(`, `apiCall('users.info'`. */
function webApiCallsInCode(): Set<string> {
  const found = new Set<string>();
  for (const file of ['bot', 'dialogues', 'store'].flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    // Two or three parts: chat.postMessage, files.uploadV2, apps.connections.open.
    const calls = /\bclient\s*\.\s*([a-z]+(?:\s*\.\s*[a-zA-Z0-9]+){1,2})\s*\(/g;
    for (const match of text.matchAll(calls)) found.add(match[1]!.replace(/\s+/g, ''));
    for (const match of text.matchAll(/\bapiCall\(\s*['"]([a-z]+\.[a-zA-Z.]+)['"]/g)) {
      found.add(match[1]!);
    }
  }
  return found;
}

describe('the Slack manifest', () => {
  it('lists exactly the Web API methods the code calls', () => {
    const called = [...webApiCallsInCode()].sort();
    expect(called).toContain('chat.postMessage');
    expect(called).toEqual(Object.keys(webApiScopes).sort());
  });

  it('asks for the scopes those calls and events need, and nothing more', () => {
    const manifest = buildSlackManifest({ base: 'https://tillit.kommun.se', socket: false });
    expect(manifest.oauth_config.scopes.bot).toEqual(botScopes());
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'channels:history',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'im:history',
      'im:write',
      'users:read',
    ]);
    for (const unused of ['chat:write.public', 'files:read', 'channels:read']) {
      expect(manifest.oauth_config.scopes.bot).not.toContain(unused);
    }
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(Object.keys(botEvents));
  });

  it('subscribes only to events the Slack channel listens for', () => {
    const channel = readFileSync('bot/slack/slack-channel.ts', 'utf8');
    expect(channel).toContain("app.event('app_home_opened'");
    // message.im: what people write in the Messages tab, which the manifest keeps writable.
    expect(channel).toContain('app.message(');
    const manifest = buildSlackManifest({ base: null, socket: true });
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  it('takes an https base URL only', () => {
    expect(readBaseUrl('https://tillit.kommun.se/')).toBe('https://tillit.kommun.se');
    expect(readBaseUrl('https://kommun.se/tillit')).toBe('https://kommun.se/tillit');
    for (const bad of ['tillit.kommun.se', 'http://tillit.kommun.se', 'https://x.se/?a=1']) {
      expect(() => readBaseUrl(bad), bad).toThrow();
    }
  });
});
