import type { Feature, Request } from './core/feature.js';
import type { Block } from './view.js';

/** "My units": the part of the home view this feature owns; later features add theirs. */
async function unitsAndRoles({ actor }: Request): Promise<Block[]> {
  const t = actor.t;
  const byUnit = new Map<string, string[]>();
  for (const r of actor.roles) {
    byUnit.set(r.unitName, [...(byUnit.get(r.unitName) ?? []), t.common.roles[r.role]]);
  }
  const items = [...byUnit].map(([unit, roles]) => ({
    text: t.home.roleInUnit({ unit, roles: roles.join(', ') }),
  }));
  return [
    { type: 'header', text: t.home.yourUnits },
    items.length ? { type: 'list', items } : { type: 'text', text: t.home.noUnits },
    { type: 'context', text: t.home.hint },
  ];
}

export const homeFeature: Feature = { name: 'home', home: unitsAndRoles };
