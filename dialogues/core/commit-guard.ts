/**
 * Whether a request's work may still commit. The channel closes it once it has told the person
 * that nothing was saved (too slow, database out of reach); work about to commit claims it
 * first. Whichever comes first wins, so what the person hears is always true:
 * - closed first: the work rolls back instead of committing (a late write never lands after
 *   "nothing was saved");
 * - claimed first: the commit goes ahead and the channel waits for its result instead of
 *   answering "nothing was saved" (a reflection answer's group commit, the request's COMMIT).
 */
export interface CommitGuard {
  /** Not closed: still open, or claimed for a commit. */
  readonly open: boolean;
  /** Closes an open guard; false when a commit has claimed it already (then wait for it). */
  close(): boolean;
  /** Claims the guard for a commit; false when it was closed (then do not commit). */
  claim(): boolean;
}

export function createCommitGuard(): CommitGuard {
  let state: 'open' | 'claimed' | 'closed' = 'open';
  return {
    get open() {
      return state !== 'closed';
    },
    close() {
      if (state === 'claimed') return false;
      state = 'closed';
      return true;
    },
    claim() {
      if (state === 'closed') return false;
      state = 'claimed';
      return true;
    },
  };
}

/** Thrown inside the transaction when its guard closed first: the work is rolled back. */
export class TooLate extends Error {
  constructor() {
    super('the answer went out before the commit; rolled back');
    this.name = 'TooLate';
  }
}
