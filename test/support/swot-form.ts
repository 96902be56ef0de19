import type { RecordedCall } from '../../scripts/bench/support/fake-slack-api.js';
import { sendViewSubmission, stateValuesFrom } from '../../scripts/bench/support/slack-requests.js';
import { syncOrg } from '../../store/queries/org-sync.js';
import { slackPerson, slackSession, slackUnit, TEAM, userIdOf } from './slack-session.js';
import { SIGNING_SECRET, type TestTillit } from './start-test-tillit.js';

export const SWOT_CHANNEL = 'C0FORM';

/**
 * A unit with a manager and members, and a SWOT dialogue collecting items in its channel:
 * what tests of form submissions need. `addItemModal` opens the add-item modal as a member;
 * `submitItem` sends it filled in, with a chosen view id and hash when given.
 */
export async function swotCollecting(t: TestTillit, members: string[]) {
  const s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit('form', SWOT_CHANNEL)],
    people: [
      slackPerson('chef', [{ unit: 'form', role: 'manager' }]),
      ...members.map((m) => slackPerson(m, [{ unit: 'form', role: 'member' }])),
    ],
  });
  await s.command('chef', SWOT_CHANNEL, 'swot "Formulärtest"');
  const board: RecordedCall = await s.waitFor(
    (c) => c.method === 'chat.postMessage' && c.args.channel === SWOT_CHANNEL,
  );

  async function addItemModal(who: string) {
    const { triggerId } = await s.click(who, SWOT_CHANNEL, board.args.blocks, 'swot.add');
    return s.modalOpenedBy(triggerId);
  }

  function submitItem(
    who: string,
    modal: { callback_id: string; private_metadata: string; blocks?: unknown[] },
    text: string,
    view: { viewId?: string; hash?: string } = {},
  ) {
    return sendViewSubmission(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: userIdOf(who),
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      blocks: modal.blocks,
      values: stateValuesFrom({
        quadrant: { selected: 'strengths' },
        text,
        anonymous: { checked: [] },
      }),
      ...view,
    });
  }

  return { s, board, addItemModal, submitItem };
}
