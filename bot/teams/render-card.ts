import {
  type Block,
  type Button,
  type Field,
  type ListItem,
  type Matrix,
  matrixAxes,
  type Tone,
  type View,
} from '../../dialogues/view.js';
import { buttonData, type CardOrigin } from './card-data.js';
import { cardMarkdown, jsonBytes, TEAMS_LIMITS, truncate } from './card-text.js';

/** An Adaptive Card element or action as JSON (the schema is checked in tests, not here). */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  fallbackText?: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

export interface CardOptions {
  /** Put into every button: the channel a card sent privately acts for. */
  origin?: CardOrigin;
  /** The last line when items had to be left out to fit, given how many. */
  moreText?: (hidden: number) => string;
  /** Bytes the card may take (default: Teams' message size less the envelope). */
  maxBytes?: number;
}

/** Rendered elements that belong together, and how many of the view's items they show. */
interface Chunk {
  elements: CardElement[];
  items: number;
}

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
const defaultMoreText = (hidden: number) => `… +${hidden}`;

/** A neutral view as an Adaptive Card (version 1.5), cut to fit Teams' message size. */
export function renderCard(view: View, options: CardOptions = {}): AdaptiveCardJson {
  let separate = false;
  const chunks: Chunk[] = [];
  for (const block of view.blocks) {
    if (block.type === 'divider') {
      separate = chunks.length > 0;
      continue;
    }
    const rendered = renderBlock(block, options.origin);
    const first = rendered[0]?.elements[0];
    if (separate && first) first.separator = true;
    if (first) separate = false;
    chunks.push(...rendered);
  }
  return fitCard(
    view.summary,
    chunks,
    options.maxBytes ?? TEAMS_LIMITS.cardBytes,
    options.moreText ?? defaultMoreText,
  );
}

export function emptyCard(summary: string): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: TEAMS_LIMITS.cardVersion,
    fallbackText: truncate(summary, 300),
    body: [],
    msteams: { width: 'Full' },
  };
}

/** The one place every neutral block becomes card elements; a new block type is a compile error. */
function renderBlock(block: Exclude<Block, { type: 'divider' }>, origin?: CardOrigin): Chunk[] {
  switch (block.type) {
    case 'header':
      return nonEmpty(block.text, () =>
        textBlock(block.text, { size: 'Large', weight: 'Bolder', style: 'heading' }),
      );
    case 'text':
      return nonEmpty(block.text, () => textBlock(block.text));
    case 'fields':
      return fieldsChunks(block.fields);
    case 'list':
      return listChunks(block.items, block.ordered ?? false, origin);
    case 'buttons':
      return actionSets(block.buttons, origin).map((set) => one(set));
    case 'context':
      return nonEmpty(block.text, () => textBlock(block.text, { isSubtle: true, size: 'Small' }));
    case 'matrix':
      return [one(matrixContainer(block.matrix))];
    case 'meter':
      return [one(textBlock(meterText(block.label, block.value, block.max, block.text)))];
    case 'image':
      return [one({ type: 'Image', url: block.url, altText: truncate(block.alt, 500) })];
    case 'download':
      return [one(downloadElement(block.label, block.url))];
    default:
      block satisfies never;
      throw new Error(`renderCard: unknown block ${JSON.stringify(block)}`);
  }
}

const one = (element: CardElement, items = 1): Chunk => ({ elements: [element], items });

/** A button that opens a web address; a path on Tillit's own server is only named. */
function downloadElement(label: string, url: string): CardElement {
  if (!/^https?:\/\//i.test(url)) return textBlock(label);
  const title = truncate(label, TEAMS_LIMITS.buttonTitle);
  return { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title, url }] };
}

function nonEmpty(text: string, render: () => CardElement): Chunk[] {
  return text.trim() ? [one(render())] : [];
}

export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: cardMarkdown(text), wrap: true, ...extra };
}

function fieldsChunks(fields: Field[]): Chunk[] {
  const facts = fields
    .filter((field) => field.label.trim() || field.value.trim())
    .map((field) => ({
      title: truncate(field.label, 200),
      value: truncate(field.value, TEAMS_LIMITS.textChars),
    }));
  return facts.length ? [one({ type: 'FactSet', facts }, facts.length)] : [];
}

/**
 * Plain items share one TextBlock as a Markdown list; an item with buttons gets a row of its
 * own: the text, and its buttons beside it (or below, when there are more than two).
 */
function listChunks(items: ListItem[], ordered: boolean, origin?: CardOrigin): Chunk[] {
  const chunks: Chunk[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) chunks.push(one(textBlock(lines.join('\n')), lines.length));
    lines = [];
  };
  items.forEach((item, index) => {
    const marker = ordered ? `${index + 1}.` : '-';
    const buttons = item.buttons ?? [];
    if (buttons.length === 0) {
      lines.push(`${marker} ${truncate(item.text, 1_000)}`);
      return;
    }
    flush();
    const text = textBlock(`${ordered ? `${index + 1}. ` : ''}${item.text}`);
    const sets = actionSets(buttons, origin);
    if (buttons.length <= 2) {
      chunks.push(
        one({
          type: 'ColumnSet',
          spacing: 'Small',
          columns: [
            { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [text] },
            { type: 'Column', width: 'auto', items: sets },
          ],
        }),
      );
    } else {
      chunks.push(one({ type: 'Container', spacing: 'Small', items: [text, ...sets] }));
    }
  });
  flush();
  return chunks;
}

function actionSets(buttons: Button[], origin?: CardOrigin): CardElement[] {
  const sets: CardElement[] = [];
  for (let start = 0; start < buttons.length; start += TEAMS_LIMITS.actionsPerSet) {
    const group = buttons.slice(start, start + TEAMS_LIMITS.actionsPerSet);
    sets.push({ type: 'ActionSet', actions: group.map((b) => submitAction(b, origin)) });
  }
  return sets;
}

/**
 * Action.Submit, not Action.Execute: a click arrives as an ordinary message activity (with the
 * data as `value`) that goes through the same path as a typed command and works in every
 * Teams client and in the Emulator. Execute's invoke answer replaces the card for everyone in
 * the conversation, which is wrong for a shared dialogue card; Tillit updates cards itself
 * (updateActivity), coalesced, and sends what is personal to the person's 1:1 chat.
 */
function submitAction(button: Button, origin?: CardOrigin): CardElement {
  const style =
    button.style === 'primary' ? 'positive' : button.style === 'danger' ? 'destructive' : undefined;
  return {
    type: 'Action.Submit',
    // A channel card is the same for everyone: it says whom a steering button is for.
    title: truncate(
      button.only ? `${button.label} (${button.only.who})` : button.label,
      TEAMS_LIMITS.buttonTitle,
    ),
    data: buttonData(button.action, origin),
    ...(style ? { style } : {}),
  };
}

/** The container style that carries a tone; orange and red share Teams' only alarm colour. */
const TONE_STYLE: Record<Tone, string> = {
  neutral: 'default',
  green: 'good',
  yellow: 'warning',
  orange: 'attention',
  red: 'attention',
};

/** A matrix as a Table (new in 1.5): axes in the corner cell, each cell in its tone. */
function matrixContainer(matrix: Matrix): CardElement {
  const cell = (text: string, extra: CardElement = {}): CardElement => ({
    type: 'TableCell',
    items: [textBlock(truncate(text, 200), { horizontalAlignment: 'Center', size: 'Small' })],
    ...extra,
  });
  const header = {
    type: 'TableRow',
    cells: [cell(matrixAxes(matrix) ?? ''), ...matrix.columnLabels.map((label) => cell(label))],
  };
  const rows = matrix.cells.map((row, index) => ({
    type: 'TableRow',
    cells: [
      cell(matrix.rowLabels[index] ?? ''),
      ...row.map((c) =>
        cell(c.text || ' ', {
          style: TONE_STYLE[c.tone],
          ...(c.tone === 'red' ? { items: [textBlock(c.text || ' ', { weight: 'Bolder' })] } : {}),
        }),
      ),
    ],
  }));
  const columnCount = 1 + Math.max(0, ...matrix.cells.map((row) => row.length));
  return {
    type: 'Container',
    items: [
      textBlock(matrix.title, { weight: 'Bolder' }),
      {
        type: 'Table',
        firstRowAsHeader: true,
        showGridLines: true,
        columns: Array.from({ length: columnCount }, () => ({
          type: 'TableColumnDefinition',
          width: 1,
        })),
        rows: [header, ...rows],
      },
    ],
  };
}

const METER_WIDTH = 10;

/** A bar of filled and empty squares, since Adaptive Cards 1.5 has no progress element. */
function meterText(label: string, value: number, max: number, text?: string): string {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const filled = Math.round(share * METER_WIDTH);
  const bar = '▰'.repeat(filled) + '▱'.repeat(METER_WIDTH - filled);
  return `*${label}* ${bar} ${text ?? `${value}/${max}`}`;
}

/**
 * Keeps whole chunks while the card stays under `maxBytes`, then one line saying how many
 * items were left out: visible, unlike a message Teams would refuse.
 */
function fitCard(
  summary: string,
  chunks: Chunk[],
  maxBytes: number,
  moreText: (hidden: number) => string,
): AdaptiveCardJson {
  const card = emptyCard(summary);
  card.body = chunks.flatMap((chunk) => chunk.elements);
  if (jsonBytes(card) <= maxBytes) return card;
  const reserve = jsonBytes(textBlock(moreText(99_999), { isSubtle: true })) + 2;
  let used = jsonBytes(emptyCard(summary));
  const kept: CardElement[] = [];
  let index = 0;
  for (; index < chunks.length; index++) {
    const size = chunks[index]!.elements.reduce<number>((sum, e) => sum + jsonBytes(e) + 1, 0);
    if (used + size + reserve > maxBytes) break;
    kept.push(...chunks[index]!.elements);
    used += size;
  }
  const hidden = chunks.slice(index).reduce((sum, chunk) => sum + chunk.items, 0);
  card.body = [...kept, textBlock(moreText(Math.max(1, hidden)), { isSubtle: true })];
  return card;
}
