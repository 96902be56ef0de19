import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  count,
  periodsTable,
  type SubtreeUnit,
  type SummaryWindow,
  summaryRows,
  treeTable,
} from './summary-sql.js';

export interface ThemeWord {
  /** The summary row, or null for the whole subtree. */
  bucket: string | null;
  word: string;
  /** In how many answers the word occurs. */
  answers: number;
}

type Row = { bucket: string | null; word: string; answers: number };

/**
 * The words that recur in the reflection texts of the period, per bucket and over the
 * subtree: counted in the database, so no text leaves it. Only closed rounds where at least
 * `minWriters` people wrote count (the cell rule of dialogues/privacy/disclosure.ts): a round
 * with fewer writers adds no word anywhere, and an open round none until it closes.
 * The words come from `text_words`, Postgres' own splitter applied when the answer was
 * stored (to_tsvector with the `simple` configuration: lower case, no stemming, each word
 * once per answer); words shorter than three letters, numbers and `stopWords` are skipped.
 */
export async function themeWords(
  db: Database,
  params: {
    units: readonly SubtreeUnit[];
    window: SummaryWindow;
    /** Texts count only from closed rounds where this many people wrote. */
    minWriters: number;
    stopWords: readonly string[];
    perBucket: number;
    inTree: number;
  },
): Promise<ThemeWord[]> {
  if (params.units.length === 0) return [];
  const rows = await summaryRows<Row>(
    db,
    sql`with ${treeTable(params.units)}, ${periodsTable([params.window])},
        stop as materialized (
          select unnest(string_to_array(${params.stopWords.join(' ')}, ' ')) as word
        ),
        texts as materialized (
          select tree.bucket, a.round_id, a.text_words
          from tree
          join reflection_rounds r on r.unit_id = tree.id and r.closed_at is not null
          join p on r.round_date between p.from_date and p.to_date
          join reflection_answers a on a.round_id = r.id and a.text is not null
        ),
        counted as (
          -- Closed rounds where at least minWriters people wrote: no one else's words count.
          select round_id from texts group by round_id having count(*) >= ${params.minWriters}
        ),
        words as (
          select texts.bucket, w.word
          from texts
          join counted using (round_id)
          cross join lateral unnest(tsvector_to_array(texts.text_words)) as w(word)
          where char_length(w.word) >= 3 and w.word ~ '^[[:alpha:]]+$'
            and not exists (select 1 from stop where stop.word = w.word)
        ),
        per_bucket as (
          select bucket, word, count(*)::int as answers,
                 row_number() over (partition by bucket order by count(*) desc, word) as rank
          from words group by bucket, word
        ),
        in_tree as (
          select null::uuid as bucket, word, sum(answers)::int as answers,
                 row_number() over (order by sum(answers) desc, word) as rank
          from per_bucket group by word
        )
        select bucket, word, answers from per_bucket where rank <= ${params.perBucket} and answers > 1
        union all
        select bucket, word, answers from in_tree where rank <= ${params.inTree} and answers > 1`,
  );
  return rows.map((r) => ({ bucket: r.bucket, word: r.word, answers: count(r.answers) }));
}
