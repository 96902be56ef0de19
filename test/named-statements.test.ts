import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../store/database.js';
import { createPersonWithIdentity, findAsker } from '../store/queries/people.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * Every statement Tillit sends to the server is a named one, prepared once per connection
 * (store/named-statements.ts): drizzle asks for unnamed ones, which postgres.js sends in two
 * round trips and the server plans anew each time. What must hold: the request's reads and a
 * transaction's writes are prepared statements of their connection, sent again they are not
 * prepared again, and a statement prepared before a migration changed its table still runs.
 * Server only: the embedded database has no connections to prepare on.
 */
const SERVER = process.env.TEST_DATABASE_URL;

describe.skipIf(!SERVER)('named statements (PostgreSQL)', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  /** The statements prepared on the connection that runs this read (the pool's only one). */
  const prepared = async () =>
    (
      (await database.db.execute(
        sql`select statement from pg_prepared_statements where not from_sql`,
      )) as unknown as { statement: string }[]
    ).map((row) => row.statement);

  const identity = { platform: 'slack', workspace: 'T0NAMED', externalId: 'U0NAMED' } as const;
  const channel = { platform: 'slack', workspace: 'T0NAMED', channelId: 'C0NAMED' } as const;

  it('prepares a request’s first read once, and a transaction’s write', async () => {
    // One request at a time: the pool opens one connection and keeps using it.
    await findAsker(database.db, { identity, channel });
    await findAsker(database.db, { identity, channel });
    await createPersonWithIdentity(database.db, { key: 'named-person', name: 'Named', identity });
    const statements = await prepared();
    const asker = statements.filter((s) => s.startsWith('select') && s.includes('"identities"'));
    expect(asker).toHaveLength(1);
    expect(statements.some((s) => s.startsWith('insert into "people"'))).toBe(true);
  });

  it('runs a statement prepared before a migration changed its table', async () => {
    await database.db.execute(sql`create table named_notes (id int primary key, text text)`);
    await database.db.execute(sql`insert into named_notes values (1, 'before')`);
    const read = () => database.db.execute(sql`select * from named_notes where id = ${1}`);
    expect(await read()).toEqual([{ id: 1, text: 'before' }]);
    // What another instance's upgrade may do while this one runs.
    await database.db.execute(sql`alter table named_notes add column extra int default 7`);
    expect(await read()).toEqual([{ id: 1, text: 'before', extra: 7 }]);
  });
});
