import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The default language and time zone live in dialogues/core/defaults.ts and reach the code as
 * the org's settings (LANG_DEFAULT, TZ_DEFAULT); no tick or board falls back to a literal of
 * its own. Texts may name the zone (help shows an example).
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return full === path.join('dialogues', 'texts') ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const literalDefault = /'Europe\/Stockholm'|\?\?\s*'sv'|\.default\('sv'\)/;

describe('defaults in one place', () => {
  it('leaves no literal default language or time zone in dialogues/ and bot/', () => {
    const found = ['dialogues', 'bot']
      .flatMap(sourceFiles)
      .filter((file) => !file.endsWith(path.join('core', 'defaults.ts')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
          .filter(({ line }) => literalDefault.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });

  it('the check itself sees a fallback', () => {
    expect(literalDefault.test("const lang = person.lang ?? 'sv';")).toBe(true);
    expect(literalDefault.test("timeZone: unit?.timezone ?? 'Europe/Stockholm',")).toBe(true);
  });
});
