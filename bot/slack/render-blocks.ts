import type {
  ActionsBlock,
  ContextBlock,
  HomeView,
  KnownBlock,
  MrkdwnElement,
  SectionBlock,
  Button as SlackButton,
} from '@slack/types';
import type { Block, Button, Field, ListItem, View } from '../../dialogues/view.js';
import { matrixMrkdwn, meterMrkdwn } from './render-matrix.js';
import {
  escapeMrkdwn,
  mrkdwn,
  plainText,
  rawMrkdwn,
  SLACK_LIMITS,
  truncate,
} from './slack-limits.js';

export { formErrorsForSlack, readModalValues, renderModal, slackErrors } from './render-form.js';

export interface RenderOptions {
  /** The last line when blocks had to be left out, given how many items were not shown. */
  moreText?: (hidden: number) => string;
  /** Blocks allowed: 50 in a message (the default), 100 in a modal or the App Home. */
  maxBlocks?: number;
}

/**
 * Rendered blocks that belong together (a list item and its extra buttons) and how many of the
 * view's items they show, so that cutting a long message never splits an item and can say how
 * many were left out.
 */
interface Chunk {
  blocks: KnownBlock[];
  items: number;
}

/** Counts buttons across the whole message: Slack wants action ids unique within it. */
interface RenderState {
  buttons: number;
}

const defaultMoreText = (hidden: number) => `… +${hidden}`;

/** A neutral view as Block Kit blocks for a message, within Slack's limits. */
export function renderBlocks(view: View, options: RenderOptions = {}): KnownBlock[] {
  const state: RenderState = { buttons: 0 };
  const chunks = view.blocks.flatMap((block) => renderBlock(block, state));
  const maxBlocks = options.maxBlocks ?? SLACK_LIMITS.messageBlocks;
  return fitBlocks(chunks, maxBlocks, options.moreText ?? defaultMoreText);
}

/** The App Home tab, which may hold 100 blocks instead of a message's 50. */
export function renderHomeView(view: View, options: RenderOptions = {}): HomeView {
  return {
    type: 'home',
    blocks: renderBlocks(view, { ...options, maxBlocks: SLACK_LIMITS.viewBlocks }),
  };
}

const SUFFIX = /::\d+$/;

/** The neutral action id back from a Slack action id made by `renderBlocks`. */
export function parseActionId(slackActionId: string): string {
  return slackActionId.replace(SUFFIX, '');
}

function actionIdFor(actionId: string, index: number): string {
  const suffix = `::${index}`;
  return actionId.slice(0, SLACK_LIMITS.actionId - suffix.length) + suffix;
}

function renderBlock(block: Block, state: RenderState): Chunk[] {
  switch (block.type) {
    case 'header':
      return nonEmpty(block.text, () => ({
        type: 'header',
        text: plainText(block.text, SLACK_LIMITS.headerText),
      }));
    case 'text':
      return nonEmpty(block.text, () => section(mrkdwn(block.text)));
    case 'fields':
      return fieldSections(block.fields);
    case 'list':
      return listChunks(block.items, block.ordered ?? false, state);
    case 'buttons':
      return actionsChunks(block.buttons, state);
    case 'context':
      return nonEmpty(block.text, () => context(escapeMrkdwn(block.text)));
    case 'divider':
      return [{ blocks: [{ type: 'divider' }], items: 0 }];
    case 'matrix':
      return [one(section(rawMrkdwn(matrixMrkdwn(block.matrix))))];
    case 'meter': {
      const text = meterMrkdwn(block.label, block.value, block.max, block.text);
      return [one(section(rawMrkdwn(text)))];
    }
    case 'image':
      return [
        one({
          type: 'image',
          image_url: block.url,
          alt_text: truncate(block.alt, SLACK_LIMITS.altText),
        }),
      ];
    case 'download':
      // A link, not a button: a URL button would also send Tillit a click to answer.
      return [one(section(rawMrkdwn(downloadMrkdwn(block.label, block.url))))];
    default: {
      const unknown: never = block;
      throw new Error(`renderBlocks: unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

const one = (block: KnownBlock, items = 1): Chunk => ({ blocks: [block], items });

/** `<url|label>` for a web address; a path on Tillit's own server cannot be opened from Slack. */
function downloadMrkdwn(label: string, url: string): string {
  const text = escapeMrkdwn(label).replace(/\|/g, '¦');
  return /^https?:\/\//i.test(url) ? `:page_facing_up: <${escapeMrkdwn(url)}|${text}>` : text;
}

/** Slack rejects empty texts, and an empty block shows nothing anyway. */
function nonEmpty(text: string, render: () => KnownBlock): Chunk[] {
  return text.trim() ? [one(render())] : [];
}

const section = (text: MrkdwnElement): SectionBlock => ({ type: 'section', text });

const context = (escaped: string): ContextBlock => ({
  type: 'context',
  elements: [rawMrkdwn(escaped, SLACK_LIMITS.contextText)],
});

function fieldSections(fields: Field[]): Chunk[] {
  const texts = fields
    .filter((field) => field.label.trim() || field.value.trim())
    .map((field) => mrkdwn(`*${field.label}*\n${field.value}`, SLACK_LIMITS.fieldText));
  return inGroupsOf(texts, SLACK_LIMITS.fieldsPerSection).map((group) =>
    one({ type: 'section', fields: group }, group.length),
  );
}

/**
 * Plain items are packed into as few sections as fit 3,000 characters; an item with buttons
 * gets its own section with the first button beside it and the rest in an actions block below.
 */
function listChunks(items: ListItem[], ordered: boolean, state: RenderState): Chunk[] {
  const chunks: Chunk[] = [];
  let lines: string[] = [];
  const flush = () => {
    chunks.push(...packLines(lines));
    lines = [];
  };
  items.forEach((item, index) => {
    const line = `${ordered ? `${index + 1}.` : '•'} ${escapeMrkdwn(item.text)}`;
    const [first, ...rest] = item.buttons ?? [];
    if (!first) {
      lines.push(truncate(line, SLACK_LIMITS.sectionText));
      return;
    }
    flush();
    const withButton: SectionBlock = {
      ...section(rawMrkdwn(line)),
      accessory: button(first, state),
    };
    const extras = actionsChunks(rest, state).flatMap((chunk) => chunk.blocks);
    chunks.push({ blocks: [withButton, ...extras], items: 1 });
  });
  flush();
  return chunks;
}

function packLines(lines: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    if (current.length) chunks.push(one(section(rawMrkdwn(current.join('\n'))), current.length));
    current = [];
    length = 0;
  };
  for (const line of lines) {
    if (length + line.length + 1 > SLACK_LIMITS.sectionText) flush();
    current.push(line);
    length += line.length + 1;
  }
  flush();
  return chunks;
}

function actionsChunks(buttons: Button[], state: RenderState): Chunk[] {
  return inGroupsOf(buttons, SLACK_LIMITS.actionsElements).map((group) => {
    const block: ActionsBlock = { type: 'actions', elements: group.map((b) => button(b, state)) };
    return one(block, group.length);
  });
}

const labelFor = (b: Button) => (b.only ? `${b.label} (${b.only.who})` : b.label);

function button(neutral: Button, state: RenderState): SlackButton {
  const value = truncate(neutral.action.value, SLACK_LIMITS.buttonValue);
  return {
    type: 'button',
    // A channel message is the same for everyone: it says whom a steering button is for.
    text: plainText(labelFor(neutral), SLACK_LIMITS.buttonText),
    action_id: actionIdFor(neutral.action.id, state.buttons++),
    // Slack rejects an empty value; the click handler reads a missing one as ''.
    ...(value ? { value } : {}),
    ...(neutral.style ? { style: neutral.style } : {}),
  };
}

/**
 * Keeps whole chunks while they fit in `maxBlocks - 1`, then one context line saying how many
 * items were left out: visible, unlike a message Slack would reject outright.
 */
function fitBlocks(chunks: Chunk[], maxBlocks: number, moreText: (n: number) => string) {
  const all = chunks.flatMap((chunk) => chunk.blocks);
  if (all.length <= maxBlocks) return all;
  const kept: KnownBlock[] = [];
  let index = 0;
  for (; index < chunks.length; index++) {
    const blocks = chunks[index]?.blocks ?? [];
    if (kept.length + blocks.length > maxBlocks - 1) break;
    kept.push(...blocks);
  }
  const hidden = chunks.slice(index).reduce((sum, chunk) => sum + chunk.items, 0);
  if (hidden > 0) kept.push(context(escapeMrkdwn(moreText(hidden))));
  return kept;
}

function inGroupsOf<T>(items: T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    groups.push(items.slice(start, start + size));
  }
  return groups;
}
