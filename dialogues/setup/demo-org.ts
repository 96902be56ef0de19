import type { OrgPlan, PlannedPerson, PlannedUnit } from '../../store/queries/org-sync.js';
import type { Role, UnitLevel } from '../../store/schema/index.js';
import { slugOf } from '../commands/words.js';

/** The demo's administration: while a unit with this key exists, demo data is loaded. */
export const DEMO_ORG_MARKER_KEY = 'demo-sof';

/** Every demo unit and person has a key with this prefix, so demo data is easy to tell apart. */
export const DEMO_KEY_PREFIX = 'demo-';

const MEMBERS_PER_SECTION = 8;

/** Departments → units → sections of a typical Swedish socialförvaltning. */
const TREE: {
  key: string;
  name: string;
  units: { key: string; name: string; sections: string[] }[];
}[] = [
  {
    key: 'ifo',
    name: 'Individ- och familjeomsorg',
    units: [
      { key: 'barn', name: 'Barn och unga', sections: ['Mottagning', 'Utredning'] },
      { key: 'vuxen', name: 'Vuxen och beroende', sections: ['Vuxenutredning', 'Öppenvård'] },
      {
        key: 'ekb',
        name: 'Ekonomiskt bistånd',
        sections: ['Nybesök', 'Arbetsmarknadsinsatser'],
      },
    ],
  },
  {
    key: 'fs',
    name: 'Funktionsstöd',
    units: [
      {
        key: 'daglig',
        name: 'Daglig verksamhet',
        sections: ['Ateljé Solrosen', 'Café och service'],
      },
      {
        key: 'boende',
        name: 'Bostad med särskild service',
        sections: ['Gruppbostad Linden', 'Servicebostad Björken'],
      },
      {
        key: 'assistans',
        name: 'Personlig assistans',
        sections: ['Assistansgrupp Norr', 'Assistansgrupp Syd'],
      },
    ],
  },
  {
    key: 'ao',
    name: 'Äldreomsorg',
    units: [
      {
        key: 'hemtjanst',
        name: 'Hemtjänst',
        sections: ['Hemtjänst Centrum', 'Hemtjänst Ytterområden'],
      },
      { key: 'sabo', name: 'Särskilt boende', sections: ['Ekbacken', 'Solgården'] },
      {
        key: 'hsl',
        name: 'Hälso- och sjukvård',
        sections: ['Rehabilitering', 'Sjuksköterskor'],
      },
      {
        key: 'bistand',
        name: 'Biståndshandläggning',
        sections: ['Myndighet äldre', 'Anhörigstöd'],
      },
    ],
  },
];

const FIRST_NAMES = (
  'Anna Eva Maria Karin Sara Lena Kerstin Emma Ingrid Malin Sofia Linnéa Johanna Elin Ida ' +
  'Helena Camilla Annika Jenny Frida Amira Fatima Leila Aisha Mariam Yasmin Zeynep Hanna ' +
  'Matilda Ebba Lars Mikael Anders Johan Per Erik Karl Peter Thomas Daniel Fredrik Magnus ' +
  'Jonas Mattias Oskar David Ahmed Mohammed Nils Omar Axel Nikola Emil Viktor Björn Gustav ' +
  'Henrik Jesper Rasmus Sami'
).split(' ');

const LAST_NAMES = (
  'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson ' +
  'Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson ' +
  'Lindström Olofsson Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren ' +
  'Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Sjöberg Forsberg Wikström ' +
  'Engström Ek Holm Nyström Åberg Hassan Ali Mohamed Yilmaz Nguyen Kovačević Virtanen'
).split(' ');

/** The demo organisation: the same plan on every call, so loading it twice changes nothing. */
export function buildDemoOrg(): OrgPlan {
  const units: PlannedUnit[] = [];
  const people: PlannedPerson[] = [];
  const newPerson = personFactory(people);
  const addUnit = (key: string, name: string, level: UnitLevel, parent: string | null) => {
    units.push({
      key,
      name,
      level,
      parent,
      channels: [{ platform: 'local', workspace: '', channelId: key }],
    });
    return key;
  };

  const root = addUnit(DEMO_ORG_MARKER_KEY, 'Socialförvaltningen', 'administration', null);
  newPerson(root, 'leader'); // förvaltningsdirektör
  newPerson(root, 'member', true); // systemförvaltare, sets Tillit up
  for (const department of TREE) {
    const departmentKey = addUnit(
      `${DEMO_KEY_PREFIX}${department.key}`,
      department.name,
      'department',
      root,
    );
    newPerson(departmentKey, 'manager'); // avdelningschef
    newPerson(departmentKey, 'facilitator'); // utvecklingssekreterare
    for (const unit of department.units) {
      const unitKey = addUnit(`${departmentKey}-${unit.key}`, unit.name, 'unit', departmentKey);
      newPerson(unitKey, 'manager'); // enhetschef
      unit.sections.forEach((name, index) => {
        const sectionKey = addUnit(`${unitKey}-${index + 1}`, name, 'section', unitKey);
        newPerson(sectionKey, 'manager'); // sektionschef
        for (let i = 0; i < MEMBERS_PER_SECTION; i++) newPerson(sectionKey, 'member');
      });
    }
  }
  return { units, people };
}

/** Adds people with distinct realistic names, drawn from a fixed seed. */
function personFactory(people: PlannedPerson[]) {
  const random = mulberry32(20_180_047); // any fixed seed; this one after SOU 2018:47
  const taken = new Set<string>();
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  return (unit: string, role: Role, admin = false) => {
    // Distinct keys, not only names: Jönsson and Jonsson share a slug.
    let name = '';
    let key = '';
    do {
      name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      key = `${DEMO_KEY_PREFIX}${slugOf(name)}`;
    } while (taken.has(key));
    taken.add(key);
    people.push({
      key,
      name,
      admin,
      identities: [{ platform: 'local', workspace: '', externalId: key }],
      roles: [{ unit, role }],
    });
  };
}

/** A tiny seeded PRNG (mulberry32): deterministic, unlike Math.random. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
