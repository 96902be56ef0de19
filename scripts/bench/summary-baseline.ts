import { type SQL, sql } from 'drizzle-orm';
import type { SummaryWindow } from '../../store/queries/summary-sql.js';

/**
 * The baseline: the same figures as buildSummary — reflection per unit, period and principle,
 * actions, dialogues, risks, escalations, self-checks, the top SWOT items and the recurring
 * words — as ONE hand-written statement that returns them all as JSON. It reads the same
 * tables by the same indexes (a hand-writer would use them too: the kept round totals, one
 * index range per unit and period) and finds the subtree itself, so the difference the bench
 * shows is what the feature adds: several statements, the fold up the tree, the cell rule,
 * the view. It only reads: rounds not yet kept are counted from their answers every time.
 */
export function baselineQuery(params: {
  rootId: string;
  windows: SummaryWindow[];
  threshold: number;
  stopWords: readonly string[];
}): SQL {
  const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const periods = sql.join(
    params.windows.map(
      (w, i) =>
        sql`(${i}::int, ${w.fromDate}::date, ${w.toDate}::date, ${ts(w.fromTs)}, ${ts(w.toTs)}, ${ts(w.asOfTs)}, ${w.asOfDate}::date)`,
    ),
    sql`, `,
  );
  const root = sql`${params.rootId}::uuid`;
  return sql`with recursive
    tree(id, bucket) as materialized (
      select id, id from units where id = ${root}
      union all
      select u.id, case when t.id = ${root} then u.id else t.bucket end
      from units u join tree t on u.parent_id = t.id where u.active),
    p(idx, d0, d1, t0, t1, a0, a1) as (values ${periods}),
    up as materialized (select tree.id as unit_id, tree.bucket, p.* from tree cross join p),
    up3 as materialized (select * from up where idx < 3),
    refl as (
      select up.unit_id, up.idx, x.principle, count(*) as closed,
             count(*) filter (where x.answered >= ${params.threshold}) as counted,
             sum(x.invited) filter (where x.answered >= ${params.threshold}) as invited,
             sum(x.answered) filter (where x.answered >= ${params.threshold}) as answered,
             sum(x.ratings) filter (where x.answered >= ${params.threshold} and x.ratings >= ${params.threshold}) as ratings,
             sum(x.rating_sum) filter (where x.answered >= ${params.threshold} and x.ratings >= ${params.threshold}) as rating_sum
      from up cross join lateral (
        select t.principle, t.invited, t.answered, t.ratings, t.rating_sum
        from summary_round_totals t
        where t.unit_id = up.unit_id and t.round_date between up.d0 and up.d1
        union all
        select r.principle, r.invited_count, a.answers, a.ratings, a.rating_sum
        from reflection_rounds r
        cross join lateral (select count(*)::int as answers, count(rating)::int as ratings,
          coalesce(sum(rating), 0)::int as rating_sum from reflection_answers where round_id = r.id) a
        where r.unit_id = up.unit_id and r.round_date between up.d0 and up.d1
          and r.closed_at is not null
          and not exists (select 1 from summary_round_totals t where t.round_id = r.id)
        offset 0) x
      group by up.unit_id, up.idx, x.principle),
    acts as (
      select up3.unit_id, up3.idx,
        (select count(*) from actions a where a.unit_id = up3.unit_id and a.created_at >= up3.t0 and a.created_at < up3.t1) as opened,
        (select count(*) from actions a where a.unit_id = up3.unit_id and a.status = 'done' and a.done_at >= up3.t0 and a.done_at < up3.t1) as done,
        (select count(*) from actions a where a.unit_id = up3.unit_id and a.status = 'open' and a.due_date < up3.a1 and a.created_at < up3.a0)
        + (select count(*) from actions a where a.unit_id = up3.unit_id and a.status = 'done' and a.done_at >= up3.a0 and a.due_date < up3.a1 and a.created_at < up3.a0) as overdue,
        e.*
      from up3 cross join lateral (
        select count(*) filter (where effect = 'yes') as yes, count(*) filter (where effect = 'partly') as partly,
               count(*) filter (where effect = 'no') as no, count(distinct owner_id) filter (where effect is not null) as owners
        from actions a where a.unit_id = up3.unit_id and a.status = 'done' and a.done_at >= up3.t0 and a.done_at < up3.t1) e),
    held as materialized (
      select d.id, d.unit_id, d.kind, up3.idx from up3 cross join lateral (
        select * from dialogues d where d.unit_id = up3.unit_id and d.phase = 'closed' and d.closed_at >= up3.t0 and d.closed_at < up3.t1 offset 0) d),
    rk as materialized (
      select r.unit_id, held.idx, r.process, r.probability, r.consequence, r.handling, r.status, r.id,
             r.probability * r.consequence as v, rd.levels
      from held join risks r on r.dialogue_id = held.id join risk_dialogues rd on rd.dialogue_id = held.id),
    work as (
      select unit_id, idx, 'dialogues.' || kind as k, count(*) as n from held group by 1, 2, 3
      union all
      select unit_id, idx, 'risk.' || probability || '.' || consequence || '.' || process || '.' ||
             case when v <= (levels->>0)::int then 'low' when v <= (levels->>1)::int then 'medium'
                  when v <= (levels->>2)::int then 'high' else 'very-high' end, count(*)
      from rk where not exists (select 1 from risks up where up.escalated_from_id = rk.id and up.status = 'closed')
      group by 1, 2, 3
      union all
      select rk.unit_id, rk.idx, 'escalated.' || coalesce(up.status::text, 'none') || '.' ||
             coalesce(up.handling::text, '-'), count(*)
      from rk left join risks up on up.escalated_from_id = rk.id
      where rk.handling = 'escalate' and rk.status = 'closed' group by 1, 2, 3
      union all
      select up3.unit_id, up3.idx, 'escalations.in', count(*) from up3
      join risks r on r.unit_id = up3.unit_id and r.source_kind = 'escalation'
        and r.created_at >= up3.t0 and r.created_at < up3.t1 group by 1, 2
      union all
      select up3.unit_id, up3.idx, 'self-check.' || coalesce(o.outcome::text,
             case when o.occurs_on < up3.a1 then 'missed' else 'pending' end), count(*)
      from up3 join self_checks s on s.unit_id = up3.unit_id
      join self_check_occurrences o on o.self_check_id = s.id and o.occurs_on between up3.d0 and up3.d1
      group by 1, 2, 3),
    voted as (
      select up.bucket, i.quadrant, i.text, sum(v.dots) as votes
      from up join dialogues d on d.unit_id = up.unit_id and d.kind = 'swot'
        and d.phase in ('decide', 'closed') and d.created_at >= up.t0 and d.created_at < up.t1
      join swot_items i on i.dialogue_id = d.id and i.merged_into_id is null
      join swot_votes v on v.item_id = i.id
      where up.idx = 0
        and (select count(*) from swot_ballots b where b.dialogue_id = d.id and b.used > 0) >= ${params.threshold}
      group by up.bucket, i.id, i.quadrant, i.text),
    top_items as (
      select * from (select *, row_number() over (partition by bucket order by votes desc, text) as rb,
                            row_number() over (order by votes desc, text) as rt from voted) x
      where rb <= 3 or rt <= 5),
    texts as materialized (
      select up.bucket, up.unit_id, a.round_id, a.text_words
      from up join reflection_rounds r on r.unit_id = up.unit_id and r.round_date between up.d0 and up.d1
        and r.closed_at is not null
      join reflection_answers a on a.round_id = r.id and a.text is not null
      where up.idx = 0),
    writers as (
      select round_id from texts group by round_id having count(*) >= ${params.threshold}),
    stop as materialized (select unnest(string_to_array(${params.stopWords.join(' ')}, ' ')) as word),
    words as (
      select texts.bucket, w.word from texts join writers using (round_id)
      cross join lateral unnest(tsvector_to_array(texts.text_words)) as w(word)
      where char_length(w.word) >= 3 and w.word ~ '^[[:alpha:]]+$'
        and not exists (select 1 from stop where stop.word = w.word)),
    themes as (
      select bucket, word, count(*) as n,
             row_number() over (partition by bucket order by count(*) desc, word) as rank
      from words group by bucket, word)
    select json_build_object(
      'reflection', (select json_agg(refl) from refl),
      'actions', (select json_agg(acts) from acts),
      'work', (select json_agg(work) from work),
      'items', (select json_agg(top_items) from top_items),
      'themes', (select json_agg(t) from (select bucket, word, n from themes where rank <= 5
                 union all select null, word, sum(n) from themes group by word
                 order by 3 desc limit 60) t)) as figures`;
}
