import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.js';
import type { Person } from '../../store/queries/people.js';
import { createUnit, type Unit } from '../../store/queries/units.js';
import {
  people,
  type ReflectionPrinciple,
  reflectionAnswers,
  reflectionRounds,
} from '../../store/schema/index.js';
import { addPerson } from './reflection-org.js';
import { seedActions, seedRisks, seedSelfChecks, seedSwot } from './summary-org-work.js';

/**
 * A department with known figures in three tertials: T2-2026 (asked for; "now" is in June
 * 2026), T1-2026 (the previous) and T2-2025 (a year earlier).
 *
 *   Avdelning Stöd (avd; 5 staff of its own)
 *   ├── Enhet Årsta (arsta; no reflection of its own)
 *   │   ├── Sektion Liten (liten; 3 people: always too few)
 *   │   └── Sektion Stor (stor; 8 people)
 *   ├── Enhet Bagarmossen (bagis; 12 people)
 *   └── Enhet Cityhuset (city; 6 people)
 */
export const NOW = new Date('2026-06-15T10:00:00Z');
export const T2_2026 = '2026-05-12';
export const T1_2026 = '2026-02-10';
export const T2_2025 = '2025-05-13';

export interface SummaryOrg {
  avd: Unit;
  arsta: Unit;
  liten: Unit;
  stor: Unit;
  bagis: Unit;
  city: Unit;
  leader: Person;
  arstaManager: Person;
  bagisManager: Person;
  admin: Person;
  member: Person;
  owners: Person[];
}

/** 09:00 UTC on a date: inside the day in Stockholm. */
export const at = (date: string) => new Date(`${date}T09:00:00Z`);

export async function createSummaryOrg(db: Database): Promise<SummaryOrg> {
  const unit = (key: string, name: string, level: Unit['level'], parent: Unit | null) =>
    createUnit(db, { key, name, level, parentId: parent?.id ?? null });
  const avd = await unit('avd', 'Avdelning Stöd', 'department', null);
  const arsta = await unit('arsta', 'Enhet Årsta', 'unit', avd);
  const liten = await unit('liten', 'Sektion Liten', 'section', arsta);
  const stor = await unit('stor', 'Sektion Stor', 'section', arsta);
  const bagis = await unit('bagis', 'Enhet Bagarmossen', 'unit', avd);
  const city = await unit('city', 'Enhet Cityhuset', 'unit', avd);
  const leader = await addPerson(db, avd, 'ledare', 'leader');
  const arstaManager = await addPerson(db, arsta, 'chef-arsta', 'manager');
  const bagisManager = await addPerson(db, bagis, 'chef-bagis', 'manager');
  const member = await addPerson(db, bagis, 'medarbetare', 'member');
  const admin = await addPerson(db, avd, 'admin', 'member');
  await db.update(people).set({ isAdmin: true }).where(eq(people.id, admin.id));
  const owners: Person[] = [];
  for (let i = 1; i <= 6; i++) owners.push(await addPerson(db, bagis, `agare-${i}`, 'member'));
  const org = {
    avd,
    arsta,
    liten,
    stor,
    bagis,
    city,
    leader,
    arstaManager,
    bagisManager,
    admin,
    member,
    owners,
  };
  await seedReflection(db, org);
  await seedSwot(db, org);
  await seedRisks(db, org);
  await seedActions(db, org);
  await seedSelfChecks(db, org);
  return org;
}

type Answer = [rating: number | null, text?: string];

async function round(
  db: Database,
  params: {
    unit: Unit;
    date: string;
    principle: ReflectionPrinciple;
    invited: number;
    answers: Answer[];
  },
) {
  const opens = at(params.date);
  const [row] = await db
    .insert(reflectionRounds)
    .values({
      unitId: params.unit.id,
      roundDate: params.date,
      principle: params.principle,
      questionIndex: 0,
      opensAt: opens,
      remindAt: new Date(opens.getTime() + 86_400_000),
      closesAt: new Date(opens.getTime() + 3 * 86_400_000),
      closedAt: new Date(opens.getTime() + 3 * 86_400_000),
      invitedCount: params.invited,
      answeredCount: params.answers.length,
    })
    .returning();
  if (params.answers.length === 0) return;
  await db.insert(reflectionAnswers).values(
    params.answers.map(([rating, text]) => ({
      roundId: row!.id,
      unitId: params.unit.id,
      principle: params.principle,
      rating,
      text: text ?? null,
    })),
  );
}

const ratings = (...values: (number | null)[]): Answer[] => values.map((v) => [v]);

async function seedReflection(db: Database, org: SummaryOrg) {
  const { avd, liten, stor, bagis, city } = org;
  // Liten: three people, every figure too few, and its words must never show.
  await round(db, {
    unit: liten,
    date: T2_2026,
    principle: 'trust',
    invited: 3,
    answers: [
      [5, 'hemligheten om schemat'],
      [4, 'hemligheten igen'],
    ],
  });
  await round(db, {
    unit: liten,
    date: T1_2026,
    principle: 'trust',
    invited: 3,
    answers: ratings(3, 3, 4),
  });
  // Stor: eight people.
  await round(db, {
    unit: stor,
    date: T2_2026,
    principle: 'trust',
    invited: 8,
    answers: [
      [4, 'Bemanningen räckte inte'],
      [4, 'bemanningen och samarbetet'],
      [3, 'samarbetet gick bra'],
      [5],
      [4, 'bemanningen igen'],
      [4, 'samarbetet och schemat'],
    ],
  });
  await round(db, {
    unit: stor,
    date: '2026-06-02',
    principle: 'support',
    invited: 8,
    answers: ratings(3, 3, 4, 2, 3),
  });
  await round(db, {
    unit: stor,
    date: T1_2026,
    principle: 'trust',
    invited: 8,
    answers: ratings(3, 3, 4, 4),
  });
  await round(db, {
    unit: stor,
    date: T2_2025,
    principle: 'trust',
    invited: 7,
    answers: ratings(4, 4, 4, 3, 3, 4, 4),
  });
  // Bagarmossen: twelve people.
  await round(db, {
    unit: bagis,
    date: T2_2026,
    principle: 'trust',
    invited: 12,
    answers: [
      [4, 'Schemat är för tight, bemanningen saknas'],
      [3, 'bemanningen på helgerna'],
      [4, 'Bra samarbete med kollegorna'],
      [5, 'samarbetet fungerar'],
      [2, 'bemanningen och schemat'],
      [4],
      [4],
      [3],
      [null, 'schemat ändras för ofta'],
    ],
  });
  await round(db, {
    unit: bagis,
    date: T1_2026,
    principle: 'trust',
    invited: 12,
    answers: ratings(3, 3, 3, 4, 4, 3, 2, 3, 4, 3),
  });
  await round(db, {
    unit: bagis,
    date: T2_2025,
    principle: 'trust',
    invited: 11,
    answers: ratings(4, 4, 3, 5, 4, 4),
  });
  // Cityhuset: six people.
  await round(db, {
    unit: city,
    date: T2_2026,
    principle: 'trust',
    invited: 6,
    answers: ratings(4, 5, 4, 4, 3),
  });
  await round(db, {
    unit: city,
    date: T1_2026,
    principle: 'trust',
    invited: 6,
    answers: ratings(3, 4, 4, 4, 4),
  });
  await round(db, {
    unit: city,
    date: T2_2025,
    principle: 'trust',
    invited: 6,
    answers: ratings(4, 4, 4, 4, 4, 4),
  });
  // The department's own staff: five.
  await round(db, {
    unit: avd,
    date: T2_2026,
    principle: 'trust',
    invited: 5,
    answers: ratings(5, 4, 4, 4, 5),
  });
  await round(db, {
    unit: avd,
    date: T1_2026,
    principle: 'trust',
    invited: 5,
    answers: ratings(4, 4, 4, 4, 4),
  });
}
