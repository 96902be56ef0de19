import { createRequire } from 'node:module';
import { type DestinationStream, pino } from 'pino';
import { describeError } from './describe-error.js';
import { currentRequestId } from './request-scope.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

export type Fields = Record<string, unknown>;
export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

/**
 * Fields that may hold a secret or someone's words, wherever a caller or a library puts them.
 * Callers pass ids and counts; this is the net under them. One level of nesting is covered.
 */
const REDACTED = [
  'text',
  'token',
  'botToken',
  'appToken',
  'password',
  'secret',
  'signingSecret',
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  '*.text',
  '*.token',
  '*.password',
  '*.secret',
  '*.authorization',
];

/**
 * The one log format: JSON lines (pino) with `time`, `level`, `msg`, the fields, and the id
 * of the request the line belongs to; pretty when a person reads it on a terminal. `write`
 * takes each JSON line instead of standard output (tests).
 */
export function createLogger(minimum: Level = 'info', write?: (line: string) => void): Logger {
  const logger = pino(
    {
      level: minimum,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: { paths: REDACTED, censor: '[redacted]' },
    },
    destination(write),
  );
  const emit = (level: Level) => (message: string, fields?: Fields) => {
    if (fields) logger[level](safe(fields), message);
    else logger[level](message);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

function destination(write: ((line: string) => void) | undefined): DestinationStream {
  if (write) return { write: (line: string) => write(line.trimEnd()) };
  if (process.stdout.isTTY && process.env.NODE_ENV !== 'production') return pretty();
  // Synchronous: a line logged just before process.exit is still written.
  return pino.destination({ dest: 1, sync: true });
}

/** pino-pretty in this thread (no worker), loaded only when a person watches. */
function pretty(): DestinationStream {
  const require = createRequire(import.meta.url);
  const build = require('pino-pretty') as (options: object) => DestinationStream;
  return build({
    colorize: true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
}

/** An error anywhere in the fields is told as describeError tells it: never SQL parameters. */
function safe(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? describeError(value) : value;
  }
  return out;
}
