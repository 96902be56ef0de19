/**
 * Whether a request's transaction may still commit. The channel closes it once it has told
 * the person that nothing was saved (too slow, database out of reach); the transaction checks
 * it just before COMMIT and rolls back instead, so a late write never lands after that answer.
 */
export interface CommitGuard {
  readonly open: boolean;
  close(): void;
}

export function createCommitGuard(): CommitGuard {
  let open = true;
  return {
    get open() {
      return open;
    },
    close() {
      open = false;
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
