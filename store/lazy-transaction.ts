import type postgres from 'postgres';

type Sql = postgres.Sql;
type Params = Parameters<Sql['unsafe']>[1];
type Options = Parameters<Sql['unsafe']>[2];

/**
 * A statement that only reads, and may run before BEGIN with the same effect as after it:
 * under READ COMMITTED (PostgreSQL's default, and Tillit's) every statement inside a
 * transaction takes a snapshot of its own anyway. Whatever locks rows, takes a transaction's
 * advisory lock, sets a setting, draws from a sequence, notifies or may write (a CTE) is not
 * one: it begins the transaction.
 */
const PLAIN_READ = /^\s*select\b/i;
const NOT_PLAIN =
  /\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b|advisory|set_config|nextval|setval|notify/i;
export const isPlainRead = (statement: string): boolean =>
  PLAIN_READ.test(statement) && !NOT_PLAIN.test(statement);

/** The part of postgres.js a drizzle transaction uses: statements, and savepoints for nesting. */
interface TransactionSql {
  unsafe: Sql['unsafe'];
  savepoint<T>(fn: (sql: TransactionSql) => Promise<T>): Promise<T>;
}

/**
 * postgres.js's `begin`, with BEGIN sent only when it matters. Every request runs in a
 * transaction (its changes are stored whole or not at all), but most requests only read: for
 * them BEGIN and COMMIT were two of three round trips, and on a busy server each costs more
 * than the reads. Here plain reads run on the reserved connection as they come; the first
 * statement that is not one goes out together with BEGIN in one write (pipelined), and only
 * then does the transaction need its COMMIT. A transaction that never wrote ends with nothing.
 *
 * A failed statement aborts the transaction on the server, which then answers COMMIT with
 * ROLLBACK: that is reported as an error here, never as a success.
 */
export function beginWhenWriting(client: Sql) {
  return async function begin<T>(fn: (sql: TransactionSql) => Promise<T>): Promise<T> {
    const connection = await client.reserve();
    let began = false;
    let savepoints = 0;
    const ensureBegun = () => {
      if (began) return;
      began = true;
      // Not awaited: it is written with the statement that follows, in the same write.
      connection.unsafe('begin').catch(() => {});
    };
    const sql: TransactionSql = {
      unsafe: ((statement: string, params?: Params, options?: Options) => {
        if (!isPlainRead(statement)) ensureBegun();
        return connection.unsafe(statement, params, options);
      }) as Sql['unsafe'],
      async savepoint(inner) {
        ensureBegun();
        const name = `s${savepoints++}`;
        await connection.unsafe(`savepoint ${name}`);
        // Kept, not released, when the work succeeds (as postgres.js does): nested transactions
        // may run side by side (summary statements do), and releasing one would release the
        // savepoints made after it.
        try {
          return await inner(sql);
        } catch (error) {
          await connection.unsafe(`rollback to savepoint ${name}`);
          throw error;
        }
      },
    };
    try {
      const result = await fn(sql);
      if (began) await commit(connection);
      return result;
    } catch (error) {
      if (began) await connection.unsafe('rollback').catch(() => {});
      throw error;
    } finally {
      connection.release();
    }
  };
}

async function commit(connection: postgres.ReservedSql) {
  const done = await connection.unsafe('commit');
  if (done.command === 'ROLLBACK') {
    throw new Error('the transaction was aborted by an earlier error; nothing was committed');
  }
}
