import { isWord } from '../commands/words.js';
import { looksLikeDate, looksLikeTime } from './deadline.js';

/** One `--option` a start command knows, by its names (matched as words.ts matches words). */
export interface OptionSpec {
  names: string[];
  takesValue: boolean;
}

export type StartArgs =
  | {
      ok: true;
      topic: string;
      /** The deadline words as typed (`2026-12-01` or `2026-12-01 15:00`), or null. */
      deadline: string | null;
      options: Map<string, string | true>;
    }
  | { ok: false; problem: 'unknown-option' | 'missing-value'; option: string };

/**
 * `Vår vardag 2026-12-01 --votes 5 --max 3` → topic, deadline words and options, keyed by the
 * first name of each option. A topic may be quoted or not; the deadline is whatever date (and
 * time) ends the words.
 */
export function readStartArgs(args: string[], known: OptionSpec[]): StartArgs {
  const options = new Map<string, string | true>();
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (!token.startsWith('--') || token.length < 3) {
      words.push(token);
      continue;
    }
    const [rawName = '', inlineValue] = token.slice(2).split('=', 2);
    const spec = known.find((o) => isWord(rawName, o.names));
    if (!spec) return { ok: false, problem: 'unknown-option', option: token };
    const key = spec.names[0]!;
    if (!spec.takesValue) {
      options.set(key, true);
      continue;
    }
    const value = inlineValue ?? args[i + 1];
    if (value === undefined || value === '') {
      return { ok: false, problem: 'missing-value', option: token };
    }
    if (inlineValue === undefined) i++;
    options.set(key, value);
  }
  return { ok: true, ...splitDeadline(words), options };
}

function splitDeadline(words: string[]): { topic: string; deadline: string | null } {
  const last = words.at(-1);
  const beforeLast = words.at(-2);
  if (last && beforeLast && looksLikeTime(last) && looksLikeDate(beforeLast)) {
    return { topic: words.slice(0, -2).join(' '), deadline: `${beforeLast} ${last}` };
  }
  if (last && looksLikeDate(last)) {
    return { topic: words.slice(0, -1).join(' '), deadline: last };
  }
  return { topic: words.join(' '), deadline: null };
}
