import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** DESIGN.md: imports go bot → dialogues → store, and only bot/ touches platform SDKs. */
const platformPackages = /^(@slack\/|botbuilder|@microsoft\/|node-cron|express)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'migrations' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)];
  return found.map((m) => m[1]!);
}

function violations(layer: string, forbidden: (specifier: string, file: string) => boolean) {
  return sourceFiles(layer).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden(specifier, file))
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

const reaches = (specifier: string, file: string, top: string) =>
  specifier.startsWith('.') &&
  path.resolve(path.dirname(file), specifier).startsWith(path.resolve(top) + path.sep);

describe('layers', () => {
  it('dialogues/ imports no platform SDK and nothing in bot/', () => {
    expect(
      violations('dialogues', (s, f) => platformPackages.test(s) || reaches(s, f, 'bot')),
    ).toEqual([]);
  });

  it('store/ imports no platform SDK, nothing in dialogues/ or bot/', () => {
    expect(
      violations(
        'store',
        (s, f) => platformPackages.test(s) || reaches(s, f, 'bot') || reaches(s, f, 'dialogues'),
      ),
    ).toEqual([]);
  });

  it('dialogues/ draws pictures as SVG and leaves rasterising to bot/', () => {
    expect(violations('dialogues', (s) => s.startsWith('@resvg/'))).toEqual([]);
  });

  it('scripts/ imports anything but test/ (benchmarks share their fakes from scripts/bench/support)', () => {
    expect(violations('scripts', (s, f) => reaches(s, f, 'test'))).toEqual([]);
  });

  it('the check itself sees a forbidden import', () => {
    expect(reaches('../../bot/x.js', 'dialogues/setup/y.ts', 'bot')).toBe(true);
    expect(platformPackages.test('@slack/bolt')).toBe(true);
  });
});
