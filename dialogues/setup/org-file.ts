import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { OrgPlan, PlannedPerson, PlannedUnit } from '../../store/queries/org-sync.js';
import { type Role, roles, type UnitLevel, unitLevels } from '../../store/schema/index.js';
import { isUuid } from '../core/ids.js';
import { validatePairs } from './org-file-pairs.js';

/** A problem in an org file, with the line it is on (1-based; 0 when it concerns the whole file). */
export interface OrgFileProblem {
  line: number;
  message: string;
}

export type OrgFileResult = { ok: true; plan: OrgPlan } | { ok: false; problems: OrgFileProblem[] };

type Located<T> = T & { line: number };
interface RawOrg {
  units: Located<Record<string, unknown>>[];
  people: Located<Record<string, unknown>>[];
  admins: Located<{ key: unknown }>[];
  pairs: Located<Record<string, unknown>>[];
}

/** Reads an org file (YAML or CSV, by its name) into a validated plan, or every problem in it. */
export function parseOrgFile(fileName: string, text: string): OrgFileResult {
  const raw = /\.csv$/i.test(fileName) ? readCsv(text) : readYaml(text);
  if ('problems' in raw) return { ok: false, problems: raw.problems };
  return validate(raw);
}

function readYaml(text: string): RawOrg | { problems: OrgFileProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        line: e.linePos?.[0]?.line ?? 0,
        // The first line only; the library adds a source excerpt after "…column N:".
        message: e.message.split('\n')[0]!.replace(/:$/, ''),
      })),
    };
  }
  const lineOf = (node: YamlNode | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 0;
  const listOf = <T>(key: string, map: (item: unknown) => T) => {
    const seq = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
    if (!isSeq(seq)) return [];
    return seq.items.map((item) => ({
      ...map((item as { toJSON(): unknown }).toJSON?.() ?? item),
      line: lineOf(item as YamlNode),
    }));
  };
  if (!isMap(doc.contents))
    return { problems: [{ line: 1, message: 'expected a mapping with units, people and admins' }] };
  const shapeProblems = checkTopLevel(doc.contents.items, lineOf);
  if (shapeProblems.length > 0) return { problems: shapeProblems };
  return {
    units: listOf('units', (u) => (isRecord(u) ? u : { invalid: u })),
    people: listOf('people', (p) => (isRecord(p) ? p : { invalid: p })),
    admins: listOf('admins', (key) => ({ key })),
    pairs: listOf('pairs', (p) => (isRecord(p) ? p : { invalid: p })),
  };
}

/**
 * A misspelt or misshapen section would otherwise read as empty, and an empty `people`
 * deactivates everyone.
 */
function checkTopLevel(
  pairs: { key: unknown; value: unknown }[],
  lineOf: (node: YamlNode | null | undefined) => number,
): OrgFileProblem[] {
  const problems: OrgFileProblem[] = [];
  for (const { key, value } of pairs) {
    const name = String(isScalar(key) ? key.value : key);
    const line = lineOf(key as YamlNode);
    if (!['units', 'people', 'admins', 'pairs'].includes(name))
      problems.push({
        line,
        message: `unknown section "${name}" (expected units, people, admins, pairs)`,
      });
    else if (value != null && !isSeq(value) && !(isScalar(value) && value.value == null))
      problems.push({ line, message: `${name} must be a list` });
  }
  return problems;
}

/**
 * CSV shape, one row a unit or a person (header row first):
 * `type,key,name,level,parent,channels,slack,teams,units,admin` (and `tertial` for pairs).
 * Several channels or units in one cell are separated by spaces; a person's units read
 * `unit:role`; admin is yes/no. A row of type `pair` names two units in `units`.
 */
function readCsv(text: string): RawOrg | { problems: OrgFileProblem[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { problems: [{ line, message: (error as Error).message }] };
  }
  const raw: RawOrg = { units: [], people: [], admins: [], pairs: [] };
  const words = (cell: string | undefined) => (cell ?? '').split(/\s+/).filter(Boolean);
  for (const { record, info } of records) {
    const line = info.lines;
    if (record.type === 'unit') {
      raw.units.push({
        line,
        key: record.key,
        name: record.name,
        level: record.level,
        parent: record.parent || null,
        channels: words(record.channels),
      });
    } else if (record.type === 'person') {
      const units = words(record.units).map((pair) => {
        const [unit, role] = pair.split(':');
        return { unit, role };
      });
      raw.people.push({
        line,
        key: record.key,
        name: record.name,
        slack: record.slack || undefined,
        teams: record.teams || undefined,
        units,
      });
      if (/^(yes|ja|true|1)$/i.test(record.admin ?? '')) raw.admins.push({ line, key: record.key });
    } else if (record.type === 'pair') {
      raw.pairs.push({ line, units: words(record.units), tertial: record.tertial || undefined });
    } else {
      return {
        problems: [
          {
            line,
            message: `type must be "unit", "person" or "pair", not ${JSON.stringify(record.type ?? '')}`,
          },
        ],
      };
    }
  }
  return raw;
}

const KEY = /^[a-z0-9][a-z0-9_-]*$/i;
const UNIT_FIELDS = ['key', 'name', 'level', 'parent', 'channels'];
const PERSON_FIELDS = ['key', 'name', 'slack', 'teams', 'units'];
const SLACK_ID = /^(T[A-Z0-9]+)\/([UW][A-Z0-9]+)$/;
const SLACK_CHANNEL = /^slack:(T[A-Z0-9]+)\/([CGD][A-Z0-9]+)$/;

function validate(raw: RawOrg): OrgFileResult {
  const problems: OrgFileProblem[] = [];
  const problem: Report = (line, message) => {
    problems.push({ line, message });
    return null;
  };
  const units = raw.units
    .map((u) => validateUnit(u, problem))
    .filter((u): u is Located<PlannedUnit> => u !== null);
  checkUniqueKeys(units, 'unit', problem);
  // References are checked against every key in the file, so one bad unit or person is one
  // problem, not one more for each reference to it.
  const unitKeys = keysIn(raw.units);
  for (const unit of units) {
    if (unit.parent !== null && !unitKeys.has(unit.parent))
      problem(unit.line, `unit ${unit.key}: unknown parent "${unit.parent}"`);
  }
  checkCycles(units, problem);
  checkChannelsOnce(units, problem);
  const admins = new Set(raw.admins.map((a) => String(a.key)));
  const people = raw.people
    .map((p) => validatePerson(p, admins, unitKeys, problem))
    .filter((p): p is Located<PlannedPerson> => p !== null);
  checkUniqueKeys(people, 'person', problem);
  const personKeys = keysIn(raw.people);
  for (const admin of raw.admins) {
    if (!personKeys.has(String(admin.key)))
      problem(admin.line, `admins: unknown person "${String(admin.key)}"`);
  }
  checkIdentitiesOnce(people, problem);
  const pairs = validatePairs(raw.pairs, unitKeys, problem);
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return {
    ok: true,
    plan: { units: units.map(withoutLine), people: people.map(withoutLine), pairs },
  };
}

/** Records a problem; returns null so a validator can `return problem(…)`. */
type Report = (line: number, message: string) => null;

function validateUnit(
  raw: Located<Record<string, unknown>>,
  problem: Report,
): Located<PlannedUnit> | null {
  const { line } = raw;
  const key = text(raw.key);
  if (!key || !KEY.test(key))
    return problem(
      line,
      `unit key must be letters, digits, - or _ (got ${JSON.stringify(raw.key ?? null)})`,
    );
  const unknownField = unknownFieldOf(raw, UNIT_FIELDS);
  if (unknownField) return problem(line, `unit ${key}: unknown field "${unknownField}"`);
  const name = text(raw.name);
  if (!name) return problem(line, `unit ${key}: name is missing`);
  const level = text(raw.level);
  if (!unitLevels.includes(level as UnitLevel))
    return problem(
      line,
      `unit ${key}: level must be one of ${unitLevels.join(', ')} (got ${JSON.stringify(raw.level ?? null)})`,
    );
  const channels: PlannedUnit['channels'] = [];
  for (const channel of Array.isArray(raw.channels)
    ? raw.channels
    : raw.channels == null
      ? []
      : [raw.channels]) {
    const parsed = parseChannel(String(channel));
    if (!parsed)
      return problem(
        line,
        `unit ${key}: channel "${String(channel)}" must look like slack:T…/C… or teams:<conversation id>`,
      );
    channels.push(parsed);
  }
  const parent = raw.parent == null || raw.parent === '' ? null : String(raw.parent);
  return { line, key, name, level: level as UnitLevel, parent, channels };
}

function parseChannel(value: string): PlannedUnit['channels'][number] | null {
  const slack = SLACK_CHANNEL.exec(value);
  if (slack) return { platform: 'slack', workspace: slack[1]!, channelId: slack[2]! };
  if (value.startsWith('teams:') && value.length > 'teams:'.length)
    return { platform: 'teams', workspace: '', channelId: value.slice('teams:'.length) };
  return null;
}

function validatePerson(
  raw: Located<Record<string, unknown>>,
  admins: Set<string>,
  unitKeys: Set<string>,
  problem: Report,
): Located<PlannedPerson> | null {
  const { line } = raw;
  const key = text(raw.key);
  if (!key || !KEY.test(key))
    return problem(
      line,
      `person key must be letters, digits, - or _ (got ${JSON.stringify(raw.key ?? null)})`,
    );
  const unknownField = unknownFieldOf(raw, PERSON_FIELDS);
  if (unknownField) return problem(line, `person ${key}: unknown field "${unknownField}"`);
  const name = text(raw.name);
  if (!name) return problem(line, `person ${key}: name is missing`);
  const ids: PlannedPerson['identities'] = [];
  if (raw.slack != null) {
    const match = SLACK_ID.exec(String(raw.slack));
    if (!match)
      return problem(
        line,
        `person ${key}: slack must look like T0001/U0001 (workspace/user), got "${String(raw.slack)}"`,
      );
    ids.push({ platform: 'slack', workspace: match[1]!, externalId: match[2]! });
  }
  if (raw.teams != null) {
    const parts = String(raw.teams).split('/');
    const [first, second] = parts;
    const aad = second ?? first!;
    if (!isUuid(aad) || (second !== undefined && !first) || parts.length > 2)
      return problem(
        line,
        `person ${key}: teams must be an AAD object id (a GUID), optionally tenant/objectid, got "${String(raw.teams)}"`,
      );
    ids.push({
      platform: 'teams',
      workspace: second === undefined ? '' : first!,
      externalId: aad.toLowerCase(),
    });
  }
  if (raw.units != null && !Array.isArray(raw.units))
    return problem(line, `person ${key}: units must be a list of { unit, role }`);
  const roleList: PlannedPerson['roles'] = [];
  for (const entry of Array.isArray(raw.units) ? raw.units : []) {
    const unit = isRecord(entry) ? text(entry.unit) : '';
    const role = isRecord(entry) ? text(entry.role) : '';
    if (!unitKeys.has(unit)) return problem(line, `person ${key}: unknown unit "${unit}"`);
    if (!roles.includes(role as Role))
      return problem(
        line,
        `person ${key}: role must be one of ${roles.join(', ')} (got "${role}")`,
      );
    roleList.push({ unit, role: role as Role });
  }
  return { line, key, name, admin: admins.has(key), identities: ids, roles: roleList };
}

function keysIn(items: Record<string, unknown>[]): Set<string> {
  return new Set(items.map((item) => text(item.key)).filter(Boolean));
}

/** The first field that is not one of `known` (besides the line the reader adds). */
function unknownFieldOf(raw: Record<string, unknown>, known: string[]): string | undefined {
  return Object.keys(raw).find((field) => field !== 'line' && !known.includes(field));
}

function checkUniqueKeys(items: Located<{ key: string }>[], kind: string, problem: Report): void {
  const seen = new Map<string, number>();
  for (const item of items) {
    const first = seen.get(item.key);
    if (first !== undefined)
      problem(item.line, `duplicate ${kind} key "${item.key}" (first on line ${first})`);
    else seen.set(item.key, item.line);
  }
}

function checkCycles(units: Located<PlannedUnit>[], problem: Report) {
  const parentOf = new Map(units.map((u) => [u.key, u.parent]));
  for (const unit of units) {
    const seen = new Set([unit.key]);
    for (let p = unit.parent; p !== null && p !== undefined; p = parentOf.get(p) ?? null) {
      if (seen.has(p)) {
        problem(
          unit.line,
          `unit ${unit.key}: its parents form a cycle (${[...seen, p].join(' → ')})`,
        );
        break;
      }
      seen.add(p);
    }
  }
}

function checkChannelsOnce(units: Located<PlannedUnit>[], problem: Report) {
  const owner = new Map<string, string>();
  for (const unit of units) {
    for (const c of unit.channels) {
      const id = `${c.platform}:${c.workspace}/${c.channelId}`;
      const other = owner.get(id);
      if (other && other !== unit.key)
        problem(unit.line, `unit ${unit.key}: channel ${id} is already linked to ${other}`);
      owner.set(id, unit.key);
    }
  }
}

function checkIdentitiesOnce(people: Located<PlannedPerson>[], problem: Report) {
  const owner = new Map<string, string>();
  for (const person of people) {
    for (const i of person.identities) {
      const id = `${i.platform}:${i.workspace}/${i.externalId}`;
      const other = owner.get(id);
      if (other) problem(person.line, `person ${person.key}: ${id} already belongs to ${other}`);
      owner.set(id, person.key);
    }
  }
}

function withoutLine<T extends { line: number }>({ line: _line, ...rest }: T): Omit<T, 'line'> {
  return rest;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
