/**
 * The Slack Web API methods Tillit calls, with the bot scopes each needs: the manifest asks
 * for these and nothing more. test/slack-manifest.test.ts finds every call in the code and
 * fails when one is missing here, or when one listed here is no longer called.
 */
export const webApiScopes: Record<string, readonly string[]> = {
  // Checking the tokens at start-up; apps.connections.open takes the app-level token, whose
  // connections:write is given where the token is made, not in the manifest.
  'apps.connections.open': [],
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  // Reconciling an outbox send: public and private channels, and the DM with a person.
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.open': ['im:write'],
  // An export without PUBLIC_URL, uploaded to the person's DM (getUploadURLExternal + complete).
  'files.uploadV2': ['files:write'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.update': [],
  'views.publish': [],
};

/** Events Tillit subscribes to, with their scopes: the App Home, and what people write to it. */
export const botEvents: Record<string, readonly string[]> = {
  app_home_opened: [],
  'message.im': ['im:history'],
};

export class ManifestOptionError extends Error {}

/** The public base URL Slack sends requests to: https only, as Slack itself requires. */
export function readBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ManifestOptionError(
      `"${text}" is not a URL; give the public https address, e.g. https://tillit.kommun.se`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new ManifestOptionError(
      `"${text}" is not https; Slack sends requests only to https addresses (e.g. https://${url.host || 'tillit.kommun.se'})`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ManifestOptionError(`"${text}": only a scheme, a host and a path, please`);
  }
  return url.toString().replace(/\/$/, '');
}

export function botScopes(): string[] {
  const scopes = new Set(['commands']);
  for (const needed of [...Object.values(webApiScopes), ...Object.values(botEvents)]) {
    for (const scope of needed) scopes.add(scope);
  }
  return [...scopes].sort();
}

/** The app manifest: HTTP to `base`/slack/events, or Socket Mode when `base` is null. */
export function buildSlackManifest(options: { base: string | null; socket: boolean }) {
  const events = options.base ? `${options.base}/slack/events` : undefined;
  return {
    display_information: {
      name: 'Tillit',
      description: 'Dialog i stället för rapporter: SWOT, riskdialog, reflektion och uppföljning.',
      background_color: '#1d4e5f',
    },
    features: {
      // People may write commands to Tillit in its Messages tab (`help`, `reflect`), as in Teams.
      app_home: {
        home_tab_enabled: true,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      bot_user: { display_name: 'Tillit', always_online: true },
      slash_commands: [
        {
          command: '/tillit',
          ...(events ? { url: events } : {}),
          description: 'Tillit: swot, risk, reflect, actions, summary, setup, help',
          usage_hint: 'help',
          should_escape: true,
        },
      ],
    },
    oauth_config: { scopes: { bot: botScopes() } },
    settings: {
      event_subscriptions: {
        ...(events ? { request_url: events } : {}),
        bot_events: Object.keys(botEvents),
      },
      interactivity: { is_enabled: true, ...(events ? { request_url: events } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socket,
      token_rotation_enabled: false,
    },
  };
}
