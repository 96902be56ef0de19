import type postgres from 'postgres';
import { named } from './named-statements.js';

type Sql = postgres.Sql;
type TransactionSql = postgres.TransactionSql;
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
interface LazySql {
  unsafe: Sql['unsafe'];
  savepoint: TransactionSql['savepoint'];
}

/**
 * postgres.js's `begin`, started only when it matters. Every request runs in a transaction
 * (its changes are stored whole or not at all), but most requests only read: for them BEGIN
 * and COMMIT were two of three round trips, and on a busy server each costs more than the
 * reads. Here plain reads run on the pool as they come; the first statement that is not one
 * starts postgres.js's own transaction, and it and every later statement run inside it. A
 * transaction that never wrote sends neither BEGIN nor COMMIT.
 *
 * The transaction itself is postgres.js's, untouched: its connection handling (a connection
 * lost mid-transaction fails it), COMMIT, ROLLBACK, savepoints, and a failed statement the
 * caller swallowed failing the whole transaction.
 */
export function beginWhenWriting(client: Sql) {
  // postgres.js's own, taken before the caller puts this one in its place.
  const own = client.begin;
  const begin: Begin = (fn) => (own as unknown as Begin).call(client, fn);
  return async function lazyBegin<T>(fn: (sql: LazySql) => Promise<T>): Promise<T> {
    const transaction = lazyTransaction(begin);
    const unsafe = (statement: string, params?: Params, asked?: Options) => {
      const options = named(asked);
      return !transaction.started() && isPlainRead(statement)
        ? client.unsafe(statement, params, options)
        : later(async (asValues) => {
            const query = (await transaction.start()).unsafe(statement, params, options);
            return asValues ? query.values() : query;
          });
    };
    const savepoint = async (inner: (tx: TransactionSql) => Promise<unknown>) =>
      (await transaction.start()).savepoint(inner);
    const sql = {
      unsafe: unsafe as Sql['unsafe'],
      savepoint: savepoint as unknown as TransactionSql['savepoint'],
    };
    let result: T;
    try {
      result = await fn(sql);
    } catch (error) {
      await transaction.end({ ok: false, error }).catch(() => {});
      throw error;
    }
    await transaction.end({ ok: true });
    return result;
  };
}

type Begin = (fn: (tx: TransactionSql) => Promise<void>) => Promise<void>;
type Ending = { ok: true } | { ok: false; error: unknown };

/** A postgres.js transaction begun on first use, held open until `end` says how it ends. */
function lazyTransaction(begin: Begin) {
  let started: Promise<TransactionSql> | null = null;
  let finished: Promise<void> = Promise.resolve();
  let end: (ending: Ending) => void = () => {};
  let failure: { error: unknown } | null = null;
  return {
    started: () => started !== null,
    /**
     * The transaction, begun if it was not. Once it has failed (its connection was lost), no
     * statement goes to it any more: postgres.js may have given that connection a new socket,
     * where a statement would run outside any transaction.
     */
    async start(): Promise<TransactionSql> {
      if (failure) throw failure.error;
      started ??= new Promise<TransactionSql>((resolve, reject) => {
        const ending = new Promise<Ending>((settle) => {
          end = settle;
        });
        finished = begin(async (tx) => {
          resolve(tx);
          const how = await ending;
          if (!how.ok) throw how.error;
        });
        finished.catch((error: unknown) => {
          failure = { error };
          reject(error);
        });
      });
      const tx = await started;
      if (failure) throw (failure as { error: unknown }).error;
      return tx;
    },
    /**
     * Commits (or rolls back) what was begun; resolves at once when nothing was. A transaction
     * whose connection was lost is left as it is: the server has rolled it back, and a ROLLBACK
     * sent on the lost connection would go to a socket postgres.js no longer has.
     */
    end(ending: Ending): Promise<void> {
      if (!failure) end(ending);
      return finished;
    },
  };
}

/**
 * A statement to run once its transaction has begun, shaped as postgres.js's own pending
 * query as far as drizzle uses one (awaited, or `.values()` then awaited), run at most once.
 * drizzle asks for `.values()` as soon as it has the query, before anything runs.
 */
function later(issue: (asValues: boolean) => Promise<unknown>) {
  let asValues = false;
  let running: Promise<unknown> | null = null;
  const go = () => {
    running ??= issue(asValues);
    return running;
  };
  const pending = {
    values() {
      asValues = true;
      return pending;
    },
    // biome-ignore lint/suspicious/noThenProperty: a thenable, as postgres.js's queries are.
    then: (onDone?: (value: unknown) => unknown, onFailed?: (error: unknown) => unknown) =>
      go().then(onDone, onFailed),
    catch: (onFailed: (error: unknown) => unknown) => go().catch(onFailed),
    finally: (onEnd: () => void) => go().finally(onEnd),
  };
  return pending;
}
