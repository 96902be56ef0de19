import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Helpers every feature needs exist once (issue 19: "no feature-level copies remain outside
 * test/"). Each rule names a pattern that only its home may contain; a copy anywhere else in
 * dialogues/ or bot/ fails here with its file and line.
 */
interface Rule {
  what: string;
  pattern: RegExp;
  homes: string[];
}

const rules: Rule[] = [
  {
    what: "the whole-form error key ('_form'): use FORM_ERROR_KEY or formError()",
    pattern: /['"`]_form['"`]|[{,]\s*_form\s*:/,
    homes: ['dialogues/view.ts'],
  },
  { what: 'FORM_ERROR_KEY', pattern: /\bFORM_ERROR_KEY\s*=/, homes: ['dialogues/view.ts'] },
  {
    what: 'the uuid pattern: use isUuid / uuidRanges',
    pattern: /\[0-9a-f\]\{8\}-/i,
    homes: ['dialogues/core/ids.ts'],
  },
  {
    what: 'single()',
    pattern: /\b(const|let|var|function)\s+single\b/,
    homes: ['dialogues/core/form-values.ts'],
  },
  {
    what: 'isChecked()',
    pattern: /\b(const|let|var|function)\s+isChecked\b/,
    homes: ['dialogues/core/form-values.ts'],
  },
  {
    what: 'the "anonymous" box: use anonymousInput / askedAnonymity',
    pattern: /['"`]anonymous['"`]|values\.anonymous\b/,
    homes: ['dialogues/core/form-values.ts'],
  },
  {
    what: "a command's usage()",
    pattern: /\b(const|let|function)\s+usage\b/,
    homes: ['dialogues/core/usage.ts'],
  },
  {
    what: 'the action text limit',
    pattern: /\bACTION(_TEXT)?_MAX\s*=/,
    homes: ['dialogues/follow-up/new-action.ts'],
  },
  {
    what: 'creating an action (and telling its owner)',
    pattern: /\bcreateAction\(/,
    homes: ['dialogues/follow-up/new-action.ts'],
  },
  {
    what: "a dialogue's board update and reply",
    pattern: /\b(function|const)\s+(withUpdate|boardUpdate)\b/,
    homes: ['dialogues/dialogue/dialogue-kit.ts'],
  },
  {
    what: 'folding accents off typed words and names: use foldWord / isWord / slugOf',
    pattern: /normalize\('NFK?D'\)/,
    homes: ['dialogues/commands/words.ts'],
  },
  {
    what: 'loading and checking a dialogue by id',
    pattern: /\b(loadDialogue|checkDialogue)\(/,
    homes: [
      'dialogues/dialogue/dialogue-kit.ts',
      'dialogues/dialogue/load-dialogue.ts',
      'dialogues/dialogue/check-dialogue.ts',
    ],
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(full) ? [full] : [];
  });
}

const files = ['dialogues', 'bot'].flatMap(sourceFiles).map((file) => ({
  file: file.split(path.sep).join('/'),
  lines: readFileSync(file, 'utf8').split('\n'),
}));

function copiesOf(rule: Rule): string[] {
  return files
    .filter(({ file }) => !rule.homes.includes(file))
    .flatMap(({ file, lines }) =>
      lines.flatMap((line, i) =>
        rule.pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
      ),
    );
}

describe('one of each', () => {
  for (const rule of rules) {
    it(`${rule.what} lives in ${rule.homes[0]} only`, () => {
      expect(copiesOf(rule)).toEqual([]);
      // The home still holds it: a rule whose home lost it checks nothing.
      const home = files.filter(({ file }) => rule.homes.includes(file));
      expect(home.some(({ lines }) => lines.some((l) => rule.pattern.test(l)))).toBe(true);
    });
  }

  it('the checks themselves see the copies they are for', () => {
    const sees = (what: string, line: string) =>
      rules.find((r) => r.what.startsWith(what))!.pattern.test(line);
    expect(sees('the whole-form', 'return formErrors({ _form: t.common.staleButton });')).toBe(
      true,
    );
    expect(sees('the whole-form', "const first = keys.find((id) => id !== '_form');")).toBe(true);
    expect(sees('the uuid', 'const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-/i;')).toBe(true);
    expect(sees('single', 'const single = (value: string | string[]) =>')).toBe(true);
    expect(sees('the "anonymous"', 'const anonymous = isChecked(request.values.anonymous);')).toBe(
      true,
    );
    expect(sees('isChecked', 'const isChecked = (value: FormValue): boolean =>')).toBe(true);
    expect(sees("a command's", 'function usage({ actor }: CommandRequest): Outcome {')).toBe(true);
    expect(sees('the action text', 'export const ACTION_MAX = 280;')).toBe(true);
    expect(sees('creating an action', 'await createAction(tx, values);')).toBe(true);
    expect(sees("a dialogue's", 'export async function withUpdate(')).toBe(true);
  });
});
