import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrg } from '../dialogues/setup/demo-org.js';
import { dialogues, swotItems } from '../store/schema/index.js';
import {
  getLocal,
  type LocalPerson,
  type LocalTestTillit,
  listLocalPeople,
  postLocal,
  startLocalTillit,
} from './support/local-tillit.js';

interface PageMessage {
  id: string;
  version: number;
  private: boolean;
  html: string;
}

let t: LocalTestTillit;
let manager: LocalPerson;
let member: LocalPerson;
const section = buildDemoOrg().units.find((u) => u.level === 'section')!.key;

beforeAll(async () => {
  t = await startLocalTillit();
  const people = await listLocalPeople(t.url);
  const inSection = (role: string) =>
    people.find((p) => p.roles.some((r) => r.unitKey === section && r.role === role))!;
  manager = inSection('manager');
  member = inSection('member');
});
afterAll(async () => t?.close());

const messagesOf = async (person: LocalPerson) =>
  (
    await getLocal<{ messages: PageMessage[] }>(t.url, 'messages', {
      person: person.key,
      channel: section,
    })
  ).body.messages;

const act = (person: LocalPerson, id: string, value: string, message: string | null = null) =>
  postLocal(t.url, 'action', {
    person: person.key,
    channel: section,
    action: { id, value },
    message,
  });

describe('local cards keep up with what was done on them', () => {
  it('updates the one ballot in place after each vote, and never a shared message', async () => {
    expect(
      (
        await postLocal(t.url, 'command', {
          person: manager.key,
          channel: section,
          text: 'swot Bemanning',
        })
      ).status,
    ).toBe(200);
    const [dialogue] = await t.database.db.select().from(dialogues);
    const [item] = await t.database.db
      .insert(swotItems)
      .values({
        dialogueId: dialogue!.id,
        quadrant: 'strengths',
        text: 'Stabil grupp',
        editTokenHash: 'x',
      })
      .returning();
    await act(manager, 'swot.start-vote', dialogue!.id);
    await act(member, 'swot.ballot', `${dialogue!.id}:strengths`);
    const before = await messagesOf(member);
    const ballot = before.at(-1)!;
    expect(ballot.private).toBe(true);
    expect(ballot.html).toContain('5 av 5 röster kvar');

    await act(member, 'swot.vote', item!.id, ballot.id);
    const after = await messagesOf(member);
    expect(after).toHaveLength(before.length);
    const updated = after.find((m) => m.id === ballot.id)!;
    expect(updated.version).toBe(ballot.version + 1);
    expect(updated.html).toContain('4 av 5 röster kvar');

    // A shared message (the board) is never replaced for one person: the ballot comes anew.
    const board = after.find((m) => !m.private)!;
    await act(member, 'swot.vote', item!.id, board.id);
    const third = await messagesOf(member);
    expect(third).toHaveLength(before.length + 1);
    expect(third.find((m) => m.id === board.id)!.html).not.toContain('röster kvar');
    expect(third.at(-1)!.html).toContain('3 av 5 röster kvar');
  });

  it("updates the person's other ballots too: no card keeps an old count of votes left", async () => {
    const [dialogue] = await t.database.db.select().from(dialogues);
    const [threat] = await t.database.db
      .insert(swotItems)
      .values({
        dialogueId: dialogue!.id,
        quadrant: 'threats',
        text: 'Sjukfrånvaro',
        editTokenHash: 'y',
      })
      .returning();
    const voter = manager;
    await act(voter, 'swot.ballot', `${dialogue!.id}:threats`);
    const threatBallot = (await messagesOf(voter)).at(-1)!;
    expect(threatBallot.html).toContain('5 av 5 röster kvar');
    await act(voter, 'swot.ballot', `${dialogue!.id}:strengths`);
    const strengthBallot = (await messagesOf(voter)).at(-1)!;
    const [strength] = await t.database.db
      .select()
      .from(swotItems)
      .where(eq(swotItems.text, 'Stabil grupp'));
    await act(voter, 'swot.vote', strength!.id, strengthBallot.id);
    await act(voter, 'swot.vote', threat!.id, threatBallot.id);
    await t.tillit.sender.runOnce();
    const now = await messagesOf(voter);
    expect(now.find((m) => m.id === strengthBallot.id)!.html).toContain('3 av 5 röster kvar');
    expect(now.find((m) => m.id === threatBallot.id)!.html).toContain('3 av 5 röster kvar');
  });
});
