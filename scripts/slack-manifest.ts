/**
 * `npm run slack-manifest -- https://tillit.example.se` prints a Slack app manifest to paste
 * at api.slack.com/apps → Create New App → From a manifest. Add `--socket` for Socket Mode.
 */
const args = process.argv.slice(2);
const socket = args.includes('--socket');
const base = args.find((a) => !a.startsWith('--'))?.replace(/\/$/, '');

if (!base && !socket) {
  console.error('Usage: npm run slack-manifest -- <public base URL> [--socket]');
  process.exit(1);
}

const events = base ? `${base}/slack/events` : undefined;
const manifest = {
  display_information: {
    name: 'Tillit',
    description: 'Dialog i stället för rapporter: SWOT, riskdialog, reflektion och uppföljning.',
    background_color: '#1d4e5f',
  },
  features: {
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
  oauth_config: {
    scopes: {
      bot: [
        'commands',
        'chat:write',
        'chat:write.public',
        'im:write',
        'im:history',
        'channels:history',
        'groups:history',
        'channels:read',
        'users:read',
        'files:write',
      ],
    },
  },
  settings: {
    event_subscriptions: {
      ...(events ? { request_url: events } : {}),
      bot_events: ['app_home_opened'],
    },
    interactivity: { is_enabled: true, ...(events ? { request_url: events } : {}) },
    org_deploy_enabled: false,
    socket_mode_enabled: socket,
    token_rotation_enabled: false,
  },
};

console.log(JSON.stringify(manifest, null, 2));
