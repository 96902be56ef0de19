/**
 * `npm run slack-manifest -- https://tillit.example.se` prints a Slack app manifest to paste
 * at api.slack.com/apps → Create New App → From a manifest. Add `--socket` for Socket Mode.
 */
import { readArgs, usageError } from './cli.js';
import { buildSlackManifest, ManifestOptionError, readBaseUrl } from './slack/manifest.js';

const cli = {
  usage: `Usage: npm run slack-manifest -- BASE_URL | --socket
  prints the Slack app manifest (JSON) to paste at api.slack.com/apps → Create New App →
  From a manifest
  BASE_URL   the public https address of this server (https://tillit.kommun.se); Slack
             sends commands, clicks and events to BASE_URL/slack/events
  --socket   Socket Mode instead: no public address needed (SLACK_APP_TOKEN)`,
  options: { socket: { type: 'boolean' } },
  positionals: [0, 1],
} as const;

function main() {
  const { values, positionals } = readArgs(cli);
  const socket = values.socket === true;
  if (!positionals[0] && !socket) usageError(cli, 'missing BASE_URL (or --socket)');
  let base: string | null = null;
  try {
    base = positionals[0] ? readBaseUrl(positionals[0]) : null;
  } catch (error) {
    if (!(error instanceof ManifestOptionError)) throw error;
    usageError(cli, error.message);
  }
  console.log(JSON.stringify(buildSlackManifest({ base, socket }), null, 2));
}

main();
