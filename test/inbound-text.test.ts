import { DrizzleQueryError } from 'drizzle-orm/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeError, statementName } from '../bot/describe-error.js';
import { cleanInPlace, cleanText, hasUnwanted } from '../bot/http/clean-text.js';

// The rules at the inbound boundary and in the log, for every input: text leaves the boundary
// without control characters (and is otherwise untouched), and an error's description never
// carries the values that went into the query.
/** C0 controls but tab, newline and carriage return; DEL; C1. */
const isControl = (c: number) =>
  c < 9 || c === 11 || c === 12 || (c >= 14 && c <= 31) || (c >= 127 && c <= 159);

const anyText = fc.string({ unit: 'binary', maxLength: 200 });

describe('cleaning text where it enters', () => {
  it('leaves no control character or lone surrogate, and cleaning twice changes nothing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = cleanText(text);
        expect(hasUnwanted(clean)).toBe(false);
        expect(cleanText(clean)).toBe(clean);
      }),
    );
  });

  it('keeps text that has nothing unwanted exactly as it was (tabs, newlines, å, emoji)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        const plain = [...text].filter((ch) => !isControl(ch.codePointAt(0)!)).join('');
        expect(cleanText(plain)).toBe(plain);
      }),
    );
    expect(cleanText('Hej\tdå\r\nÅsa 👋🏽')).toBe('Hej\tdå\r\nÅsa 👋🏽');
    expect(cleanText('a\u0000b\u0007c\u001bd\ud800e')).toBe('abcde');
  });

  it('cleans keys and values at any depth, in place', () => {
    const body = { 'a\u0000': ['x\u0000', { y: 'z\u0001' }], n: 1 };
    const same = cleanInPlace(body);
    expect(same).toBe(body);
    expect(body).toEqual({ a: ['x', { y: 'z' }], n: 1 });
  });
});

describe('describing an error for the log', () => {
  it('names the statement and code of a failed query, never its parameters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 60 }), (secret) => {
        const query = 'insert into "local_messages" ("view") values ($1)';
        const cause = Object.assign(new Error(`invalid input syntax for type uuid: "${secret}"`), {
          code: '22P02',
          severity: 'ERROR',
        });
        const described = describeError(new DrizzleQueryError(query, [secret], cause));
        expect(described).toBe('DatabaseError: insert local_messages code=22P02');
        // A driver's own error quotes the value in its message: only its code is told.
        expect(describeError(cause)).toBe('DatabaseError: code=22P02');
      }),
    );
  });

  it('names statements by verb and first table', () => {
    expect(statementName('select "people"."id" from "people" where ...')).toBe('select people');
    expect(statementName('update "units" set "name" = $1')).toBe('update units');
    expect(statementName('delete from "outbox" where')).toBe('delete outbox');
    expect(statementName('begin')).toBe('begin');
  });
});
