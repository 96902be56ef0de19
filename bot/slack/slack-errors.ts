import type { ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { describeError } from '../describe-error.js';
import { isConnectionFailure } from '../http/http-errors.js';
import type { Logger } from '../log.js';

/**
 * What /slack/events answers when a signed request could not be processed. Bolt's default
 * is a bare 500 for anything, which makes Slack retry a payload that will never work. Here:
 * the database out of reach is 503 (a retry may work, and the retry is recognised by its
 * event id); anything else is a payload Tillit cannot use, 400 with a reason and no detail.
 */
export function slackProcessingFailed(log: Logger) {
  return async ({ error, response }: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    const unavailable = isConnectionFailure(error);
    log.warn('slack request not processed', {
      status: unavailable ? 503 : 400,
      error: describeError(error),
    });
    if (response.headersSent) return false;
    const status = unavailable ? 503 : 400;
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(
      JSON.stringify({
        error: unavailable ? 'unavailable' : 'badRequest',
        message: unavailable ? 'database out of reach, try again' : 'payload not usable',
      }),
    );
    // Answered here: Bolt must not ack the same response again.
    return false;
  };
}
