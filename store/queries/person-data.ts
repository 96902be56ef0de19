import { randomBytes } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { selectRows } from '../raw-rows.js';
import type { AuditSource } from '../schema/index.js';
import { recordAudit } from './audit-log.js';
import { affected, vacuumTables } from './reflection-round-forget.js';

/**
 * Everything Tillit stores about one person, for a register extract (GDPR art. 15), and its
 * erasure (art. 17). Reflection answers are not here and cannot be: nothing links them to
 * anyone (store/schema/reflection.ts).
 */

export type Row = Record<string, unknown>;

/** One statement per kind of record, each selecting by the person's id (`$1` below). */
const SECTIONS = {
  identities: (p: SQL) =>
    sql`select platform, workspace, external_id from identities where person_id = ${p}
        order by platform, workspace, external_id`,
  roles: (p: SQL) =>
    sql`select u.key as unit, u.name as unit_name, m.role from memberships m
        join units u on u.id = m.unit_id where m.person_id = ${p} order by u.key, m.role`,
  dialoguesStarted: (p: SQL) =>
    sql`select d.kind, d.topic, u.key as unit, d.created_at, d.closed_at from dialogues d
        join units u on u.id = d.unit_id where d.started_by = ${p} order by d.created_at`,
  actionsOwned: (p: SQL) =>
    sql`select a.text, u.key as unit, a.due_date, a.status, a.created_at from actions a
        join units u on u.id = a.unit_id where a.owner_id = ${p} order by a.created_at`,
  actionsDecided: (p: SQL) =>
    sql`select a.text, u.key as unit, a.due_date, a.status, a.created_at from actions a
        join units u on u.id = a.unit_id where a.created_by = ${p} order by a.created_at`,
  actionChanges: (p: SQL) =>
    sql`select e.kind, e.reason, e.from_date, e.to_date, e.at, a.text as action from action_events e
        join actions a on a.id = e.action_id where e.by = ${p} order by e.at`,
  swotItems: (p: SQL) =>
    sql`select i.quadrant, i.text, d.topic as dialogue, i.created_at from swot_items i
        join dialogues d on d.id = i.dialogue_id where i.author_id = ${p} order by i.created_at`,
  swotVotes: (p: SQL) =>
    sql`select d.topic as dialogue, sum(v.dots)::int as dots from swot_votes v
        join dialogues d on d.id = v.dialogue_id where v.voter_id = ${p}
        group by d.topic, d.created_at order by d.created_at`,
  risksRaised: (p: SQL) =>
    sql`select description, status, created_at from risks where author_id = ${p}
        order by created_at`,
  risksDecided: (p: SQL) =>
    sql`select description, status, decided_at from risks where decided_by = ${p}
        order by decided_at`,
  riskEstimates: (p: SQL) =>
    sql`select r.description as risk, e.probability, e.consequence, e.updated_at
        from risk_estimates e join risks r on r.id = e.risk_id where e.person_id = ${p}
        order by e.updated_at`,
  selfChecks: (p: SQL) =>
    sql`select text, cadence, active, created_at from self_checks
        where responsible_id = ${p} or created_by = ${p} order by created_at`,
  selfCheckAnswers: (p: SQL) =>
    sql`select c.text as self_check, o.occurs_on, o.outcome, o.note, o.answered_at
        from self_check_occurrences o join self_checks c on c.id = o.self_check_id
        where o.answered_by = ${p} order by o.answered_at`,
  // Named feedback only: anonymous feedback keeps no author, so nothing here can find it.
  reviewFeedback: (p: SQL) =>
    sql`select f.kind, f.text, r.outcome ->> 'topic' as dialogue, f.created_at
        from review_feedback f join peer_reviews r on r.id = f.review_id
        where f.author_person_id = ${p} order by f.created_at`,
  reviewsShared: (p: SQL) =>
    sql`select r.outcome ->> 'topic' as dialogue, u.key as with_unit, r.created_at
        from peer_reviews r join units u on u.id = r.reviewing_unit_id
        where r.shared_by = ${p} order by r.created_at`,
  reviewComments: (p: SQL) =>
    sql`select r.outcome ->> 'topic' as dialogue, r.summary_comment, r.summary_at
        from peer_reviews r where r.summary_by = ${p} order by r.summary_at`,
  messagesSent: (p: SQL) =>
    sql`select key, status, created_at, sent_at, view ->> 'summary' as text from outbox
        where person_id = ${p} order by created_at`,
  localMessages: (p: SQL) =>
    sql`select channel_id, posted_at, view ->> 'summary' as text from local_messages
        where person_id = ${p} or author_id = ${p} order by seq`,
  openReflectionRounds: (p: SQL) =>
    sql`select u.key as unit, r.round_date,
          exists (select 1 from reflection_participation pa
                  where pa.round_id = r.id and pa.person_id = ${p}) as answered
        from reflection_invitations i join reflection_rounds r on r.id = i.round_id
        join units u on u.id = r.unit_id where i.person_id = ${p} order by r.round_date`,
  teamsAccounts: (p: SQL) =>
    sql`select t.aad_object_id, t.tenant_id, t.user_id, t.updated_at from teams_users t
        where t.aad_object_id in (${teamsIdsOf(p)})`,
  auditLog: (p: SQL) =>
    sql`select l.at, l.action, l.source, u.key as unit, l.role_before, l.role_after,
          peer.key as peer_unit, l.period,
          coalesce(l.subject_person_id = ${p}, false) as about_them,
          coalesce(l.actor_person_id = ${p}, false) as by_them
        from audit_log l left join units u on u.id = l.unit_id
        left join units peer on peer.id = l.peer_unit_id
        where l.subject_person_id = ${p} or l.actor_person_id = ${p} order by l.at`,
  teamsConversations: (p: SQL) =>
    sql`select c.conversation_id, c.kind, c.updated_at from teams_conversations c
        where c.user_aad_object_id in (${teamsIdsOf(p)})`,
} as const;

export type SectionName = keyof typeof SECTIONS;
export const sectionNames = Object.keys(SECTIONS) as SectionName[];

/** The person's Teams AAD object ids, lower case as teams_users and conversations keep them. */
const teamsIdsOf = (p: SQL) =>
  sql`select lower(external_id) from identities where person_id = ${p} and platform = 'teams'`;

export interface PersonData {
  person: Row;
  sections: Record<SectionName, Row[]>;
}

export async function findPersonIdByKey(db: Database, key: string): Promise<string | null> {
  const [row] = await selectRows<{ id: string }>(db, sql`select id from people where key = ${key}`);
  return row?.id ?? null;
}

/** Everything stored about the person, section by section; null when the key is unknown. */
export async function collectPersonData(
  db: Database,
  params: { personKey: string },
): Promise<PersonData | null> {
  const [person] = await selectRows<Row & { id: string }>(
    db,
    sql`select id, key, name, lang, is_admin, active, created_at, updated_at from people
        where key = ${params.personKey}`,
  );
  if (!person) return null;
  const p = sql`${person.id}::uuid`;
  const sections = {} as Record<SectionName, Row[]>;
  for (const name of sectionNames) sections[name] = await selectRows<Row>(db, SECTIONS[name](p));
  return { person, sections };
}

export type ErasedCounts = Record<string, number>;

/**
 * Erases a person: their own records are deleted (logins, roles, messages to them, Teams
 * conversation state), and their row in `people` becomes a nameless stand-in (`deletedName`,
 * a random key, inactive, no admin), so shared records (actions, SWOT items, votes, risks,
 * an open round's counts) keep their counts and show "deleted person". One transaction (or a
 * savepoint in the caller's), audited in it; vacuum afterwards (vacuumErasedTables). Null when the key is
 * unknown (already erased, or never).
 */
export async function erasePerson(
  db: Database,
  params: {
    personKey: string;
    deletedName: string;
    now: Date;
    /** Who asked (null: the command line) and from where, for the audit log entry. */
    audit: { actorPersonId: string | null; source: AuditSource };
  },
): Promise<{ personId: string; counts: ErasedCounts } | null> {
  const erased = await db.transaction(async (tx) => {
    const [person] = await selectRows<{ id: string }>(
      tx,
      sql`select id from people where key = ${params.personKey} for update`,
    );
    if (!person) return null;
    const p = sql`${person.id}::uuid`;
    const conversations = sql`select conversation_id from teams_conversations
      where user_aad_object_id in (${teamsIdsOf(p)})`;
    const counts: ErasedCounts = {};
    const run = async (name: string, statement: SQL) => {
      counts[name] = affected(await tx.execute(statement));
    };
    await run(
      'teams_forms',
      sql`delete from teams_forms where conversation_id in (${conversations})`,
    );
    await run(
      'teams_sends',
      sql`delete from teams_sends where conversation_id in (${conversations})`,
    );
    await run(
      'teams_conversations',
      sql`delete from teams_conversations where user_aad_object_id in (${teamsIdsOf(p)})`,
    );
    await run(
      'teams_users',
      sql`delete from teams_users where aad_object_id in (${teamsIdsOf(p)})`,
    );
    await run(
      'local_messages',
      sql`delete from local_messages where person_id = ${p} or author_id = ${p}`,
    );
    // Where their messages were posted and the updates waiting for them: the keys name them
    // (their outbox rows' keys, and their private cards in dialogues), or the place does (the
    // local page's `<channel>:<person>`, their Teams 1:1 conversation).
    const theirCards = sql`'dialogue:%:private:%:' || ${p}::text || ':%'`;
    await run(
      'posted_messages',
      sql`delete from posted_messages
          where key in (select key from outbox where person_id = ${p} and kind = 'post')
             or key like ${theirCards}
             or (platform = 'local' and channel_id like '%:' || ${p}::text)
             or (platform = 'teams' and channel_id in (${conversations}))`,
    );
    await run(
      'outbox_updates',
      sql`delete from outbox where kind = 'update'
          and (key in (select 'update:' || key from outbox where person_id = ${p} and kind = 'post')
               or key like 'update:' || ${theirCards})`,
    );
    await run('outbox', sql`delete from outbox where person_id = ${p}`);
    await run('identities', sql`delete from identities where person_id = ${p}`);
    await run('memberships', sql`delete from memberships where person_id = ${p}`);
    await run(
      'people',
      sql`update people set key = ${`deleted-${randomBytes(6).toString('hex')}`},
            name = ${params.deletedName}, lang = null, is_admin = false, active = false,
            updated_at = ${params.now.toISOString()}::timestamptz
          where id = ${p}`,
    );
    // Audited in the same transaction: the entry names only the nameless stand-in.
    await recordAudit(tx, [
      {
        at: params.now,
        action: 'gdpr-erase',
        subjectPersonId: person.id,
        actorPersonId: params.audit.actorPersonId,
        source: params.audit.source,
      },
    ]);
    return { personId: person.id, counts };
  });
  return erased;
}

/**
 * What an erasure deleted from: vacuum these once it has committed (a chat request runs in a
 * transaction, where VACUUM cannot; the daily lifetime tick vacuums them too).
 */
export const ERASED_TABLES = [
  'people',
  'identities',
  'memberships',
  'outbox',
  'posted_messages',
  'local_messages',
  'teams_users',
  'teams_conversations',
  'teams_forms',
  'teams_sends',
] as const;

/** VACUUM of the tables an erasure touched, outside any transaction. */
export const vacuumErasedTables = (db: Database) => vacuumTables(db, ERASED_TABLES);
