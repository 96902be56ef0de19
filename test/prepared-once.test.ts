import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../store/database.js';
import { preparedOnce } from '../store/prepared-once.js';
import { createPersonWithIdentity, findAsker, type Identity } from '../store/queries/people.js';
import { people } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * Statements whose SQL is built once and run on each caller's own database or transaction
 * (store/prepared-once.ts). What must hold: the text is built once, each call's values are
 * its own, and a call inside a transaction runs in it (sees what it wrote, and nothing of it
 * stays after a rollback). On the embedded database a call outside the transaction would
 * wait for it for ever; on the server it would not see the transaction's row.
 */
describe('statements built once', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  let builds = 0;
  const nameOf = preparedOnce<{ key: string }, { name: string }[]>('test-name-of', (db, p) => {
    builds++;
    return db
      .select({ name: people.name })
      .from(people)
      .where(eq(people.key, p('key')));
  });

  it('builds the text once and runs each call with its own values', async () => {
    const keys = ['once-a', 'once-b', 'once-c'];
    for (const key of keys) await database.db.insert(people).values({ key, name: `Name ${key}` });
    const names = await Promise.all(
      [...keys, ...keys].map(async (key) => (await nameOf(database.db, { key }))[0]?.name),
    );
    expect(names).toEqual([...keys, ...keys].map((key) => `Name ${key}`));
    await database.db.transaction((tx) => nameOf(tx, { key: 'once-a' }));
    expect(builds).toBe(1);
  });

  it('runs in the caller’s transaction: sees its write, keeps nothing after a rollback', async () => {
    const identity: Identity = { platform: 'slack', workspace: 'T0ONCE', externalId: 'U0ONCE' };
    let inside: string | undefined;
    await database.db
      .transaction(async (tx) => {
        await createPersonWithIdentity(tx, { key: 'once-tx', name: 'In Transaction', identity });
        inside = (await findAsker(tx, { identity, channel: null }))?.person.name;
        tx.rollback();
      })
      .catch(() => null);
    expect(inside).toBe('In Transaction');
    expect(await findAsker(database.db, { identity, channel: null })).toBeNull();
  });

  it('gives the same rows as the statement built at each call, for any key', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('once-a', 'once-b', 'nobody', "o'brien", ''),
        async (key) => {
          const built = await database.db
            .select({ name: people.name })
            .from(people)
            .where(eq(people.key, key));
          expect(await nameOf(database.db, { key })).toEqual(built);
        },
      ),
      { numRuns: 20 },
    );
  });
});
