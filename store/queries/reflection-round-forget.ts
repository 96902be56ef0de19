import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';

/**
 * What a closing round leaves behind, made unlinkable (see docs/PRIVACY.md, "What a database
 * administrator can see"). Both run in the closing transaction, with the round locked.
 */

/**
 * Writes the round's answers anew in random order and deletes the old rows: every answer gets
 * a new random id, the same transaction id (`xmin`) as all the others, and a place in the
 * table that says nothing about when it was given. Only the content is carried over.
 */
export async function reshuffleRoundAnswers(
  db: Database,
  params: { roundId: string },
): Promise<number> {
  const rows = await db.execute(
    sql`with old as (
          delete from reflection_answers where round_id = ${params.roundId}::uuid
          returning round_id, unit_id, principle, rating, text
        )
        insert into reflection_answers (round_id, unit_id, principle, rating, text)
        select round_id, unit_id, principle, rating, text from old order by random()`,
  );
  return affected(rows);
}

/** Keys of the round's messages: prompts, reminders (`<kind>:<round>:<person>`), the thanks. */
export const roundMessageKeys = (roundId: string) => ({
  perPerson: [`reflection-prompt:${roundId}:`, `reflection-reminder:${roundId}:`],
  thanks: reflectionThanksKey(roundId),
});

/** The key the local channel stores a reflection's "thank you" under, so it can go at close. */
export const reflectionThanksKey = (roundId: string) => `reflection-thanks:${roundId}`;

/**
 * Deletes every side record that names a person together with the round, once the round has
 * closed: its outbox rows (a reminder says who had not answered yet), their Teams send state,
 * the local channel's copies of prompts, reminders and thanks, where any of them was posted
 * (posted_messages), and Teams answer forms (the rating clicked next to a 1:1 conversation). Nothing of these is needed after the close: the
 * buttons of a closed round only answer "closed". Returns rows deleted.
 */
export async function forgetRoundSideRecords(
  db: Database,
  params: { roundId: string },
): Promise<number> {
  const { perPerson, thanks } = roundMessageKeys(params.roundId);
  const [prompt, reminder] = perPerson as [string, string];
  const ofRound = (column: ReturnType<typeof sql.identifier>) =>
    sql`(starts_with(${column}, ${prompt}) or starts_with(${column}, ${reminder}))`;
  const key = sql.identifier('key');
  let deleted = 0;
  deleted += affected(await db.execute(sql`delete from outbox where ${ofRound(key)}`));
  deleted += affected(await db.execute(sql`delete from teams_sends where ${ofRound(key)}`));
  deleted += affected(
    await db.execute(sql`delete from local_messages where ${ofRound(key)} or key = ${thanks}`),
  );
  deleted += affected(
    await db.execute(sql`delete from teams_forms where form ->> 'state' = ${params.roundId}`),
  );
  // Where the prompts and the thanks were shown: each row names the person's conversation and,
  // for the thanks, the moment they answered.
  deleted += affected(
    await db.execute(sql`delete from posted_messages where ${ofRound(key)} or key = ${thanks}`),
  );
  return deleted;
}

/**
 * VACUUM: makes the space of deleted rows reusable and drops them from every page, so a
 * `select` with `ctid`/`xmin`, or `pg_dump`, no longer meets them. Must run outside any
 * transaction; the caller runs it after the closing transaction committed.
 */
export async function vacuumTables(db: Database, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await db.execute(
    sql`vacuum ${sql.join(
      tables.map((t) => sql.identifier(t)),
      sql`, `,
    )}`,
  );
}

/** Rows a statement touched, whichever driver answered (postgres.js: count; PGlite: affectedRows). */
export function affected(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return Number(r.count ?? r.affectedRows ?? 0);
}
