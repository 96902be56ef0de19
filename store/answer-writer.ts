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
   * Stores one answer with the next batch. `claim` is asked just before the batch is written:
   * true commits to writing it (the request then waits for the result whatever the time),
   * false withdraws it (the request was already answered "nothing was saved").
   */
  store(answer: AnswerToStore, claim?: () => boolean): Promise<AnswerResult>;
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
  claim: () => boolean;
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
    store(answer, claim = () => true) {
      if (closed) return Promise.reject(new Error('the answer writer is closed'));
      if (!storable(answer.text)) return Promise.reject(new UnstorableText());
      return new Promise<AnswerResult>((resolve, reject) => {
        queue.push({ answer, claim, resolve, reject });
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

/**
 * One statement for the batch. When it fails, every answer in it fails (nothing was stored, and
 * each person is told so and may send again): writing them one by one instead would give each
 * its own transaction id, next to its author's participation row, which is the very link the
 * batch hides. What the database would refuse for one answer alone is refused before it joins.
 */
async function writeBatch(db: Database, batch: Waiting[]): Promise<void> {
  const claimed: Waiting[] = [];
  for (const waiting of batch) {
    if (waiting.claim()) claimed.push(waiting);
    else waiting.reject(new AnswerWithdrawn());
  }
  if (claimed.length === 0) return;
  shuffle(claimed);
  try {
    // One statement: its own transaction, one round trip.
    const results = await storeAnswers(
      db,
      claimed.map((w) => w.answer),
    );
    for (const [i, waiting] of claimed.entries()) waiting.resolve(results[i] ?? 'closed');
  } catch (error) {
    for (const waiting of claimed) waiting.reject(error);
  }
}

/** Thrown for a text PostgreSQL cannot hold (a NUL character, half a surrogate pair). */
export class UnstorableText extends Error {
  constructor() {
    super('the text holds a character the database cannot store');
    this.name = 'UnstorableText';
  }
}

/** Whether PostgreSQL's text (and jsonb) can hold the text. */
export function storable(text: string | null): boolean {
  return text === null || (!text.includes('\u0000') && !LONE_SURROGATE.test(text));
}

/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Fisher–Yates with the system's random source: the written order says nothing. */
function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
