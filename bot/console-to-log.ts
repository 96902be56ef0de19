import { describeError } from './describe-error.js';
import type { Logger } from './log.js';

const MAX_CHARS = 200;

/**
 * Libraries that write to the console themselves (botbuilder's CloudAdapter prints a refused
 * token's whole error with `console.error`) write through the one logger instead: one JSON
 * line, the first argument only, an error as describeError tells it, cut at 200 characters.
 * Production only (bot/main.ts): tests read their own captured log.
 */
export function routeConsoleTo(log: Logger): void {
  const line = (args: unknown[]) => {
    const first = args[0];
    const text = first instanceof Error ? describeError(first) : String(first);
    return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
  };
  console.log = (...args: unknown[]) => log.info(line(args), { source: 'console' });
  console.info = console.log;
  console.debug = (...args: unknown[]) => log.debug(line(args), { source: 'console' });
  console.warn = (...args: unknown[]) => log.warn(line(args), { source: 'console' });
  console.error = (...args: unknown[]) => log.error(line(args), { source: 'console' });
}
