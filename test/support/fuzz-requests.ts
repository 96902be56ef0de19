import fc from 'fast-check';
import { slackSignature } from '../../scripts/bench/support/slack-requests.js';

/** One HTTP request the fuzz suite sends: method, path, headers and a raw body. */
export interface FuzzRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Text with what breaks parsers and databases: NUL and other controls, lone surrogates. */
export const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\u0007\u001b[31m', '\ud800', 'x'.repeat(5_000), ''),
  fc.constantFrom("'; drop table people; --", '{{constructor}}', '__proto__', '%00', '../..'),
);

/** Any JSON-ish value, wrong types included. */
export const anyValue = fc.oneof(
  nastyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyText, { maxLength: 3 }),
  fc.dictionary(nastyText, nastyText, { maxKeys: 3 }),
);

/** A body that is not valid JSON, or JSON of the wrong shape, or too big. */
export const brokenJson = fc.oneof(
  fc.string({ maxLength: 60 }).map((s) => `{${s}`),
  fc.constantFrom('', 'null', '[]', '"text"', '42', '{"a":', '\u0000', '{"__proto__":{"x":1}}'),
  fc.json({ maxDepth: 3 }),
  fc.constant(`{"text":"${'x'.repeat(2_100_000)}"}`),
);

/** An object with the named fields set to anything, others sometimes left out. */
export function looseObject(fields: Record<string, fc.Arbitrary<unknown>>) {
  return fc.record(fields, { requiredKeys: [] });
}

export function json(body: unknown): string {
  return JSON.stringify(body);
}

/** Slack's signature headers for a body, valid for `secret` now. */
export function slackSigned(secret: string, body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': slackSignature(secret, timestamp, body),
  };
}

export const CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/json; charset=latin1',
  'multipart/form-data; boundary=x',
  '',
];
