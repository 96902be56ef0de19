import type { KnownBlock, ModalView } from '@slack/types';
import type { Reply } from '../../dialogues/core/outcome.js';
import type { AnsweredInbound } from '../../dialogues/handle-inbound.js';
import type { Catalogue } from '../../dialogues/texts/catalogue.js';
import type { Logger } from '../log.js';
import { platformWords } from '../platform-words.js';
import { renderBlocks } from './render-blocks.js';
import { mrkdwn, plainText, SLACK_LIMITS } from './slack-limits.js';
import { inLanguage, modalFor, type SlackScene } from './slack-replies.js';

/**
 * How long a click that opens a form waits for its use case before a modal opens without it.
 * A trigger_id lives 3 s from the click: the ack, this wait and views.open's round trip must
 * fit in it with room to spare. A form ready sooner opens directly, with no "opening …" flash
 * in between; a busy moment on a test machine rarely reaches this, so the tests' quick paths
 * stay quick.
 */
export const MODAL_HEAD_START_MS = 800;

const TITLE = 'Tillit';

/**
 * Answers a click whose answer is normally a form. A quick use case is carried out as any
 * other (`finish`); a slow one gets a modal at once, then the form is put into it (views.update),
 * or, if the answer was something else (a refusal), what the person would have been told.
 */
export async function answerInModal(
  asked: SlackScene & { triggerId: string },
  log: Logger,
  work: Promise<AnsweredInbound>,
  finish: (result: AnsweredInbound) => Promise<void>,
): Promise<void> {
  const quick = await Promise.race([work, sleep(MODAL_HEAD_START_MS).then(() => null)]);
  if (quick) return finish(quick);
  // Opened before the person is known: in the scene's (default) language.
  const opening = asked.client.views
    .open({ trigger_id: asked.triggerId, view: waitingModal(asked.t) })
    .then(
      (opened) => opened.view?.id ?? null,
      (error: unknown) => {
        log.warn('slack modal did not open', { error, user: asked.userId });
        return null;
      },
    );
  const result = await work;
  const viewId = await opening;
  if (!viewId) return finish(result);
  // What it shows then is in the answer's language, its Close and Cancel too.
  const scene = inLanguage(asked, result.lang);
  const { view, shown } = modalOf(scene, scene.t, result.replies);
  try {
    await scene.client.views.update({ view_id: viewId, view });
  } catch (error) {
    // Closed by the person meanwhile: what it would have shown goes out as usual.
    log.warn('slack modal update failed', { error, user: scene.userId });
    return finish(result);
  }
  return finish({ ...result, replies: result.replies.filter((reply) => !shown.includes(reply)) });
}

/** The form, if the answer has one; else the private replies, as a modal to close. */
function modalOf(
  scene: SlackScene,
  t: Catalogue,
  replies: Reply[],
): { view: ModalView; shown: Reply[] } {
  const form = replies.find((reply) => reply.kind === 'form');
  if (form) return { view: modalFor(scene, form.form), shown: [form] };
  const privates = replies.filter((reply) => reply.kind === 'private');
  const blocks = privates.flatMap((reply) => renderBlocks(reply.view, platformWords(t)));
  return {
    view: notice(t, blocks.length ? blocks : [section(t.common.somethingWentWrong)]),
    shown: privates,
  };
}

function waitingModal(t: Catalogue) {
  return notice(t, [section(t.common.opening)]);
}

function notice(t: Catalogue, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    title: plainText(TITLE, SLACK_LIMITS.viewTitle),
    close: plainText(t.common.close, SLACK_LIMITS.viewButton),
    blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks),
  };
}

const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
