import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../store/database.js';
import { selectRows } from '../store/raw-rows.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * The promise that nobody can tell who said what, checked on the migrated schema itself:
 * whatever query anyone writes, the answer table offers nothing to join on but the round.
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

type Column = {
  column_name: string;
  data_type: string;
  column_default: string | null;
  is_identity: string;
  is_generated: string;
  generation_expression: string | null;
};

const columnsOf = (table: string) =>
  selectRows<Column>(
    handle.db,
    sql`select column_name, data_type, column_default, is_identity, is_generated,
          generation_expression
        from information_schema.columns
        where table_schema = 'public' and table_name = ${table}
        order by column_name`,
  );

/** Foreign keys of a table: its column → the table it points at. */
const foreignKeysOf = (table: string) =>
  selectRows<{ column_name: string; foreign_table: string }>(
    handle.db,
    sql`select kcu.column_name, ccu.table_name as foreign_table
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        join information_schema.constraint_column_usage ccu
          on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'
          and tc.table_name = ${table}`,
  );

/** Columns that say which round (and so which unit, principle and week) a row belongs to. */
const ROUND_LEVEL = new Set(['round_id', 'unit_id', 'principle']);

describe('reflection answers cannot be linked to who gave them', () => {
  it('shares only round-level columns between who answered and what was said', async () => {
    const participation = (await columnsOf('reflection_participation')).map((c) => c.column_name);
    const answers = (await columnsOf('reflection_answers')).map((c) => c.column_name);
    expect(participation).toEqual(['person_id', 'round_id']);
    expect(answers).toEqual([
      'id',
      'principle',
      'rating',
      'round_id',
      'text',
      'text_words',
      'unit_id',
    ]);
    const shared = answers.filter((c) => participation.includes(c));
    expect(shared.length).toBeGreaterThan(0);
    for (const column of shared) expect(ROUND_LEVEL).toContain(column);
  });

  it('gives answers no person column, no time, no sequence, and a random id', async () => {
    const columns = await columnsOf('reflection_answers');
    for (const c of columns) {
      expect(c.column_name).not.toMatch(/person|people|user|author|member|identity|who/);
      expect(c.data_type).not.toMatch(/time|date|interval/);
      expect(c.data_type).not.toMatch(/serial/);
      expect(c.is_identity).toBe('NO');
      // The one generated column is the text's words, worked out from the text alone.
      if (c.column_name === 'text_words') {
        expect(c.is_generated).toBe('ALWAYS');
        expect(c.generation_expression).toBe("to_tsvector('simple'::regconfig, text)");
      } else expect(c.is_generated).toBe('NEVER');
      expect(c.column_default ?? '').not.toMatch(
        /nextval|now\(|current_|clock_|statement_|transaction_/,
      );
    }
    const id = columns.find((c) => c.column_name === 'id');
    expect(id?.data_type).toBe('uuid');
    // gen_random_uuid() is UUID version 4: 122 random bits, no time, no counter.
    expect(id?.column_default).toBe('gen_random_uuid()');
    const sequences = await selectRows<{ sequence_name: string }>(
      handle.db,
      sql`select sequence_name from information_schema.sequences
          where sequence_schema = 'public' and sequence_name like 'reflection%'`,
    );
    expect(sequences).toEqual([]);
  });

  it('gives answers no foreign key to people, and participation none to answers', async () => {
    const answerKeys = await foreignKeysOf('reflection_answers');
    expect(answerKeys.map((k) => k.foreign_table).sort()).toEqual(['reflection_rounds']);
    const participationKeys = await foreignKeysOf('reflection_participation');
    expect(participationKeys.map((k) => k.foreign_table).sort()).toEqual([
      'people',
      'reflection_rounds',
    ]);
  });

  it('keeps participation free of time and sequence too', async () => {
    for (const table of ['reflection_participation', 'reflection_invitations']) {
      for (const c of await columnsOf(table)) {
        expect(c.data_type).not.toMatch(/time|date|interval/);
        expect(c.is_identity).toBe('NO');
        expect(c.column_default).toBeNull();
      }
    }
  });

  it('leaves no table that mentions both a person and an answer', async () => {
    const rows = await selectRows<{ table_name: string; column_name: string }>(
      handle.db,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and table_name like 'reflection%'
            and column_name like '%answer%'`,
    );
    // Only the round's folded count talks about answers; nothing points at an answer row.
    expect(rows.map((r) => `${r.table_name}.${r.column_name}`)).toEqual([
      'reflection_rounds.answered_count',
    ]);
    const pointers = await selectRows<{ table_name: string }>(
      handle.db,
      sql`select distinct tc.table_name from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu
            on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
          where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = 'reflection_answers'`,
    );
    expect(pointers).toEqual([]);
  });
});
