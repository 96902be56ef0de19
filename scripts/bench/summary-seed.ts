import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../store/database.js';

/** The bench's "now": every period is counted back from it. */
export const BENCH_NOW = new Date('2026-06-15T10:00:00Z');

/** 1 administration, 6 departments, 48 units, 245 sections. */
export const UNITS = 300;
const PEOPLE = 10_000;
const WEEKS = 260;
const DIALOGUES = 5_000;
const ACTIONS = 50_000;

/** Unit i's id; unit 0 is the root, the last one a section (a leaf). */
export const unitId = (i: number): string => md5Uuid(`u${i}`);
export const LEAF_UNIT = UNITS - 1;

function md5Uuid(text: string): string {
  // The same uuid the seed's md5(text)::uuid gives, computed here for the caller.
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A large organisation, written with INSERT … SELECT generate_series (no row goes through
 * Node): 300 units, 10,000 people, five years of weekly reflections in every unit but the
 * root (≈ 1,000,000 answers; texts only in the last year, as the retention purge leaves it),
 * 5,000 SWOT and risk dialogues with items, votes, risks and escalations, 50,000 actions and
 * monthly self-checks. Random but repeatable (setseed).
 */
export async function seedLargeOrg(db: Database, log: (line: string) => void): Promise<void> {
  const now = sql`${BENCH_NOW.toISOString()}::timestamptz`;
  const steps: [string, ReturnType<typeof sql>][] = [
    [
      'units',
      sql`insert into units (id, key, name, level, parent_id)
      select md5('u' || i)::uuid, 'u' || i, 'Enhet ' || i,
        (case when i = 0 then 'administration' when i <= 6 then 'department'
              when i <= 54 then 'unit' else 'section' end)::unit_level,
        case when i = 0 then null when i <= 6 then md5('u0')::uuid
             when i <= 54 then md5('u' || (1 + (i - 7) / 8))::uuid
             else md5('u' || (7 + (i - 55) % 48))::uuid end
      from generate_series(0, ${UNITS - 1}) i`,
    ],
    [
      'people',
      sql`insert into people (id, key, name)
      select md5('p' || i)::uuid, 'p' || i, 'Person ' || i from generate_series(0, ${PEOPLE - 1}) i`,
    ],
    [
      'memberships',
      sql`insert into memberships (person_id, unit_id, role)
      select md5('p' || i)::uuid, md5('u' || (1 + i % ${UNITS - 1}))::uuid,
             (case when i < ${UNITS - 1} then 'manager' else 'member' end)::role
      from generate_series(0, ${PEOPLE - 1}) i`,
    ],
    [
      'reflection rounds',
      sql`insert into reflection_rounds (id, unit_id, round_date, principle,
        question_index, opens_at, remind_at, closes_at, closed_at, invited_count, answered_count)
      select md5('r' || u || '-' || w)::uuid, md5('u' || u)::uuid, d, principle, 0,
             d + interval '12 hours', d + interval '36 hours', d + interval '84 hours',
             d + interval '84 hours', invited,
             greatest(0, round(invited * (0.25 + random() * 0.25)))::int
      from generate_series(1, ${UNITS - 1}) u
      join (select unit_id, count(*)::int as invited from memberships group by unit_id) sizes
        on sizes.unit_id = md5('u' || u)::uuid
      cross join generate_series(0, ${WEEKS - 1}) w
      cross join lateral (select (date '2026-06-11' - 7 * w) as d,
        (enum_range(null::reflection_principle))[1 + w % 7] as principle) x`,
    ],
    [
      'reflection answers',
      sql`insert into reflection_answers (round_id, unit_id, principle, rating, text)
      select r.id, r.unit_id, r.principle,
             case when random() < 0.1 then null else 1 + floor(random() * 5) end,
             case when r.round_date > (${now} - interval '365 days')::date and random() < 0.4 then
               (array['Bemanningen','Schemat','Samarbetet','Ledningen','Kompetensen','Dokumentationen',
                      'Brukarna','Arbetsmiljön'])[1 + floor(random() * 8)::int] || ' ' ||
               (array['fungerade bra','var ansträngd','behöver ses över','gav stöd',
                      'var tydlig','saknades ibland'])[1 + floor(random() * 6)::int] ||
               ' den här veckan med ' ||
               (array['kollegorna','chefen','brukarna','teamet'])[1 + floor(random() * 4)::int]
             end
      from reflection_rounds r cross join lateral generate_series(1, r.answered_count) n`,
    ],
    [
      'dialogues',
      sql`insert into dialogues (id, kind, unit_id, platform, workspace, channel_id,
        topic, phase, lang, alongside, started_by, created_at, closed_at)
      select md5('d' || i)::uuid, (case when i % 5 < 3 then 'swot' else 'risk' end)::dialogue_kind,
             md5('u' || (1 + i % ${UNITS - 1}))::uuid, 'slack', 'T', 'C' || i, 'Dialog ' || i,
             'closed', 'sv', true, md5('p' || (i % ${UNITS - 1}))::uuid, at, at + interval '14 days'
      from generate_series(0, ${DIALOGUES - 1}) i
      cross join lateral (select ${now} - random() * interval '1825 days' as at) x`,
    ],
    [
      'swot items',
      sql`insert into swot_items (id, dialogue_id, quadrant, text, author_id)
      select md5('i' || d.id || n)::uuid, d.id, (enum_range(null::swot_quadrant))[1 + n % 4],
             (array['Engagerade kollegor','Vakanser','Otydliga mandat','Ny mötesstruktur',
                    'Hög sjukfrånvaro'])[1 + n] || ' ' || left(d.id::text, 4), d.started_by
      from dialogues d cross join generate_series(0, 4) n where d.kind = 'swot'`,
    ],
    [
      'swot ballots',
      sql`insert into swot_ballots (dialogue_id, voter_id, used, votes_limit)
      select d.id, md5('p' || ((i - 1) % ${UNITS - 1} + ${UNITS - 1} * k))::uuid, 3, 3
      from (select d.*, row_number() over () as i from dialogues d where d.kind = 'swot') d
      cross join generate_series(0, 7) k`,
    ],
    [
      'swot votes',
      sql`insert into swot_votes (item_id, voter_id, dialogue_id, dots, max_per_item)
      select md5('i' || b.dialogue_id || ((v.k + j) % 5))::uuid, b.voter_id, b.dialogue_id, 1, 3
      from (select b.*, row_number() over (partition by dialogue_id) - 1 as k from swot_ballots b) b
      cross join lateral (select b.k) v cross join generate_series(0, 2) j`,
    ],
    [
      'risk dialogues',
      sql`insert into risk_dialogues (dialogue_id, unit_id, year, levels)
      select id, unit_id, extract(year from created_at)::int, '[3,6,9]'::jsonb
      from dialogues where kind = 'risk'`,
    ],
    [
      'risks',
      sql`insert into risks (id, unit_id, description, status, dialogue_id, probability,
        consequence, process, handling, decided_at, created_at)
      select md5('k' || d.id || n)::uuid, d.unit_id, 'Risk ' || n, 'closed', d.id,
             1 + floor(random() * 4), 1 + floor(random() * 4),
             (enum_range(null::risk_process))[1 + floor(random() * 4)::int],
             (case when random() < 0.1 then 'escalate' else
               (array['accept','self-check','action'])[1 + floor(random() * 3)::int] end)::risk_handling,
             d.created_at, d.created_at
      from dialogues d cross join generate_series(0, 3) n where d.kind = 'risk'`,
    ],
    [
      'escalations',
      sql`insert into risks (unit_id, description, status, source_kind,
        escalated_from_id, period, created_at, handling)
      select u.parent_id, r.description,
             (array['pending','open','closed'])[1 + floor(random() * 3)::int]::risk_status,
             'escalation', r.id, extract(year from r.created_at)::int, r.created_at + interval '14 days',
             case when random() < 0.5 then 'action'::risk_handling end
      from risks r join units u on u.id = r.unit_id
      where r.handling = 'escalate' and u.parent_id is not null`,
    ],
    [
      'actions',
      sql`insert into actions (unit_id, text, owner_id, due_date, status, source_kind,
        created_by, created_at, done_at, effect, effect_at)
      select md5('u' || unit)::uuid, 'Åtgärd ' || i, owner, (at + interval '30 days')::date,
             (case when at > ${now} - interval '60 days' or s >= 0.85 then 'open'
                   when s >= 0.8 then 'dropped' else 'done' end)::action_status,
             'manual', owner, at,
             case when at <= ${now} - interval '60 days' and s < 0.8 then at + random() * interval '40 days' end,
             case when at <= ${now} - interval '60 days' and s < 0.8 then
               (array['yes','yes','partly','no',null])[1 + floor(random() * 5)::int]::action_effect end,
             case when at <= ${now} - interval '60 days' and s < 0.8 then at + interval '45 days' end
      from generate_series(0, ${ACTIONS - 1}) i
      cross join lateral (select 1 + i % ${UNITS - 1} as unit, ${now} - random() * interval '1825 days' as at,
        random() as s) x
      cross join lateral (select md5('p' || ((unit - 1) + ${UNITS - 1} * (i % 33)))::uuid as owner) o`,
    ],
    [
      'self-checks',
      sql`insert into self_checks (id, unit_id, text, responsible_id, cadence,
        starts_on, created_by, created_at)
      select md5('s' || i)::uuid, md5('u' || (1 + i % ${UNITS - 1}))::uuid, 'Egenkontroll ' || i,
             md5('p' || (i % ${UNITS - 1}))::uuid, 'monthly', date '2021-07-05',
             md5('p' || (i % ${UNITS - 1}))::uuid, ${now} - interval '5 years'
      from generate_series(0, ${2 * (UNITS - 1) - 1}) i`,
    ],
    [
      'self-check occurrences',
      sql`insert into self_check_occurrences (self_check_id, occurs_on,
        asked_at, outcome, answered_at)
      select s.id, (date '2021-07-05' + make_interval(months => m))::date,
             date '2021-07-05' + make_interval(months => m), o, case when o is not null then
             date '2021-07-05' + make_interval(months => m, days => 1) end
      from self_checks s cross join generate_series(0, 58) m
      cross join lateral (select (case when random() < 0.85 then 'ok' when random() < 0.33 then 'found'
        when random() < 0.5 then 'not-done' end)::self_check_outcome as o) x`,
    ],
  ];
  // One connection (the caller's), so setseed holds for every statement after it.
  await db.execute(sql`select setseed(0.42)`);
  for (const [name, statement] of steps) {
    const started = performance.now();
    await db.execute(statement);
    log(`  seeded ${name} (${Math.round(performance.now() - started)} ms)`);
  }
  await db.execute(sql`vacuum analyze`);
}
