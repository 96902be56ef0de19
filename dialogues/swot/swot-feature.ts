import type { Feature } from '../core/feature.js';
import { openAddItem, showMyItems, submitAddItem } from './collect.js';
import { makeRisk, openAction, submitAction } from './decide.js';
import { deleteItem, openEditItem, submitEditItem } from './edit-item.js';
import { openMerge, submitMerge } from './merge.js';
import { showAllItems } from './show-all.js';
import { startSwot } from './start.js';
import { closeSwot, endVote, startVote } from './steer.js';
import { SWOT_FORM } from './swot-kind.js';
import { castVote, showBallot, showMyVotes, withdrawVote } from './vote.js';

/**
 * The SWOT dialogue. Button values carry ids only: `<dialogueId>`, `<dialogueId>:<quadrant>`,
 * `<dialogueId>:<itemId>`, `<itemId>` or `<itemId>.<edit token>` (anonymous items).
 */
export const swotFeature: Feature = {
  name: 'swot',
  commands: { swot: startSwot },
  actions: {
    'swot.add': openAddItem,
    'swot.mine': showMyItems,
    'swot.edit': openEditItem,
    'swot.delete': deleteItem,
    'swot.merge': openMerge,
    'swot.start-vote': startVote,
    'swot.ballot': showBallot,
    'swot.vote': castVote,
    'swot.unvote': withdrawVote,
    'swot.my-votes': showMyVotes,
    'swot.end-vote': endVote,
    'swot.action': openAction,
    'swot.risk': makeRisk,
    'swot.close': closeSwot,
    'swot.show-all': showAllItems,
  },
  forms: {
    [SWOT_FORM.addItem]: submitAddItem,
    [SWOT_FORM.editItem]: submitEditItem,
    [SWOT_FORM.mergeItems]: submitMerge,
    [SWOT_FORM.addAction]: submitAction,
  },
};
