import type { Language } from '../../store/schema/index.js';
import { type Button, FORM_ERROR_KEY, type Form, type View } from '../view.js';

/**
 * What a use case asks the channel to do. Channels carry these out in order; a channel that
 * cannot do one exactly (no modals in the browser) does the nearest equivalent.
 */
export type Reply =
  /**
   * Only the asker sees it (Slack: ephemeral; Teams: a reply only they were addressed in). A
   * channel that stores it (the local page) stores it under `key`, so it can be forgotten
   * later (a reflection's "thank you" goes when the round closes). `unkept`: shown once and
   * stored nowhere, not even there, because a stored copy would say who did something and
   * when (the thanks for anonymous feedback).
   */
  | { kind: 'private'; view: View; key?: string; unkept?: true }
  /** Posted in the channel; with a key, later `update`s with that key replace it in place. */
  | { kind: 'channel'; view: View; key?: string }
  /** Replaces the channel message posted earlier under this key, wherever it was posted. */
  | { kind: 'update'; key: string; view: View }
  /**
   * Replaces the private message the person acted on: the one whose button was clicked, or
   * whose button opened the form just submitted (a ballot after a vote, a nudge after "Klar",
   * a reflection prompt once answered), so its buttons give way to the outcome. Where there is
   * no such message, or it is shared with others, the view is sent privately instead (under
   * `key`, as a `private` reply would be).
   */
  | { kind: 'replace'; view: View; key?: string }
  /** Opens a form (Slack modal); on a submit, replaces the open form instead. */
  | { kind: 'form'; form: Form }
  /** On a submit: keep the form open and show these messages next to the inputs. */
  | { kind: 'form-errors'; errors: Record<string, string> }
  /** The person's home view (Slack App Home tab). */
  | { kind: 'home'; view: View }
  /**
   * A file for the asker alone, with `view` as its message, when the server has no public
   * address to link to: the local page links to it on its own server, Slack uploads it to the
   * person's DM, Teams asks the person's consent to put it in their OneDrive.
   */
  | { kind: 'file'; view: View; file: FileToSend };

/** A file Tillit keeps for a while (summary_files) and serves at `path` on its own server. */
export interface FileToSend {
  name: string;
  /** "Ladda ned …" in the asker's language: the link's text where there is a link. */
  label: string;
  /** `/exports/summary/<token>.<ext>`: the download route on Tillit's own HTTP server. */
  path: string;
  body: string;
  /**
   * In the asker's language, for a platform that hands the file over somewhere else than where
   * it was asked for (Slack: the DM with Tillit), so the message where they asked says where.
   */
  sentToDm: string;
}

export type ReplyKind = Reply['kind'];

export interface Outcome {
  replies: Reply[];
  /**
   * The language the replies are in, when the use case chose it rather than the asker's
   * (`lang en` answers in the language just chosen): what the channel's own words around them
   * (Cancel, "… and 3 more") follow. Unset: the asker's language.
   */
  lang?: Language;
}

export const outcome = (...replies: Reply[]): Outcome => ({ replies });
export const privately = (view: View): Outcome => outcome({ kind: 'private', view });
export const openForm = (form: Form): Outcome => outcome({ kind: 'form', form });
export const replacing = (view: View, key?: string): Outcome =>
  outcome({ kind: 'replace', view, ...(key ? { key } : {}) });
/** The message acted on, replaced by one line: what the click did (or why nothing changed). */
export const replacingWith = (text: string): Outcome =>
  replacing({ summary: text, blocks: [{ type: 'text', text }] });
export const formErrors = (errors: Record<string, string>): Outcome =>
  outcome({ kind: 'form-errors', errors });
/** Keep the form open with one message about the whole form (FORM_ERROR_KEY). */
export const formError = (text: string): Outcome => formErrors({ [FORM_ERROR_KEY]: text });

/** A private line, optionally with buttons under it. */
export function note(text: string, buttons: Button[] = []): Reply {
  return {
    kind: 'private',
    view: {
      summary: text,
      blocks: [
        { type: 'text', text },
        ...(buttons.length ? [{ type: 'buttons' as const, buttons }] : []),
      ],
    },
  };
}

/**
 * A private line that no channel keeps (see `unkept`): the page shows it once, and the
 * database never holds it next to the person and the moment it was said.
 */
export function unkeptNote(text: string): Reply {
  const { view } = note(text) as Extract<Reply, { kind: 'private' }>;
  return { kind: 'private', view, unkept: true };
}

/**
 * The same refusal, for a form: a message at the top of the open form instead of a private
 * message (an update of the channel message, if any, still goes out).
 */
export function asFormRefusal(refusal: Outcome): Outcome {
  return outcome(
    ...refusal.replies.map(
      (reply): Reply =>
        reply.kind === 'private'
          ? { kind: 'form-errors', errors: { [FORM_ERROR_KEY]: reply.view.summary } }
          : reply,
    ),
  );
}
