import type { Reply } from '../../dialogues/core/outcome.js';
import type { Form, View } from '../../dialogues/view.js';
import type { Database } from '../../store/database.js';
import { postLocalMessage, replaceOwnLocalMessage } from '../../store/queries/local-messages.js';
import { rememberPostedMessage } from '../../store/queries/posted-messages.js';
import type { RefreshMessages } from '../channel.js';

/** Where a local request came from: the person, and the channel they were looking at. */
export interface LocalScene {
  personId: string;
  /** The local channel id, or null in the home view or the inbox. */
  channelId: string | null;
  now: Date;
  /** The message acted on (its button clicked, or one opened the form): `replace` target. */
  messageId?: string | null;
}

/** What the page must do itself after a request: things that are not stored messages. */
export interface LocalAnswer {
  /** Open (or, after a submit, replace) the dialog with this form. */
  form?: Form;
  /** Keep the form open and show these next to its inputs (FORM_ERROR_KEY: above the buttons). */
  errors?: Record<string, string>;
  /** The person's home view. */
  home?: View;
  /** A private line shown once and stored nowhere (Reply `unkept`). */
  notice?: string;
}

/**
 * Carries out a use case's replies for the local page, in order. Messages are stored, so
 * every viewer's next poll shows them; updates by key are in the outbox already, and `refresh`
 * has them carried out on every platform that posted the key (here: stored views replaced).
 */
export async function carryOutLocally(
  { db, refresh }: { db: Database; refresh: RefreshMessages },
  scene: LocalScene,
  replies: Reply[],
): Promise<LocalAnswer> {
  const answer: LocalAnswer = {};
  // In a channel only its asker sees it; from home or the inbox it lands in the inbox.
  const postPrivately = async (reply: { key?: string; view: View }) => {
    const posted = await postLocalMessage(db, {
      channelId: scene.channelId,
      personId: scene.personId,
      key: reply.key ?? null,
      view: reply.view,
      postedAt: scene.now,
    });
    // A keyed private card (a ballot) is updated later, through the outbox, like a board.
    if (reply.key) await rememberPrivately(reply.key, posted.id);
    return posted;
  };
  const rememberPrivately = (key: string, messageId: string) =>
    rememberPostedMessage(db, {
      key,
      platform: 'local',
      workspace: '',
      channelId: `${scene.channelId ?? 'inbox'}:${scene.personId}`,
      messageId,
    });
  for (const reply of replies) {
    switch (reply.kind) {
      case 'private':
        if (reply.unkept) answer.notice = reply.view.summary;
        else await postPrivately(reply);
        break;
      case 'channel': {
        const posted = await postLocalMessage(db, {
          channelId: scene.channelId,
          // Without a channel (home, inbox) there is no one else to show it to.
          personId: scene.channelId ? null : scene.personId,
          key: reply.key ?? null,
          view: reply.view,
          postedAt: scene.now,
        });
        // Where it is, in the one table every platform's updates are carried out from.
        if (reply.key && scene.channelId) {
          await rememberPostedMessage(db, {
            key: reply.key,
            platform: 'local',
            workspace: '',
            channelId: scene.channelId,
            messageId: posted.id,
          });
        }
        break;
      }
      case 'update':
        await refresh(reply.key, reply.view);
        break;
      case 'replace': {
        // Only a message the person alone sees is replaced; a shared one stays for the others.
        const { messageId } = scene;
        const replaced =
          messageId &&
          (await replaceOwnLocalMessage(db, {
            id: messageId,
            personId: scene.personId,
            view: reply.view,
          }));
        if (!replaced) await postPrivately(reply);
        else if (reply.key && messageId) await rememberPrivately(reply.key, messageId);
        break;
      }
      case 'form':
        answer.form = reply.form;
        answer.errors = undefined;
        break;
      case 'form-errors':
        answer.errors = reply.errors;
        break;
      case 'home':
        answer.home = reply.view;
        break;
      case 'file': {
        // The page is served by the same server as the file: a link to it is all it takes.
        const link = { type: 'download' as const, label: reply.file.label, url: reply.file.path };
        await postLocalMessage(db, {
          channelId: scene.channelId,
          personId: scene.personId,
          view: { ...reply.view, blocks: [...reply.view.blocks, link] },
          postedAt: scene.now,
        });
        break;
      }
      default:
        reply satisfies never;
    }
  }
  return answer;
}
