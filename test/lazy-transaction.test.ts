import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.js';
import { beginWhenWriting, isPlainRead } from '../store/lazy-transaction.js';

/**
 * Transactions that send BEGIN only before their first statement that is not a plain read
 * (store/lazy-transaction.ts). What must hold: a request that only reads sends no BEGIN and no
 * COMMIT; one that writes is still stored whole or not at all, with BEGIN before the write and
 * before anything that locks; a failure the caller swallowed never commits; a connection lost
 * mid-transaction fails it and nothing else. Server only: the embedded database has a
 * transaction API of its own.
 */
const SERVER = process.env.TEST_DATABASE_URL;

describe.skipIf(!SERVER)('transactions that begin when they write (PostgreSQL)', () => {
  const name = `tillit_lazy_${randomBytes(5).toString('hex')}`;
  let admin: postgres.Sql;
  let client: postgres.Sql;
  let db: Database;
  let sent: string[] = [];

  beforeAll(async () => {
    admin = postgres(SERVER!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(SERVER!);
    url.pathname = `/${name}`;
    client = postgres(url.toString(), {
      max: 2,
      onnotice: () => {},
      debug: (_connection, statement) => sent.push(statement.trim().toLowerCase()),
    });
    Object.assign(client, { begin: beginWhenWriting(client) });
    db = drizzle(client) as unknown as Database;
    await client.unsafe('create table notes (id serial primary key, text text not null)');
  });
  afterAll(async () => {
    await client.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  beforeEach(async () => {
    await client.unsafe('truncate notes');
    sent = [];
  });

  const notes = async () =>
    (await client.unsafe<{ text: string }[]>('select text from notes order by id')).map(
      (r) => r.text,
    );

  it('sends neither BEGIN nor COMMIT for a transaction that only reads', async () => {
    const counted = await db.transaction(async (tx) => {
      const [a, b] = await Promise.all([
        tx.execute(sql`select count(*)::int as n from notes`),
        tx.execute(sql`select 1 as one`),
      ]);
      return [a, b].length;
    });
    expect(counted).toBe(2);
    // postgres.js reads the array types once on each new connection: not the request's.
    expect(sent.filter((s) => !s.includes('pg_catalog'))).toHaveLength(2);
    expect(sent.some((s) => s.startsWith('begin') || s === 'commit')).toBe(false);
  });

  it('begins right before the first write, and commits it', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select count(*) from notes`);
      await tx.execute(sql`insert into notes (text) values ('kept')`);
    });
    expect(sent.map((s) => s.split(' ')[0])).toEqual(['select', 'begin', 'insert', 'commit']);
    expect(await notes()).toEqual(['kept']);
  });

  it('stores nothing of a transaction that fails after writing', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into notes (text) values ('lost')`);
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(sent).toContain('rollback');
    expect(await notes()).toEqual([]);
  });

  it('never commits a transaction whose failed statement the caller swallowed', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into notes (text) values ('before')`);
        await tx.execute(sql`insert into notes (id, text) values (null, 'x')`).catch(() => null);
      }),
    ).rejects.toThrow(/null value/);
    expect(await notes()).toEqual([]);
  });

  it('fails a transaction whose connection is lost, and the next one works', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into notes (text) values ('gone')`);
        const own = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
          pid: number;
        }[];
        await admin.unsafe('select pg_terminate_backend($1)', [own[0]!.pid]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        // What a use case does after a failure it did not expect: one more statement.
        await tx.execute(sql`select 1`).catch(() => null);
        await tx.execute(sql`insert into notes (text) values ('after')`);
      }),
    ).rejects.toThrow();
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (text) values ('next')`);
    });
    expect(await notes()).toEqual(['next']);
  });

  it('begins before a read that locks, so the lock lasts until the commit', async () => {
    await client.unsafe(`insert into notes (text) values ('locked')`);
    sent = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select * from notes for update`);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Another connection cannot take the row while the first transaction holds it.
    const other = await client.unsafe(`select * from notes for update skip locked`);
    expect(other).toHaveLength(0);
    release();
    await holder;
    expect(sent[0]?.startsWith('begin')).toBe(true);
  });

  it('runs nested transactions side by side, as the summary statements do', async () => {
    const written = await db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (text) values ('outer')`);
      return Promise.all(
        ['a', 'b', 'c'].map((text) =>
          tx.transaction(async (inner) => {
            await inner.execute(sql`set local jit = off`);
            await inner.execute(sql`insert into notes (text) values (${text})`);
            return text;
          }),
        ),
      );
    });
    expect(written).toEqual(['a', 'b', 'c']);
    expect((await notes()).sort()).toEqual(['a', 'b', 'c', 'outer']);
  });

  it('rolls a failed nested transaction back to its savepoint and keeps the rest', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (text) values ('outer')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into notes (text) values ('inner')`);
          throw new Error('inner failed');
        })
        .catch(() => null);
    });
    expect(await notes()).toEqual(['outer']);
  });
});

describe('what counts as a plain read', () => {
  it.each([
    ['select * from people where id = $1', true],
    ['  SELECT count(*) from notes', true],
    ['select * from notes for update', false],
    ['select * from notes for no key update skip locked', false],
    ['select * from notes for share', false],
    ['select pg_advisory_xact_lock($1)', false],
    ["select set_config('x', '1', true)", false],
    ["select nextval('s')", false],
    ["select pg_notify('c', 'x')", false],
    ['with moved as (delete from a returning *) select * from moved', false],
    ['insert into notes (text) values ($1)', false],
    ['update notes set text = $1', false],
    ['set transaction isolation level serializable', false],
  ])('%s → %s', (statement, plain) => {
    expect(isPlainRead(statement)).toBe(plain);
  });

  it('no statement that does not start with select is ever run before BEGIN', () => {
    fc.assert(
      fc.property(fc.string(), (statement) => {
        if (!/^\s*select\b/i.test(statement)) expect(isPlainRead(statement)).toBe(false);
      }),
    );
  });
});
