import type { Database } from '../../store/database.js';
import {
  listChannelsOnPlatform,
  listPeopleOnPlatform,
} from '../../store/queries/local-directory.js';
import { listAllUnits, type Unit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';

const LOCAL = { platform: 'local', workspace: '' } as const;

/**
 * People the page can act as: everyone with a local identity, with their roles. The picker
 * groups them by their first unit, so people come in the organisation tree's order of that
 * unit (each person's roles in tree order too), by name within it; people with no unit last.
 */
export async function listLocalPeople(db: Database, defaultLang: Language) {
  const [people, units] = await Promise.all([listPeopleOnPlatform(db, LOCAL), listAllUnits(db)]);
  const order = treeOrder(units);
  const position = (unitKey: string | undefined) =>
    order.get(unitKey ?? '')?.position ?? Number.MAX_SAFE_INTEGER;
  return people
    .map((p) => ({
      key: p.externalId,
      name: p.name,
      admin: p.isAdmin,
      lang: p.lang ?? defaultLang,
      roles: [...p.roles].sort((a, b) => position(a.unitKey) - position(b.unitKey)),
    }))
    .sort(
      (a, b) =>
        position(a.roles[0]?.unitKey) - position(b.roles[0]?.unitKey) ||
        a.name.localeCompare(b.name, 'sv'),
    );
}

/**
 * The local channels in the order of the organisation tree (each unit followed by the units
 * below it), with their depth, so the page can show the tree as an indented list.
 */
export async function listLocalChannels(db: Database) {
  const [channels, units] = await Promise.all([
    listChannelsOnPlatform(db, LOCAL),
    listAllUnits(db),
  ]);
  const order = treeOrder(units);
  return channels
    .map((c) => ({
      id: c.channelId,
      unitKey: c.unitKey,
      name: c.unitName,
      level: c.level,
      ...order.get(c.unitKey),
    }))
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map(({ position: _position, ...channel }) => ({ ...channel, depth: channel.depth ?? 0 }));
}

function treeOrder(units: Unit[]): Map<string, { position: number; depth: number }> {
  const children = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const unit of units) {
    // A unit whose parent is inactive is shown as a root rather than hidden.
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const order = new Map<string, { position: number; depth: number }>();
  const visit = (parent: string | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      order.set(unit.key, { position: order.size, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return order;
}
