import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_TEXT_MAX } from '../dialogues/follow-up/new-action.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Form, FormValues } from '../dialogues/view.js';
import type { Database } from '../store/database.js';
import { createDialogue } from '../store/queries/dialogues.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey } from '../store/queries/people.js';
import { findUnitByKey } from '../store/queries/units.js';
import { actions, outbox, risks } from '../store/schema/index.js';
import {
  channelOf,
  driver,
  formErrorsOf,
  formOf,
  ofKind,
  privateText,
  riskOrg,
} from './support/risk-org.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';

/**
 * An action is created one way (dialogues/follow-up/new-action.ts), whoever asks for it: a
 * SWOT decision, a risk decision, `actions add`. The three forms offer the same owners and
 * the same limit, refuse the same things with the same words, and every action they create
 * reaches its owner through the outbox.
 */

const NOW = new Date('2026-10-06T08:00:00Z');
const DUE = '2026-11-30';

let t: TestTillit;
let db: Database;
const as = (who: string) => driver(db, who, channelOf('avd'), NOW);
const idOf = async (key: string) => (await findPersonByKey(db, { key }))!.id;

/** One way into each form, the field names it uses, and how a valid submit is made final. */
interface Caller {
  name: string;
  open: () => Promise<Form>;
  fields: { text: string; owner: string; due: string };
  /** Values the form needs besides the action's own. */
  extra: FormValues;
  /** After a valid submit: whatever makes the action real (a risk's decision is carried out when the dialogue closes). */
  finish: () => Promise<void>;
}

let callers: Caller[];

beforeAll(async () => {
  t = await startTestTillit();
  db = t.database.db;
  await syncOrg(db, riskOrg);
  const avd = (await findUnitByKey(db, { key: 'avd' }))!;

  const swot = await createDialogue(db, {
    kind: 'swot',
    unitId: avd.id,
    platform: 'slack',
    workspace: 'T1',
    channelId: channelOf('avd'),
    topic: 'Vår vardag',
    phase: 'decide',
    deadline: null,
    settings: {},
    lang: 'sv',
    alongside: true,
    startedBy: await idOf('chef_avd'),
    now: NOW,
  });

  const started = await as('chef_avd').command('risk');
  const [posted] = ofKind(started, 'channel');
  if (!posted) throw new Error(`not started: ${privateText(started)}`);
  const riskDialogueId = posted.key!.replace('risk:', '');
  const added = formOf(await as('chef_avd').click('risk.add', riskDialogueId));
  await as('chef_avd').submit(added.id, added.state, {
    description: 'Nattbemanningen räcker inte',
    anonymous: [],
  });
  await as('chef_avd').click('risk.start-assess', riskDialogueId);
  const [risk] = await db.select().from(risks).where(eq(risks.dialogueId, riskDialogueId));
  const agree = formOf(await as('chef_avd').click('risk.agree', risk!.id));
  await as('chef_avd').submit('risk.agree', agree.state, { probability: '3', consequence: '4' });
  await as('chef_avd').click('risk.start-decide', riskDialogueId);

  callers = [
    {
      name: 'SWOT decision',
      open: async () => formOf(await as('chef_avd').click('swot.action', swot!.id)),
      fields: { text: 'text', owner: 'owner', due: 'due' },
      extra: {},
      finish: async () => {},
    },
    {
      name: 'risk decision',
      open: async () => formOf(await as('chef_avd').click('risk.decide', risk!.id)),
      fields: { text: 'action_text', owner: 'owner', due: 'due' },
      extra: { process: 'work-environment', handling: 'action' },
      finish: async () => {
        await as('chef_avd').click('risk.close', riskDialogueId);
      },
    },
    {
      name: 'actions add',
      open: async () => formOf(await as('chef_avd').command('actions add')),
      fields: { text: 'text', owner: 'owner', due: 'due' },
      extra: {},
      finish: async () => {},
    },
  ];
});
afterAll(async () => t?.close());

async function submit(caller: Caller, action: { text: string; owner: string; due: string }) {
  const form = await caller.open();
  return as('chef_avd').submit(form.id, form.state, {
    ...caller.extra,
    [caller.fields.text]: action.text,
    [caller.fields.owner]: action.owner,
    [caller.fields.due]: action.due,
  });
}

describe('one way to create an action', () => {
  it('offers the same owners and the same text limit in all three forms', async () => {
    const offered = [];
    for (const caller of callers) {
      const form = await caller.open();
      const text = form.inputs.find((i) => i.id === caller.fields.text);
      expect(text, caller.name).toMatchObject({ maxLength: ACTION_TEXT_MAX });
      const owner = form.inputs.find((i) => i.id === caller.fields.owner);
      if (owner?.type !== 'select') throw new Error(`${caller.name}: no owner select`);
      offered.push(owner.options.map((o) => o.value).sort());
    }
    expect(ACTION_TEXT_MAX).toBe(280);
    expect(offered[1]).toEqual(offered[0]);
    expect(offered[2]).toEqual(offered[0]);
    // At a department, the managers of the units below may own an action; their staff not.
    expect(offered[0]).toEqual(
      expect.arrayContaining([await idOf('chef_enh'), await idOf('chef_a')]),
    );
    expect(offered[0]).not.toContain(await idOf('m_a1'));
  });

  it('refuses the same things with the same words, whoever asks', async () => {
    const chefA = await idOf('chef_a');
    const cases = [
      {
        given: { text: 'x'.repeat(ACTION_TEXT_MAX + 1), owner: chefA, due: DUE },
        field: 'text' as const,
        message: sv.common.tooLong({ max: ACTION_TEXT_MAX, length: ACTION_TEXT_MAX + 1 }),
      },
      {
        given: { text: '  ', owner: chefA, due: DUE },
        field: 'text' as const,
        message: sv.followUp.needsActionText,
      },
      {
        given: { text: 'Ny rutin', owner: await idOf('m_a1'), due: DUE },
        field: 'owner' as const,
        message: sv.followUp.pickOwner,
      },
      {
        given: { text: 'Ny rutin', owner: chefA, due: '2026-10-01' },
        field: 'due' as const,
        message: sv.followUp.dateInPast,
      },
      {
        given: { text: 'Ny rutin', owner: chefA, due: 'snart' },
        field: 'due' as const,
        message: sv.followUp.pickDate,
      },
    ];
    for (const caller of callers) {
      for (const { given, field, message } of cases) {
        const errors = formErrorsOf(await submit(caller, given));
        expect(errors, `${caller.name}: ${field}`).toEqual({ [caller.fields[field]]: message });
      }
    }
    expect(await db.select().from(actions)).toEqual([]);
  });

  it('accepts the longest text, and every action reaches its owner through the outbox', async () => {
    const chefA = await idOf('chef_a');
    for (const [i, caller] of callers.entries()) {
      const text = `${i}${'å'.repeat(ACTION_TEXT_MAX - 1)}`;
      const saved = await submit(caller, { text, owner: chefA, due: DUE });
      expect(formErrorsOf(saved), caller.name).toEqual({});
      await caller.finish();
    }
    const created = await db.select().from(actions);
    expect(created.map((a) => a.sourceKind).sort()).toEqual(['manual', 'risk', 'swot']);
    const told = await db.select().from(outbox).where(like(outbox.key, 'action-assigned:%'));
    expect(told.map((row) => row.key).sort()).toEqual(
      created.map((a) => `action-assigned:${a.id}`).sort(),
    );
    for (const row of told) {
      expect(row.personId).toBe(chefA);
      expect(JSON.stringify(row.view)).toContain(sv.followUp.nudge.assignedTitle);
    }
  });
});
