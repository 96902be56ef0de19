import { type SwotQuadrant, swotQuadrants } from '../../store/schema/index.js';
import { formatDeadline, formatIsoDate } from '../dialogue/deadline.js';
import { type Catalogue, texts } from '../texts/catalogue.js';
import type { Block, Button, ListItem, View } from '../view.js';
import { type BoardItem, ranked, type SwotBoard } from './swot-board.js';
import { riskQuadrants, TOP_PER_QUADRANT } from './swot-kind.js';

/**
 * Items listed per quadrant in the channel message, by count and by characters (Block Kit cuts
 * a section at 3,000); the rest are counted, so the message stays whole with 100 items.
 */
const LISTED_PER_QUADRANT = 30;
const LISTED_CHARACTERS = 2_700;

/**
 * The one dialogue message in the channel, for every phase. It is in the dialogue's language
 * (the starter's), never the clicker's, and never shows who wrote what: people must dare.
 * About a dozen blocks, plus two per top item in the decide phase.
 */
export function swotView(board: SwotBoard): View {
  const t = texts(board.dialogue.lang);
  const blocks: Block[] = [
    { type: 'header', text: t.swot.title({ topic: board.dialogue.topic }) },
    { type: 'context', text: contextLine(board, t) },
    ...phaseBlocks(board, t),
  ];
  return { summary: t.swot.title({ topic: board.dialogue.topic }), blocks };
}

function phaseBlocks(board: SwotBoard, t: Catalogue): Block[] {
  switch (board.phase) {
    case 'collect':
      return [
        { type: 'text', text: t.swot.next.collect },
        ...swotQuadrants.flatMap((q) => quadrantBlocks(board, t, q, false)),
        phaseButtons(board, [
          ['add', t.swot.buttons.add, 'primary'],
          ['mine', t.swot.buttons.mine],
          ['merge', t.swot.buttons.merge],
          ['start-vote', t.swot.buttons.startVote],
        ]),
      ];
    case 'vote': {
      const { votesPerPerson, maxPerItem } = board.settings;
      const next = t.swot.next.vote({ votes: votesPerPerson, max: maxPerItem });
      const hidden = t.swot.next.resultsHidden({ threshold: board.threshold });
      return [
        { type: 'text', text: `${next} ${hidden}` },
        ...swotQuadrants.flatMap((q) => quadrantBlocks(board, t, q, false)),
        {
          type: 'buttons',
          buttons: [
            ...swotQuadrants.map((q) => ({
              label: t.swot.buttons.voteIn({ quadrant: t.swot.quadrants[q] }),
              action: { id: 'swot.ballot', value: `${board.dialogue.id}:${q}` },
            })),
            ...phaseButtons(board, [
              ['my-votes', t.swot.buttons.myVotes],
              ['end-vote', t.swot.buttons.endVote],
            ]).buttons,
          ],
        },
      ];
    }
    case 'decide':
      return [
        { type: 'text', text: t.swot.next.decide },
        ...withheldBlocks(board, t),
        ...swotQuadrants.flatMap((q) => decideBlocks(board, t, q)),
        ...actionBlocks(board, t),
        phaseButtons(board, [
          ['action', t.swot.buttons.newAction, 'primary'],
          ['close', t.swot.buttons.close],
        ]),
      ];
    case 'closed':
      return [
        {
          type: 'text',
          text: t.swot.closedText({
            items: board.itemCount,
            voters: board.voting.voters,
            actions: board.actions.length,
          }),
        },
      ];
    default:
      return board.phase satisfies never;
  }
}

function contextLine(board: SwotBoard, t: Catalogue): string {
  const { dialogue, phase } = board;
  const parts = [t.swot.phaseLine({ phase: t.swot.phases[phase] })];
  if (dialogue.deadline) {
    const when = formatDeadline(dialogue.deadline, {
      lang: dialogue.lang,
      timeZone: board.timeZone,
    });
    parts.push(t.swot.deadlineLine({ when }));
  }
  parts.push(t.swot.itemsLine({ count: board.itemCount }));
  if (phase !== 'collect') parts.push(t.swot.votersLine({ voters: board.voting.voters }));
  return parts.join(' · ');
}

function quadrantBlocks(
  board: SwotBoard,
  t: Catalogue,
  quadrant: SwotQuadrant,
  showVotes: boolean,
): Block[] {
  const items = board.quadrants[quadrant];
  const heading: Block = { type: 'text', text: quadrantHeading(t, quadrant, items.length) };
  if (items.length === 0) return [heading, { type: 'context', text: t.swot.nothingYet }];
  const lines = fitting(items.map((item) => itemLine(t, item, showVotes)));
  const blocks: Block[] = [heading, { type: 'list', items: lines.map((text) => ({ text })) }];
  if (items.length > lines.length) {
    blocks.push(showAll(board, t, quadrant, items.length - lines.length));
  }
  return blocks;
}

/** What does not fit the board is one click away: every item of the quadrant, privately. */
function showAll(board: SwotBoard, t: Catalogue, quadrant: SwotQuadrant, count: number): Block {
  const action = { id: 'swot.show-all', value: `${board.dialogue.id}:${quadrant}` };
  return { type: 'buttons', buttons: [{ label: t.swot.showAll({ count }), action }] };
}

/** Every item of a quadrant, as the board would show it, for the "Visa alla" button. */
export function allItemsView(board: SwotBoard, t: Catalogue, quadrant: SwotQuadrant): View {
  const decided = board.phase === 'decide' || board.phase === 'closed';
  const items = decided ? ranked(board.quadrants[quadrant]) : board.quadrants[quadrant];
  const title = t.swot.allTitle({ quadrant: t.swot.quadrants[quadrant], count: items.length });
  const lines = items.map((item) => ({ text: itemLine(t, item, votesShown(board)) }));
  return {
    summary: title,
    blocks: [
      { type: 'header', text: title },
      { type: 'context', text: board.dialogue.topic },
      lines.length
        ? { type: 'list', ordered: decided, items: lines }
        : { type: 'text', text: t.swot.nothingYet },
    ],
  };
}

/** The first lines that fit the list budget (always at least one). */
function fitting(lines: string[]): string[] {
  let used = 0;
  const kept: string[] = [];
  for (const line of lines.slice(0, LISTED_PER_QUADRANT)) {
    used += line.length + 4;
    if (kept.length > 0 && used > LISTED_CHARACTERS) break;
    kept.push(line);
  }
  return kept;
}

/** Ranked by votes: the top few with buttons (action, risk), the rest as one plain list. */
function decideBlocks(board: SwotBoard, t: Catalogue, quadrant: SwotQuadrant): Block[] {
  const items = ranked(board.quadrants[quadrant]);
  const heading: Block = { type: 'text', text: quadrantHeading(t, quadrant, items.length) };
  if (items.length === 0) return [heading, { type: 'context', text: t.swot.nothingYet }];
  const top = items.slice(0, TOP_PER_QUADRANT);
  const rest = fitting(
    items.slice(TOP_PER_QUADRANT).map((item) => itemLine(t, item, votesShown(board))),
  );
  const blocks: Block[] = [
    heading,
    { type: 'list', ordered: true, items: top.map((item) => decideItem(board, t, item)) },
  ];
  if (rest.length > 0) blocks.push({ type: 'list', items: rest.map((text) => ({ text })) });
  const hidden = items.length - top.length - rest.length;
  if (hidden > 0) blocks.push(showAll(board, t, quadrant, hidden));
  return blocks;
}

function decideItem(board: SwotBoard, t: Catalogue, item: BoardItem): ListItem {
  const id = board.dialogue.id;
  const itemButtons: Button[] = [
    { label: t.swot.buttons.toAction, action: { id: 'swot.action', value: `${id}:${item.id}` } },
  ];
  if (riskQuadrants.includes(item.quadrant) && !item.isRisk) {
    itemButtons.push({ label: t.swot.buttons.toRisk, action: { id: 'swot.risk', value: item.id } });
  }
  return { text: itemLine(t, item, votesShown(board)), buttons: itemButtons };
}

function actionBlocks(board: SwotBoard, t: Catalogue): Block[] {
  if (board.actions.length === 0) return [];
  return [
    { type: 'text', text: `*${t.swot.actionsTitle}*` },
    { type: 'list', items: actionLines(board, t).map((text) => ({ text })) },
  ];
}

export function actionLines(board: SwotBoard, t: Catalogue): string[] {
  return board.actions.map((action) =>
    t.swot.actionLine({
      text: action.text,
      owner: action.ownerName,
      due: formatIsoDate(action.dueDate, board.dialogue.lang),
    }),
  );
}

export function itemLine(t: Catalogue, item: BoardItem, showVotes: boolean): string {
  const parts = [showVotes ? `${item.text} (${t.swot.votes({ count: item.votes })})` : item.text];
  if (item.merged > 0) parts.push(t.swot.merged({ count: item.merged }));
  if (item.hasAction) parts.push(t.swot.tagAction);
  if (item.isRisk) parts.push(t.swot.tagRisk);
  return parts.join(' ');
}

/** Vote totals only once voting is over and enough people voted (see disclosure.ts). */
const votesShown = (board: SwotBoard): boolean => board.votesShown === 'figure';

/** Why the totals are missing, when they are withheld. */
function withheldBlocks(board: SwotBoard, t: Catalogue): Block[] {
  return board.votesShown === 'withheld' ? [{ type: 'context', text: t.swot.votesWithheld }] : [];
}

const quadrantHeading = (t: Catalogue, quadrant: SwotQuadrant, count: number) =>
  `*${t.swot.quadrants[quadrant]}* (${count})`;

type ButtonSpec = [name: string, label: string, style?: 'primary' | 'danger'];

/** The buttons that steer the dialogue: for its manager or facilitator only. */
const STEERING = new Set(['merge', 'start-vote', 'end-vote', 'action', 'close']);

function phaseButtons(board: SwotBoard, specs: ButtonSpec[]) {
  const t = texts(board.dialogue.lang);
  const only = {
    capability: 'run-dialogue' as const,
    unitId: board.dialogue.unitId,
    who: t.common.forLeads,
  };
  return {
    type: 'buttons' as const,
    buttons: specs.map(
      ([name, label, style]): Button => ({
        label,
        action: { id: `swot.${name}`, value: board.dialogue.id },
        ...(style ? { style } : {}),
        ...(STEERING.has(name) ? { only } : {}),
      }),
    ),
  };
}

/** The summary posted in the channel when the dialogue closes. */
export function swotSummaryView(board: SwotBoard): View {
  const t = texts(board.dialogue.lang);
  const title = t.swot.summaryTitle({ topic: board.dialogue.topic });
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: t.swot.summaryContext({ unit: board.unitName }) },
    ...withheldBlocks(board, t),
  ];
  for (const quadrant of swotQuadrants) {
    const top = ranked(board.quadrants[quadrant]).slice(0, TOP_PER_QUADRANT);
    blocks.push({ type: 'text', text: `*${t.swot.quadrants[quadrant]}*` });
    blocks.push(
      top.length === 0
        ? { type: 'context', text: t.swot.nothingYet }
        : {
            type: 'list',
            ordered: true,
            items: top.map((i) => ({ text: itemLine(t, i, votesShown(board)) })),
          },
    );
  }
  blocks.push({ type: 'text', text: `*${t.swot.actionsTitle}*` });
  blocks.push(
    board.actions.length === 0
      ? { type: 'context', text: t.swot.noActions }
      : { type: 'list', items: actionLines(board, t).map((text) => ({ text })) },
  );
  if (board.riskCount > 0) {
    blocks.push({ type: 'context', text: t.swot.risksCarried({ count: board.riskCount }) });
  }
  return { summary: title, blocks };
}
