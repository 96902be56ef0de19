import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseOrgFile } from '../dialogues/setup/org-file.js';
import type { DatabaseHandle } from '../store/database.js';
import { appDatabaseTarget } from '../store/open-app-database.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { findPersonByIdentity, findPersonByKey } from '../store/queries/people.js';
import { channelLinks, identities, memberships, people, units } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

const EXAMPLE = path.resolve('test/fixtures/org.yaml');
const exampleText = readFileSync(EXAMPLE, 'utf8');

let handle: DatabaseHandle;
beforeAll(async () => {
  // The script's first run creates its own embedded database, the slowest step in this file:
  // it runs in another process while the in-process tests run here.
  await prepareScriptDatabase();
  writeFileSync(goodFile(), SMALL_YAML);
  firstScriptRun = runScript(goodFile());
  handle = await openTestDatabase();
});
afterAll(async () => {
  await firstScriptRun;
  await handle?.close();
  await dropScriptDatabase();
  rmSync(scriptWork, { recursive: true, force: true });
});

const scriptWork = mkdtempSync(path.join(tmpdir(), 'tillit-import-'));
const goodFile = () => path.join(scriptWork, 'good.yaml');
let firstScriptRun: Promise<ScriptResult>;
let scriptDatabaseUrl = '';
let dropScriptDatabase = async () => {};

/** With TEST_DATABASE_URL, the script gets a database of its own, as openTestDatabase makes. */
async function prepareScriptDatabase() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  const name = `tillit_script_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  scriptDatabaseUrl = url.toString();
  dropScriptDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

type ScriptResult = { code: number | null; stdout: string; stderr: string };

/** `npx tsx scripts/import-org.ts FILE`, through the local tsx binary (no npx start-up). */
function runScript(file: string): Promise<ScriptResult> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/import-org.ts', file], {
      // DATABASE_URL is always set, if only to '', so a developer's own database is never used.
      env: {
        ...process.env,
        DATABASE_URL: scriptDatabaseUrl,
        TILLIT_DATA_DIR: path.join(scriptWork, 'data'),
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every import test starts from an empty organisation. */
async function emptyOrg() {
  await handle.db.execute(
    sql`truncate units, people, identities, memberships, channel_links cascade`,
  );
}

/** What `npm run import-org` does between reading the file and printing. */
async function importOrg(fileName: string, text: string) {
  const parsed = parseOrgFile(fileName, text);
  if (!parsed.ok) return { problems: parsed.problems, changes: [] };
  return { problems: [], changes: await syncOrg(handle.db, parsed.plan) };
}

async function importOk(fileName: string, text: string) {
  const result = await importOrg(fileName, text);
  expect(result.problems).toEqual([]);
  return result.changes;
}

/** Everything the org file controls, in a stable order, to prove that nothing changed. */
async function snapshot() {
  const db = handle.db;
  return {
    units: await db
      .select({
        key: units.key,
        name: units.name,
        level: units.level,
        parent: units.parentId,
        active: units.active,
      })
      .from(units)
      .orderBy(asc(units.key)),
    people: await db
      .select({ key: people.key, name: people.name, admin: people.isAdmin, active: people.active })
      .from(people)
      .orderBy(asc(people.key)),
    identities: (await db.select().from(identities)).map((i) => JSON.stringify(i)).sort(),
    memberships: (await db.select().from(memberships)).map((m) => JSON.stringify(m)).sort(),
    channels: (await db.select().from(channelLinks)).map((c) => JSON.stringify(c)).sort(),
  };
}

/** Replaces exactly one occurrence, so a drifting fixture fails loudly instead of silently. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : 1;
  const next = text.replace(from, to);
  if (count !== 1 || next === text) throw new Error(`expected one ${String(from)} in the fixture`);
  return next;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line with ${needle}`);
  return index + 1;
}

describe('import-org: YAML', () => {
  beforeEach(emptyOrg);

  it('imports the example, and importing it again changes nothing', async () => {
    const changes = await importOk('org.yaml', exampleText);
    expect(changes).toContain('+ unit ifo-barn (Barn och unga)');
    expect(changes).toContain('+ person karin (Karin Sjöberg), admin');
    expect(changes).toContain('+ channel teams:19:utredning@thread.tacv2 → ifo-barn-utredning');
    expect(changes).toContain('+ role petra facilitator@ifo');
    expect(await importOk('org.yaml', exampleText)).toEqual([]);
  });

  it('updates a changed file in place and deactivates a removed person', async () => {
    await importOk('org.yaml', exampleText);
    const before = await snapshot();
    let changed = replaceOnce(exampleText, 'name: Barn och unga', 'name: Barn och ungdom');
    changed = replaceOnce(
      changed,
      'level: section\n    parent: ifo-barn',
      'level: section\n    parent: ifo',
    );
    changed = replaceOnce(
      changed,
      'units: [{ unit: ifo-barn-utredning, role: member }]',
      'units: [{ unit: ifo-barn-utredning, role: manager }]',
    );
    changed = replaceOnce(changed, / {2}- key: petra\n(?: {4}.*\n)+/, '');

    expect(await importOk('org.yaml', changed)).toEqual([
      '~ unit ifo-barn: name "Barn och unga" → "Barn och ungdom"',
      '~ unit ifo-barn-utredning: parent ifo-barn → ifo',
      '- person petra (deactivated)',
      '- role david member@ifo-barn-utredning',
      '+ role david manager@ifo-barn-utredning',
    ]);
    // Same rows, updated: nothing deleted, so history attached to them stays.
    const after = await snapshot();
    expect(after.units.map((u) => u.key)).toEqual(before.units.map((u) => u.key));
    expect(after.people.map((p) => p.key)).toEqual(before.people.map((p) => p.key));
    const petra = await findPersonByKey(handle.db, { key: 'petra' });
    expect(petra).toMatchObject({ name: 'Petra Ek', active: false, isAdmin: false });
    const petraRoles = await handle.db
      .select()
      .from(memberships)
      .where(eq(memberships.personId, petra!.id));
    expect(petraRoles).toEqual([]);
    expect(await importOk('org.yaml', changed)).toEqual([]);

    // Back to the original: petra returns with her roles, the rest moves back.
    expect(await importOk('org.yaml', exampleText)).toEqual([
      '~ unit ifo-barn: name "Barn och ungdom" → "Barn och unga"',
      '~ unit ifo-barn-utredning: parent ifo → ifo-barn',
      '~ person petra: active "false" → "true"',
      '+ role petra member@ifo-barn-utredning',
      '+ role petra facilitator@ifo',
      '- role david manager@ifo-barn-utredning',
      '+ role david member@ifo-barn-utredning',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('moves an account to a person listed before its old owner', async () => {
    await importOk('org.yaml', SMALL_YAML);
    // anna (listed first) takes bo's Slack account; bo keeps none.
    let moved = replaceOnce(SMALL_YAML, 'slack: "T0001/U0001"', 'slack: "T0001/U0002"');
    moved = replaceOnce(
      moved,
      '    slack: "T0001/U0002"\n    units: [{ unit: ifo, role: member }]',
      '    units: [{ unit: ifo, role: member }]',
    );
    expect(await importOk('org.yaml', moved)).toEqual([
      '- identity slack:T0001/U0001 of anna',
      '+ identity slack:T0001/U0002 of anna',
      '- identity slack:T0001/U0002 of bo',
    ]);
    const owner = await findPersonByIdentity(handle.db, {
      platform: 'slack',
      workspace: 'T0001',
      externalId: 'U0002',
    });
    expect(owner?.key).toBe('anna');
    expect(await importOk('org.yaml', moved)).toEqual([]);
  });
});

const SMALL_YAML = `units:
  - key: sof
    name: Socialförvaltningen
    level: administration
    parent: null
  - key: ifo
    name: Individ- och familjeomsorg
    level: department
    parent: sof
    channels: ["slack:T0001/C0001", "teams:19:ifo@thread.tacv2"]
people:
  - key: anna
    name: Anna Andersson
    slack: "T0001/U0001"
    teams: "11111111-aaaa-4bbb-8ccc-000000000001"
    units: [{ unit: ifo, role: manager }, { unit: sof, role: leader }]
  - key: bo
    name: Bo Berg
    slack: "T0001/U0002"
    units: [{ unit: ifo, role: member }]
admins: [anna]
`;

/** The same organisation as SMALL_YAML, in the CSV shape documented in org-file.ts. */
const SMALL_CSV = `type,key,name,level,parent,channels,slack,teams,units,admin
unit,sof,Socialförvaltningen,administration,,,,,,
unit,ifo,Individ- och familjeomsorg,department,sof,slack:T0001/C0001 teams:19:ifo@thread.tacv2,,,,
person,anna,Anna Andersson,,,,T0001/U0001,11111111-aaaa-4bbb-8ccc-000000000001,ifo:manager sof:leader,yes
person,bo,Bo Berg,,,,T0001/U0002,,ifo:member,no
`;

describe('import-org: CSV', () => {
  beforeEach(emptyOrg);

  it('reads the same plan as the equivalent YAML', async () => {
    const fromCsv = parseOrgFile('org.csv', SMALL_CSV);
    const fromYaml = parseOrgFile('org.yaml', SMALL_YAML);
    expect(fromCsv.ok).toBe(true);
    expect(fromCsv).toEqual(fromYaml);
    expect((await importOk('org.yaml', SMALL_YAML)).length).toBeGreaterThan(5);
    expect(await importOk('org.csv', SMALL_CSV)).toEqual([]);
  });
});

/** Each kind of bad file: the text, the line the problem must name, and what it must say. */
const BAD_FILES: { name: string; file: string; text: string; line: string; message: RegExp }[] = [
  {
    name: 'unknown parent',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, 'parent: sof', 'parent: sofx'),
    line: '- key: ifo',
    message: /unit ifo: unknown parent "sofx"/,
  },
  {
    name: 'a cycle',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, 'parent: null', 'parent: ifo'),
    line: '- key: sof',
    message: /unit sof: its parents form a cycle \(sof → ifo → sof\)/,
  },
  {
    name: 'duplicate unit key',
    file: 'org.yaml',
    text: replaceOnce(
      SMALL_YAML,
      'people:\n',
      '  - key: ifo # again\n    name: Dubblett\n    level: unit\n    parent: sof\npeople:\n',
    ),
    line: '- key: ifo # again',
    message: /duplicate unit key "ifo" \(first on line 6\)/,
  },
  {
    name: 'duplicate person key',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, 'admins:', '  - key: bo # again\n    name: Bo Andra\nadmins:'),
    line: '- key: bo # again',
    message: /duplicate person key "bo"/,
  },
  {
    name: 'unknown role',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, 'role: member', 'role: boss'),
    line: '- key: bo',
    message: /person bo: role must be one of member, manager, facilitator, leader \(got "boss"\)/,
  },
  {
    name: 'malformed slack identity',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, 'slack: "T0001/U0001"', 'slack: "U0001"'),
    line: '- key: anna',
    message: /person anna: slack must look like T0001\/U0001/,
  },
  {
    name: 'malformed teams identity',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, 'teams: "11111111', 'teams: "anna@example.se 11111111'),
    line: '- key: anna',
    message: /person anna: teams must be an AAD object id/,
  },
  {
    name: 'unknown unit in a membership',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, '{ unit: ifo, role: member }', '{ unit: ifx, role: member }'),
    line: '- key: bo',
    message: /person bo: unknown unit "ifx"/,
  },
  {
    name: 'admin that is not a person',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, 'admins: [anna]', 'admins: [anna, cecilia]'),
    line: 'admins:',
    message: /admins: unknown person "cecilia"/,
  },
  {
    name: 'YAML syntax error',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, 'name: Bo Berg', 'name: Bo: Berg'),
    line: 'name: Bo: Berg',
    message: /Nested mappings are not allowed/,
  },
  {
    name: 'misspelt section (would otherwise deactivate everyone)',
    file: 'org.yaml',
    text: replaceOnce(SMALL_YAML, 'people:', 'persons:'),
    line: 'persons:',
    message: /unknown section "persons"/,
  },
  {
    name: 'CSV with a bad type',
    file: 'org.csv',
    text: replaceOnce(SMALL_CSV, 'person,bo,', 'persn,bo,'),
    line: 'persn,bo,',
    message: /type must be "unit", "person" or "pair", not "persn"/,
  },
  {
    name: 'CSV with an unknown role',
    file: 'org.csv',
    text: replaceOnce(SMALL_CSV, 'ifo:member', 'ifo:chef'),
    line: 'ifo:chef',
    message: /person bo: role must be one of/,
  },
];

describe('import-org: bad files change nothing', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    await emptyOrg();
    await importOk('org.yaml', SMALL_YAML);
    before = await snapshot();
  });

  it.each(BAD_FILES)('$name', async ({ file, text, line, message }) => {
    const result = await importOrg(file, text);
    expect(result.changes).toEqual([]);
    expect(result.problems[0]).toMatchObject({ line: lineOf(text, line) });
    expect(result.problems[0]?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});

describe('npm run import-org (the script itself)', () => {
  it('imports a good file once, and refuses a bad one with FILE:LINE and exit 1', async () => {
    const first = await firstScriptRun;
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('+ unit sof (Socialförvaltningen)');

    const bad = path.join(scriptWork, 'bad.yaml');
    const badText = replaceOnce(SMALL_YAML, 'role: member', 'role: boss');
    writeFileSync(bad, badText);
    const refused = await runScript(bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:${lineOf(badText, '- key: bo')}: person bo: role`);
    expect(refused.stdout).toBe('');

    // Had the bad file changed anything, importing the good one again would say so.
    const second = await runScript(goodFile());
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe('no changes');
  });
});

describe('the app database the scripts open', () => {
  it('is the Postgres server at DATABASE_URL, else the embedded one in TILLIT_DATA_DIR', () => {
    const url = 'postgres://tillit@db.example.se/tillit';
    expect(appDatabaseTarget({ DATABASE_URL: url })).toEqual({ kind: 'postgres', url });
    expect(appDatabaseTarget({ DATABASE_URL: '', TILLIT_DATA_DIR: '/srv/tillit' })).toEqual({
      kind: 'pglite',
      dataDir: '/srv/tillit',
    });
    expect(appDatabaseTarget({})).toEqual({ kind: 'pglite', dataDir: './data' });
  });
});
