import { createCommitGuard } from './commit-guard.js';
import type { Inbound } from './inbound.js';
import { formError, type Outcome, privately } from './outcome.js';

/** What the handler does with a guard and an idempotency key (see handle-inbound). */
export type GuardedHandle<R extends Outcome> = (options: {
  guard: ReturnType<typeof createCommitGuard>;
}) => Promise<R>;

export interface Timing {
  /**
   * Time from the request to the person's answer: Slack wants a submission answered within
   * 3 s, and everyone deserves to hear within that that something failed.
   */
  budgetMs: number;
  /** Bounded check whether the database answers at all (false after `withinMs`). */
  reachable(withinMs: number): Promise<boolean>;
}

export interface Late<R> {
  /** The answer given instead of the result. */
  answer: Outcome & { failure: string };
  /** The work that did not finish in time; rolled back if it ever reaches its commit. */
  work: Promise<R>;
}

/** Part of the budget kept for COMMIT itself: work still running then is not committed. */
const COMMIT_MARGIN_MS = 500;

/**
 * Runs `handle` so that the person hears within the budget, and what they hear is true:
 * - a form submission still running when the commit window closes is not committed, and the
 *   form says "that took too long – nothing was saved" (it stays open to try again);
 * - a command or click still running then is left to finish if the database answers (it is
 *   just slow); if it does not, the person is told so and the work will not commit.
 * The answer is what the handler returned whenever it came back in time.
 */
export async function answerInTime<R extends Outcome>(
  inbound: Inbound,
  /** The words, in the person's language as far as it is known by then. */
  t: () => { tooSlow: string; noDatabase: string },
  timing: Timing,
  handle: GuardedHandle<R>,
  onLate: (late: Late<R>) => void,
): Promise<R | (Outcome & { failure: string })> {
  const guard = createCommitGuard();
  const work = handle({ guard });
  const windowMs = Math.max(0, timing.budgetMs - COMMIT_MARGIN_MS);
  const first = await raceTimer(work, windowMs);
  if (first.done) return first.value;
  if (inbound.kind === 'submit') {
    // Already committing (claimed): its outcome is what the person hears, however long.
    if (!guard.close()) return work;
    const second = await raceTimer(work, COMMIT_MARGIN_MS);
    if (second.done) return second.value;
    const answer = { ...formError(t().tooSlow), failure: 'submission past its budget' };
    onLate({ answer, work });
    return answer;
  }
  const alive = await timing.reachable(COMMIT_MARGIN_MS);
  if (alive || !guard.close()) return work;
  const answer = { ...privateNote(t().noDatabase), failure: 'database out of reach' };
  onLate({ answer, work });
  return answer;
}

function privateNote(text: string): Outcome {
  return privately({ summary: text, blocks: [{ type: 'text', text }] });
}

type Raced<T> = { done: true; value: T } | { done: false };

async function raceTimer<T>(work: Promise<T>, ms: number): Promise<Raced<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Raced<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
