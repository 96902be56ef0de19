import { randomInt } from 'node:crypto';
import type { Database } from './database.js';
import {
  type AnswerResult,
  type AnswerToStore,
  storeAnswers,
} from './queries/reflection-answers.js';

/**
 * Writes reflection answers in group commits: answers sent while a write is under way wait
 * for it, then go together, in random order, in one transaction. Each person hears "stored"
 * only after the commit that holds their answer. Two things come of it:
 * - a database administrator watching live sees a batch's answers and participation rows share
 *   one transaction id and one commit, so an answer links to "one of these people", not to one
 *   person (alone at a quiet moment a batch holds one person: docs/PRIVACY.md says so);
 * - many people answering at once cost one commit, not one each (`npm run bench -- reflection`).
 *
 * It runs on its own connection (the pool's connections may all be held by requests that are
 * waiting for it). On the embedded database there is one connection and no concurrency to
 * gain from: answers are written in the request's own transaction there (no writer).
 */
export interface AnswerWriter {
  /**
   * Stores one answer with the next batch. `stillWanted` is asked just before the batch is
   * written: a request already answered "nothing was saved" withdraws its answer.
   */
  store(answer: AnswerToStore, stillWanted?: () => boolean): Promise<AnswerResult>;
  /** Writes what is waiting, then refuses more. */
  close(): Promise<void>;
}

/** Thrown to a request whose answer was withdrawn before its batch was written. */
export class AnswerWithdrawn extends Error {
  constructor() {
    super('the answer was withdrawn before its batch was written');
    this.name = 'AnswerWithdrawn';
  }
}

interface Waiting {
  answer: AnswerToStore;
  stillWanted: () => boolean;
  resolve: (result: AnswerResult) => void;
  reject: (error: unknown) => void;
}

export interface AnswerWriterOptions {
  /** Most answers in one statement; more wait for the next. */
  maxBatch?: number;
}

export function createAnswerWriter(db: Database, options: AnswerWriterOptions = {}): AnswerWriter {
  const maxBatch = options.maxBatch ?? 200;
  let queue: Waiting[] = [];
  let writing: Promise<void> | null = null;
  let closed = false;

  const drain = async () => {
    while (queue.length > 0) {
      const batch = takeBatch(queue, maxBatch);
      queue = batch.rest;
      await writeBatch(db, batch.taken);
    }
  };
  const kick = () => {
    writing ??= drain().finally(() => {
      writing = null;
      if (queue.length > 0) kick();
    });
  };

  return {
    store(answer, stillWanted = () => true) {
      if (closed) return Promise.reject(new Error('the answer writer is closed'));
      return new Promise<AnswerResult>((resolve, reject) => {
        queue.push({ answer, stillWanted, resolve, reject });
        kick();
      });
    },
    async close() {
      closed = true;
      while (writing) await writing;
    },
  };
}

/**
 * Up to `max` waiting answers, each (round, person) once: a second answer by the same person
 * (a double click) waits for the next batch, where it finds the first and is refused.
 */
function takeBatch(queue: Waiting[], max: number): { taken: Waiting[]; rest: Waiting[] } {
  const taken: Waiting[] = [];
  const rest: Waiting[] = [];
  const seen = new Set<string>();
  for (const waiting of queue) {
    const key = `${waiting.answer.roundId}:${waiting.answer.personId}`;
    if (taken.length >= max || seen.has(key)) rest.push(waiting);
    else {
      seen.add(key);
      taken.push(waiting);
    }
  }
  return { taken, rest };
}

async function writeBatch(db: Database, batch: Waiting[]): Promise<void> {
  const wanted: Waiting[] = [];
  for (const waiting of batch) {
    if (waiting.stillWanted()) wanted.push(waiting);
    else waiting.reject(new AnswerWithdrawn());
  }
  if (wanted.length === 0) return;
  shuffle(wanted);
  try {
    // One statement: its own transaction, one round trip.
    const results = await storeAnswers(
      db,
      wanted.map((w) => w.answer),
    );
    for (const [i, waiting] of wanted.entries()) waiting.resolve(results[i] ?? 'closed');
  } catch (error) {
    if (wanted.length === 1) {
      wanted[0]?.reject(error);
      return;
    }
    // One answer the database refuses must not fail the others: each on its own.
    for (const waiting of wanted) await writeBatch(db, [waiting]);
  }
}

/** Fisher–Yates with the system's random source: the written order says nothing. */
function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
