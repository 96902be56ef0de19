import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and measurement inside one inbound request knows about it. */
export interface RequestScope {
  requestId: string;
  /** performance.now() when the request arrived, for the ack and reply latencies. */
  startedAt: number;
}

/**
 * The request a piece of work belongs to, carried through awaits, Bolt's listeners and the
 * Teams adapter's turn without passing it along by hand: every log line written inside a
 * request gets its id (the log's mixin reads it), as a child logger per request would.
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();

export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;
