import type { MrkdwnElement, PlainTextElement } from '@slack/types';

/**
 * Block Kit's documented limits (../shared/PLATFORMS.md). Slack rejects a whole message or view
 * when one of them is exceeded, so every renderer cuts to these before sending.
 */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  callbackId: 255,
  actionsElements: 25,
  optionText: 75,
  /** The option object reference says 150; values are ids, far below either bound. */
  optionValue: 150,
  selectOptions: 100,
  checkboxOptions: 10,
  inputLabel: 2000,
  placeholder: 150,
  textInputLength: 3000,
  altText: 2000,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts to at most `max` UTF-16 units (what JavaScript and, conservatively, Slack count), ending
 * in "…" so the reader sees that something is missing. Never leaves half a surrogate pair or
 * half an HTML entity behind, either of which Slack would show as garbage.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let cut = text.slice(0, max - ELLIPSIS.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&(?:a(?:mp?)?|lt?|gt?)?$/, '');
  return cut + ELLIPSIS;
}

/**
 * Slack treats &, < and > as control characters (links, mentions, `<!channel>`), so text that
 * may come from people must have them as entities. This applies inside `code` spans too: Slack
 * decodes entities there as well, so escaping keeps the backticks working and `a<b` readable,
 * while an unescaped `<!channel>` in a code span could still ping everyone.
 * The neutral markup (*bold*, _italic_) is Slack's own mrkdwn and passes through unchanged.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Neutral text → a mrkdwn text object within `max` characters (after escaping). */
export function mrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(escapeMrkdwn(text), max) };
}

/** Already-escaped mrkdwn (built by a renderer) → a text object within `max`. */
export function rawMrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

/** Plain text (headers, buttons, options, titles): Slack shows it as is, so no escaping. */
export function plainText(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}
