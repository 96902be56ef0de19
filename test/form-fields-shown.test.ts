import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFormHtml } from '../bot/local/render-html.js';
import { readCardValue } from '../bot/teams/card-data.js';
import { renderFormCard } from '../bot/teams/render-card-form.js';
import {
  sendBlockAction,
  sendViewSubmission,
  stateValuesFrom,
} from '../scripts/bench/support/slack-requests.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { risks } from '../store/schema/index.js';
import { channelOf, driver, formOf, ofKind, riskOrg } from './support/risk-org.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from './support/start-test-tillit.js';
import { findAllActions } from './support/teams-session.js';

const SEPT = new Date('2026-09-10T08:00:00Z');
const CHANNEL = channelOf('seka');
let t: TestTillit;
let riskId: string;

/** A section's risk dialogue, in the decide phase, with one agreed risk. */
beforeAll(async () => {
  t = await startTestTillit({ start: SEPT });
  await syncOrg(t.database.db, riskOrg);
  const as = (who: string) => driver(t.database.db, who, CHANNEL, SEPT);
  const started = await as('chef_a').command('risk');
  const dialogueId = ofKind(started, 'channel')[0]!.key!.replace('risk:', '');
  const add = formOf(await as('m_a1').click('risk.add', dialogueId));
  await as('m_a1').submit(add.id, add.state, { description: 'Trångt i korridoren', anonymous: [] });
  await as('chef_a').click('risk.start-assess', dialogueId);
  const [risk] = await t.database.db
    .select()
    .from(risks)
    .where(eq(risks.dialogueId, dialogueId))
    .orderBy(asc(risks.createdAt));
  riskId = risk!.id;
  const agree = formOf(await as('chef_a').click('risk.agree', riskId));
  await as('chef_a').submit('risk.agree', agree.state, { probability: '3', consequence: '3' });
  await as('chef_a').click('risk.start-decide', dialogueId);
});
afterAll(async () => t?.close());

type Modal = {
  id: string;
  hash: string;
  callback_id: string;
  private_metadata: string;
  blocks: { block_id?: string; dispatch_action?: boolean; hint?: { text: string } }[];
};
/** The id the fake Slack gave the modal opened with this metadata (ids are V0 + a counter). */
function storedViewId(metadata: string): string {
  for (let n = 1; n < 1000; n++) {
    const id = `V0${String(n).padStart(8, '0')}`;
    if (t.api.view(id)?.private_metadata === metadata) return id;
  }
  throw new Error('no stored view with that metadata');
}

const blockIds = (modal: Modal) => modal.blocks.map((b) => b.block_id).filter(Boolean);

describe('a form shows only the fields the chosen handling needs', () => {
  it('Slack: the handling select dispatches, and the modal is updated with its fields', async () => {
    const user = 'U_CHEF_A';
    await sendBlockAction(t.url, SIGNING_SECRET, {
      teamId: 'T1',
      userId: user,
      channelId: CHANNEL,
      actionId: 'risk.decide::0',
      value: riskId,
      triggerId: 'trig-decide',
    });
    const opened = await t.api.waitForCall('views.open', (a) => a.trigger_id === 'trig-decide');
    const modal = opened.args.view as Modal;
    expect(blockIds(modal)).toEqual(['process', 'handling', 'motivation']);
    expect(modal.blocks.find((b) => b.block_id === 'handling')?.dispatch_action).toBe(true);
    const viewId = storedViewId(modal.private_metadata);

    const values = { process: { selected: 'work-environment' }, handling: { selected: 'action' } };
    const changed = await sendBlockAction(t.url, SIGNING_SECRET, {
      teamId: 'T1',
      userId: user,
      actionId: 'handling',
      blockId: 'handling',
      viewId,
      action: { type: 'static_select', selected_option: { value: 'action' } },
      view: {
        id: viewId,
        hash: String(t.api.view(viewId)!.hash),
        callback_id: modal.callback_id,
        private_metadata: modal.private_metadata,
        state: { values: stateValuesFrom(values) },
      },
    });
    expect(changed.status).toBe(200);
    const updated = await t.api.waitForCall('views.update');
    expect(updated.args.view_id).toBe(viewId);
    const shown = updated.args.view as Modal;
    expect(blockIds(shown)).toEqual([
      'process',
      'handling',
      'motivation',
      'action_text',
      'owner',
      'due',
    ]);
    // The limit is said before anyone reaches it.
    expect(shown.blocks.find((b) => b.block_id === 'action_text')?.hint?.text).toMatch(
      /Högst \d+ tecken/,
    );
    expect(await t.database.db.select().from(risks).where(eq(risks.id, riskId))).toMatchObject([
      { handling: null },
    ]);

    const submitted = await sendViewSubmission(t.url, SIGNING_SECRET, {
      teamId: 'T1',
      userId: user,
      callbackId: shown.callback_id,
      privateMetadata: shown.private_metadata,
      values: stateValuesFrom({
        ...values,
        motivation: 'Vi tar det själva',
        action_text: 'Flytta vagnarna',
        owner: { selected: null },
        due: null,
      }),
    });
    expect(submitted.status).toBe(200);
    expect(JSON.stringify(submitted.body)).toContain('owner');
  });

  it("Teams: only the chosen handling's inputs, and a button beside the choice that refreshes the card", async () => {
    const as = driver(t.database.db, 'chef_a', CHANNEL, SEPT);
    const form = formOf(await as.click('risk.decide', riskId));
    const card = renderFormCard(form, { refreshText: 'Visa fälten för valet' });
    const ids = (c: unknown) => JSON.stringify(c).match(/"id":"[a-z_]+"/g);
    expect(ids(card)).toEqual(['"id":"process"', '"id":"handling"', '"id":"motivation"']);
    const refresh = findAllActions(card).find((a) => a.title === 'Visa fälten för valet')!;
    const read = readCardValue({
      ...refresh.data,
      handling: 'self-check',
      process: 'work-environment',
    });
    if (read?.kind !== 'submit') throw new Error('the refresh is not a submit');
    const again = formOf(await as.submit(read.formId, read.state, read.values));
    const refreshed = renderFormCard(again);
    expect(ids(refreshed)).toEqual([
      '"id":"process"',
      '"id":"handling"',
      '"id":"motivation"',
      '"id":"check_what"',
      '"id":"cadence"',
      '"id":"check_by"',
      '"id":"check_start"',
    ]);
    expect(JSON.stringify(refreshed)).toContain('"value":"self-check"');
  });

  it("local page: every handling's fields are there, hidden until their handling is chosen", async () => {
    const as = driver(t.database.db, 'chef_a', CHANNEL, SEPT);
    const form = formOf(await as.click('risk.decide', riskId));
    const html = renderFormHtml(form, { cancelLabel: 'Avbryt', chooseLabel: 'Välj…' });
    expect(html).toMatch(
      /<div class="when" data-when-input="handling" data-when-is="action" hidden>/,
    );
    expect(html).toMatch(/data-when-is="self-check" hidden>/);
    // No maxlength: a long paste is never cut; the limit is shown and counted instead.
    expect(html).not.toContain('maxlength');
    expect(html).toMatch(/data-max="\d+"/);
    expect(html).toMatch(/class="input-hint"[^>]*>Högst \d+ tecken</);
  });
});
