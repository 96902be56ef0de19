import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../dialogues/core/outcome.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { View } from '../dialogues/view.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { createFollowUpOrg, newAction } from './support/follow-up-fixtures.js';
import { createReflectionOrg, send } from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

const NOW = new Date('2026-11-10T09:30:00Z'); // Tuesday 10:30 in Stockholm

function privateView(replies: Reply[]): View {
  const reply = replies.find((r) => r.kind === 'private');
  if (reply?.kind !== 'private') throw new Error(`no private reply: ${JSON.stringify(replies)}`);
  return reply.view;
}
const textOf = (v: View) => JSON.stringify(v.blocks);

describe('finished actions and their effect can be seen', () => {
  it('`åtgärder alla` and `actions all` list the done ones with the effect; `åtgärder enhet` too', async () => {
    const org = await createFollowUpOrg(db, 'alla');
    const owner = org.members[0]!;
    const done = await newAction(db, {
      unit: org.unit,
      owner,
      by: org.manager,
      due: '2026-11-10',
      createdAt: NOW,
      text: 'Ny rutin för överlämning',
    });
    await newAction(db, {
      unit: org.unit,
      owner,
      by: org.manager,
      due: '2026-12-10',
      createdAt: NOW,
      text: 'Fortfarande öppen',
    });
    const as = (person: typeof owner) => (text: string) =>
      send(db, { person, now: NOW, channelId: org.channelId }, { kind: 'command', text });
    const click = (id: string, value: string) =>
      send(db, { person: owner, now: NOW }, { kind: 'action', action: { id, value } });
    await click('follow-up.done', done.id);
    await click('follow-up.effect', `${done.id}:partly`);

    const plain = textOf(privateView((await as(owner)('åtgärder')).replies));
    expect(plain).toContain('Fortfarande öppen');
    expect(plain).not.toContain('Ny rutin för överlämning');

    const lists = sv.followUp.lists;
    const line = lists.effectLine({
      text: 'Ny rutin för överlämning',
      done: '10 nov 2026',
      effect: lists.effectWords.partly,
    });
    for (const command of ['åtgärder alla', 'actions all']) {
      const all = privateView((await as(owner)(command)).replies);
      expect(all.summary).toBe(lists.allTitle);
      expect(textOf(all)).toContain('Fortfarande öppen');
      expect(textOf(all)).toContain(line);
    }
    const unit = textOf(privateView((await as(org.manager)('åtgärder enhet')).replies));
    expect(unit).toContain(lists.doneHeading({ count: 1 }));
    expect(unit).toContain(
      lists.effectLine({
        text: 'Ny rutin för överlämning',
        owner: owner.name,
        done: '10 nov 2026',
        effect: lists.effectWords.partly,
      }),
    );
  });
});

describe('Hem', () => {
  it('offers every action, done ones too, one click away', async () => {
    const org = await createFollowUpOrg(db, 'hem');
    const person = org.members[0]!;
    const home = await send(db, { person, now: NOW }, { kind: 'home' });
    const reply = home.replies[0];
    if (reply?.kind !== 'home') throw new Error('no home view');
    const text = textOf(reply.view);
    expect(text).toContain(sv.followUp.home.showAll);
    expect(text).toContain('follow-up.show-all');
    const clicked = await send(
      db,
      { person, now: NOW },
      { kind: 'action', action: { id: 'follow-up.show-all', value: 'all' } },
    );
    expect(privateView(clicked.replies).summary).toBe(sv.followUp.lists.allTitle);
  });
});

describe('reflect outside a round', () => {
  it('says when the next one opens', async () => {
    const org = await createReflectionOrg(db, { key: 'nasta', count: 1 });
    const result = await send(
      db,
      { person: org.members[0]!, now: NOW },
      { kind: 'command', text: 'reflektera' },
    );
    const view = privateView(result.replies);
    expect(view.summary).toBe(sv.reflection.noneOpen);
    expect(textOf(view)).toContain(
      sv.reflection.home.next({ unit: 'Enhet nasta', when: '' }).trim(),
    );
  });
});
