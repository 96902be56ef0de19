/**
 * The load bench's baseline: a bare Bolt app that answers `/tillit` and any button as cheaply
 * as Bolt allows (ack, then one chat.postEphemeral), against the same fake Slack Web API.
 * Env: PORT, SLACK_API_URL, SLACK_SIGNING_SECRET. Prints `listening` when ready.
 */
import bolt from '@slack/bolt';

const app = new bolt.App({
  token: 'xoxb-bench-token',
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL! },
  logLevel: bolt.LogLevel.ERROR,
});

app.command('/tillit', async ({ command, ack, client }) => {
  await ack();
  await client.chat.postEphemeral({
    channel: command.channel_id,
    user: command.user_id,
    text: 'help',
  });
});

app.action(/.*/, async ({ ack, body, client }) => {
  await ack();
  await client.chat.postEphemeral({
    channel: (body as { channel?: { id: string } }).channel?.id ?? '',
    user: body.user.id,
    text: 'clicked',
  });
});

await app.start(Number(process.env.PORT));
process.stdout.write('listening\n');
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
