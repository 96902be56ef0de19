import type { Database } from '../../store/database.js';
import {
  listIdentitiesOfPeople,
  type OutboxRow,
  type PersonIdentity,
} from '../../store/queries/outbox.js';
import type { Language, Platform } from '../../store/schema/index.js';
import type { Route } from './deliverer.js';

/** A person with accounts on several platforms is reached on the first one here that runs. */
const preference: readonly Platform[] = ['slack', 'teams', 'local'];

export type Routing =
  | { route: Route }
  | { unreachable: 'no-reachable-identity' | 'platform-not-configured' };

/**
 * Where each claimed row goes, with one query for the whole batch. A person is reached in
 * their direct messages on the preferred platform that has a deliverer; a channel row on its
 * own platform.
 */
export async function routeRows(
  db: Database,
  rows: readonly OutboxRow[],
  platforms: ReadonlySet<Platform>,
  defaultLang: Language,
): Promise<Map<string, Routing>> {
  const personIds = [...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const byPerson = groupByPerson(await listIdentitiesOfPeople(db, { personIds }));
  return new Map(rows.map((row) => [row.id, routeOf(row, byPerson, platforms, defaultLang)]));
}

function routeOf(
  row: OutboxRow,
  byPerson: Map<string, PersonIdentity[]>,
  platforms: ReadonlySet<Platform>,
  defaultLang: Language,
): Routing {
  if (row.personId) {
    const reachable = (byPerson.get(row.personId) ?? [])
      .filter((identity) => platforms.has(identity.platform))
      .sort((a, b) => preference.indexOf(a.platform) - preference.indexOf(b.platform));
    const chosen = reachable[0];
    if (!chosen) return { unreachable: 'no-reachable-identity' };
    return {
      route: {
        platform: chosen.platform,
        workspace: chosen.workspace,
        address: chosen.externalId,
        direct: true,
        lang: chosen.lang ?? defaultLang,
      },
    };
  }
  if (!row.platform || !platforms.has(row.platform))
    return { unreachable: 'platform-not-configured' };
  return {
    route: {
      platform: row.platform,
      workspace: row.workspace ?? '',
      address: row.channelId ?? '',
      direct: false,
      lang: defaultLang,
    },
  };
}

function groupByPerson(identities: PersonIdentity[]): Map<string, PersonIdentity[]> {
  const grouped = new Map<string, PersonIdentity[]>();
  for (const identity of identities) {
    const list = grouped.get(identity.personId) ?? [];
    list.push(identity);
    grouped.set(identity.personId, list);
  }
  return grouped;
}
