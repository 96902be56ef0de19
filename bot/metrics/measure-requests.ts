import type { RequestHandler } from 'express';
import { requestScope } from '../request-scope.js';
import type { ChannelName, Metrics } from './metrics.js';

/** The routes of each channel; others (health, images, metrics) are not counted as requests. */
function channelOf(path: string): ChannelName | null {
  if (path.startsWith('/slack/')) return 'slack';
  if (path === '/api/messages') return 'teams';
  if (path.startsWith('/local/')) return 'local';
  return null;
}

/**
 * Counts each channel request by outcome and times its HTTP answer: Slack's ack (Bolt answers
 * when a listener acks, before the reply), and for Teams and the local page, whose answer comes
 * after the turn, the reply too. Slack's reply is timed where it is sent (slack-channel.ts).
 */
export function measureRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const channel = channelOf(req.path);
    const startedAt = requestScope.getStore()?.startedAt ?? performance.now();
    if (channel) {
      res.once('finish', () => {
        const seconds = (performance.now() - startedAt) / 1000;
        metrics.acked(channel, res.statusCode, seconds);
        if (channel !== 'slack') metrics.replied(channel, seconds);
      });
    }
    next();
  };
}
