import { describeError } from './describe-error.js';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Fields = Record<string, unknown>;
export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

/**
 * One line per event: `2026-11-23T08:00:00.000Z INFO message key=value`. Callers pass ids
 * and counts, never free text a person wrote (it may hold a personnummer) and never secrets.
 */
export function createLogger(
  minimum: Level = 'info',
  write = (line: string) => console.log(line),
): Logger {
  const emit = (level: Level) => (message: string, fields?: Fields) => {
    if (order[level] < order[minimum]) return;
    write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${format(fields)}`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

function format(fields: Fields | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .map(([key, value]) => ` ${key}=${show(value)}`)
    .join('');
}

function show(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(describeError(value));
  if (typeof value === 'string') return /^[\w.:/@-]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}
