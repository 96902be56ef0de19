import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../dialogues/core/outcome.js';
import { openDueRounds } from '../dialogues/reflection/open-rounds.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import { runGdpr } from '../scripts/gdpr.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { createAction } from '../store/queries/actions.js';
import { createDialogue } from '../store/queries/dialogues.js';
import { addInboxMessage } from '../store/queries/local-messages.js';
import { enqueueOutbox } from '../store/queries/outbox.js';
import { type Person, setLanguage } from '../store/queries/people.js';
import { rememberPostedMessage } from '../store/queries/posted-messages.js';
import { roundResponse } from '../store/queries/reflection-answers.js';
import { addSwotItem } from '../store/queries/swot-items.js';
import {
  rememberTeamsConversation,
  rememberTeamsForm,
  rememberTeamsUser,
} from '../store/queries/teams-conversations.js';
import { selectRows } from '../store/raw-rows.js';
import { identities, people } from '../store/schema/index.js';
import { createReflectionOrg, type ReflectionOrg, send } from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * Access and erasure (GDPR art. 15 and 17), from the command line and from chat: a member
 * with a record of every kind — a login on Slack and Teams, a role, a SWOT item and an action
 * under their name, a message sent to them, a local message, an answer in an open round.
 */
const NOW = new Date('2026-11-26T15:00:00Z');
const AAD = '00000000-0000-0000-0000-00000000aaaa';
const ITEM_TEXT = 'Vi behöver bättre introduktion';
const ACTION_TEXT = 'Skriv en introduktionsplan';
const ANSWER_TEXT = 'Det här svaret får aldrig hittas';

let handle: DatabaseHandle;
let db: Database;
let org: ReflectionOrg;
let anna: Person;
let admin: Person;
let roundId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  org = await createReflectionOrg(db, { key: 'gdpr', count: 5 });
  [anna, admin] = [org.members[0]!, org.manager];
  await db.execute(sql`update people set name = 'Anna Andersson' where id = ${anna.id}`);
  await db.execute(sql`update people set is_admin = true where id = ${admin.id}`);
  await db.insert(identities).values({ platform: 'teams', externalId: AAD, personId: anna.id });
  await rememberTeamsUser(db, { aadObjectId: AAD, tenantId: 't', userId: '29:anna' });
  await rememberTeamsConversation(db, {
    conversationId: 'a:anna-1to1',
    tenantId: 't',
    kind: 'personal',
    channelId: null,
    userAadObjectId: AAD,
    serviceUrl: 'https://smba.example/',
    reference: {},
  });
  await rememberTeamsForm(db, { activityId: 'act-1', conversationId: 'a:anna-1to1', form: {} });
  const dialogue = await createDialogue(db, {
    kind: 'swot',
    unitId: org.unit.id,
    platform: 'slack',
    workspace: 'T0REFLECT',
    channelId: org.channelId,
    topic: 'Vår vardag',
    phase: 'collect',
    deadline: null,
    settings: {},
    lang: 'sv',
    alongside: false,
    startedBy: admin.id,
    now: NOW,
  });
  await addSwotItem(db, {
    dialogueId: dialogue!.id,
    quadrant: 'weaknesses',
    text: ITEM_TEXT,
    owner: { authorId: anna.id },
    now: NOW,
  });
  await createAction(db, {
    unitId: org.unit.id,
    text: ACTION_TEXT,
    ownerId: anna.id,
    dueDate: '2026-12-15',
    sourceKind: 'swot',
    sourceDialogueId: dialogue!.id,
    sourceItemId: null,
    createdBy: admin.id,
    now: NOW,
  });
  await enqueueOutbox(db, {
    key: 'nudge:anna',
    target: { kind: 'person', personId: anna.id },
    view: { summary: 'Din åtgärd förfaller snart', blocks: [] },
    notBefore: NOW,
  });
  await addInboxMessage(db, {
    personId: anna.id,
    view: { summary: 'Hej Anna', blocks: [] },
    postedAt: NOW,
  });
  // A private card the local page showed her: the place names her, the key does not.
  await rememberPostedMessage(db, {
    key: 'reflection-thanks:some-round',
    platform: 'local',
    workspace: '',
    channelId: `inbox:${anna.id}`,
    messageId: 'local-1',
  });
  await openDueRounds(db, { now: new Date('2026-11-26T13:00:00Z') });
  const [round] = await selectRows<{ id: string }>(
    db,
    sql`select id from reflection_rounds where unit_id = ${org.unit.id}`,
  );
  roundId = round!.id;
  const submitted = await send(
    db,
    { person: anna, now: NOW },
    {
      kind: 'submit',
      formId: 'reflection.answer',
      state: roundId,
      values: { rating: '4', text: ANSWER_TEXT },
    },
  );
  expect(JSON.stringify(submitted)).toContain(sv.reflection.thanks);
});
afterAll(async () => handle?.close());

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return runGdpr(argv, db, { out: (t) => out.push(t), err: (t) => err.push(t) }, { now: NOW }).then(
    (code) => ({ code, out: out.join('\n'), err: err.join('\n') }),
  );
}

const textOf = (outcome: Outcome) => JSON.stringify(outcome.replies);
const asAdmin = (text: string, person = admin) =>
  send(db, { person, now: NOW }, { kind: 'command', text });

/** Every row of every table, to show that a refused or repeated command changes nothing. */
async function snapshot(): Promise<string> {
  const tables = await selectRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const all: Record<string, unknown> = {};
  for (const { name } of tables) {
    all[name] = await selectRows(db, sql`select * from ${sql.identifier(name)} t order by 1`);
  }
  return JSON.stringify(all);
}

describe('a register extract (GDPR art. 15)', () => {
  it('lists everything stored about the person, and says the answers cannot be found', async () => {
    const { code, out, err } = await cli('export', anna.key);
    expect(code).toBe(0);
    const data = JSON.parse(out);
    expect(data.person.name).toBe('Anna Andersson');
    expect(data.sections.identities).toHaveLength(2);
    expect(data.sections.roles).toEqual([
      { unit: org.unit.key, unit_name: org.unit.name, role: 'member' },
    ]);
    expect(data.sections.swotItems[0].text).toBe(ITEM_TEXT);
    expect(data.sections.actionsOwned[0].text).toBe(ACTION_TEXT);
    expect(data.sections.messagesSent[0].text).toBe('Din åtgärd förfaller snart');
    expect(data.sections.localMessages[0].text).toBe('Hej Anna');
    expect(data.sections.openReflectionRounds).toEqual([
      expect.objectContaining({ unit: org.unit.key, answered: true }),
    ]);
    expect(data.sections.teamsAccounts[0].user_id).toBe('29:anna');
    expect(data.sections.teamsConversations[0].conversation_id).toBe('a:anna-1to1');
    expect(data.reflectionAnswers).toBe(sv.reflection ? sv.gdpr.reflectionNote : '');
    // The answer itself is nowhere in the extract: nothing links it to her.
    expect(out).not.toContain(ANSWER_TEXT);
    // Audited, without her name or key.
    expect(err).toContain('"event":"gdpr.export"');
    expect(err).not.toContain('Anna');
    expect(err).not.toContain(anna.key);
  });

  it('reads as text in the language asked for', async () => {
    const { code, out } = await cli('export', anna.key, '--text', '--lang', 'en');
    expect(code).toBe(0);
    expect(out).toContain(en.gdpr.exportTitle({ name: 'Anna Andersson' }));
    expect(out).toContain(en.gdpr.sections.swotItems);
    expect(out).toContain(en.gdpr.reflectionNote);
  });

  it('is given to an administrator in chat, privately, and to nobody else', async () => {
    const shown = await asAdmin(`setup gdpr export ${anna.key}`);
    expect(shown.replies[0]?.kind).toBe('private');
    expect(textOf(shown)).toContain(ITEM_TEXT);
    expect(textOf(shown)).toContain(sv.gdpr.reflectionNote);
    const [logged] = await selectRows<{ action: string; actor: string; subject: string }>(
      db,
      sql`select action, actor_person_id as actor, subject_person_id as subject from audit_log
          where source = 'chat'`,
    );
    expect(logged).toEqual({ action: 'gdpr-export', actor: admin.id, subject: anna.id });
    const refused = await asAdmin(`setup gdpr export ${admin.key}`, org.members[1]!);
    expect(textOf(refused)).not.toContain(admin.name);
    expect(textOf(refused)).toContain(sv.common.notAllowed({ what: sv.setup.what }));
  });

  it('refuses a bad command with the usage and changes nothing', async () => {
    const before = await snapshot();
    expect((await cli('export')).code).toBe(2);
    expect((await cli('remove', anna.key)).code).toBe(2);
    expect((await cli('erase', 'no such key!')).code).toBe(2);
    expect(textOf(await asAdmin('setup gdpr export'))).toContain(sv.gdpr.badKey);
    expect(await snapshot()).toBe(before);
  });
});

describe('erasure (GDPR art. 17)', () => {
  it('asks an administrator in chat to confirm, and changes nothing until then', async () => {
    const before = await snapshot();
    const asked = await asAdmin(`setup gdpr erase ${anna.key}`);
    expect(textOf(asked)).toContain('bekräfta');
    expect(await snapshot()).toBe(before);
  });

  it('removes the person, keeps shared records and their counts as "borttagen person"', async () => {
    const answeredBefore = (await roundResponse(db, { roundId })).answered;
    const erased = await asAdmin(`setup gdpr erase ${anna.key} bekräfta`);
    expect(textOf(erased)).toContain('Anna Andersson');

    const [row] = await db.select().from(people).where(sql`${people.id} = ${anna.id}`);
    expect(row).toMatchObject({ name: 'borttagen person', active: false, isAdmin: false });
    expect(row!.key).not.toBe(anna.key);
    const left = await selectRows<{ n: number }>(
      db,
      sql`select ((select count(*) from identities where person_id = ${anna.id})
        + (select count(*) from memberships where person_id = ${anna.id})
        + (select count(*) from outbox where person_id = ${anna.id})
        + (select count(*) from local_messages where person_id = ${anna.id})
        + (select count(*) from posted_messages where channel_id like '%' || ${anna.id}::text)
        + (select count(*) from teams_users where aad_object_id = ${AAD})
        + (select count(*) from teams_conversations where user_aad_object_id = ${AAD})
        + (select count(*) from teams_forms where conversation_id = 'a:anna-1to1'))::int as n`,
    );
    expect(Number(left[0]!.n)).toBe(0);
    // Shared records stay, under the nameless stand-in; the open round's count holds.
    const [item] = await selectRows<{ author: string }>(
      db,
      sql`select p.name as author from swot_items i join people p on p.id = i.author_id
          where i.text = ${ITEM_TEXT}`,
    );
    expect(item?.author).toBe('borttagen person');
    const [action] = await selectRows<{ owner: string }>(
      db,
      sql`select p.name as owner from actions a join people p on p.id = a.owner_id
          where a.text = ${ACTION_TEXT}`,
    );
    expect(action?.owner).toBe('borttagen person');
    expect((await roundResponse(db, { roundId })).answered).toBe(answeredBefore);
    // Audited: by the administrator, about the nameless stand-in; readable in `setup audit`.
    const entries = await selectRows<{ action: string; actor: string; subject: string }>(
      db,
      sql`select action, actor_person_id as actor, subject_person_id as subject from audit_log
          where action = 'gdpr-erase'`,
    );
    expect(entries).toEqual([{ action: 'gdpr-erase', actor: admin.id, subject: anna.id }]);
    expect(textOf(await asAdmin('setup audit'))).toContain(sv.gdpr.auditErase);
    // Her name is nowhere in the database any more.
    expect(await snapshot()).not.toContain('Anna Andersson');
  });

  it('is idempotent: a second erase (chat or command line) finds nothing and changes nothing', async () => {
    const before = await snapshot();
    expect(textOf(await asAdmin(`setup gdpr erase ${anna.key} bekräfta`))).toContain(
      sv.gdpr.unknown,
    );
    const again = await cli('erase', anna.key);
    expect(again.code).toBe(0);
    expect(again.out).toContain(sv.gdpr.unknown);
    expect(again.err).toContain('"event":"gdpr.erase"');
    expect((await cli('export', anna.key)).code).toBe(1);
    expect(await snapshot()).toBe(before);
  });

  it('erases from the command line too, answering in the default language', async () => {
    const bertil = org.members[1]!;
    await setLanguage(db, { personId: bertil.id, lang: 'en' });
    const { code, out, err } = await cli('erase', bertil.key);
    expect(code).toBe(0);
    expect(JSON.parse(out).erased).toBe(true);
    expect(err).not.toContain(bertil.key);
    const [entry] = await selectRows<{ actor: string | null; source: string }>(
      db,
      sql`select actor_person_id as actor, source from audit_log
          where action = 'gdpr-erase' and subject_person_id = ${bertil.id}`,
    );
    expect(entry).toEqual({ actor: null, source: 'command-line' });
    const [row] = await db.select().from(people).where(sql`${people.id} = ${bertil.id}`);
    expect(row?.name).toBe('borttagen person');
  });
});
