import type { Database } from '../../store/database.js';
import type { Person } from '../../store/queries/people.js';
import type { Unit } from '../../store/queries/units.js';
import {
  type ActionEffect,
  actions,
  dialogues,
  type RiskHandling,
  type RiskProcess,
  riskDialogues,
  risks,
  type SelfCheckOutcome,
  type SwotQuadrant,
  selfCheckOccurrences,
  selfChecks,
  swotBallots,
  swotItems,
  swotVotes,
} from '../../store/schema/index.js';
import { at, type SummaryOrg, T1_2026, T2_2025, T2_2026 } from './summary-org.js';

/** The work records of the summary test organisation: dialogues, risks, actions, self-checks. */
async function dialogue(db: Database, unit: Unit, kind: 'swot' | 'risk', date: string, by: Person) {
  const [row] = await db
    .insert(dialogues)
    .values({
      kind,
      unitId: unit.id,
      platform: 'slack',
      workspace: 'T0REFLECT',
      channelId: `C${unit.key.toUpperCase()}${date}`,
      topic: `${kind} ${date}`,
      phase: 'closed',
      lang: 'sv',
      alongside: true,
      startedBy: by.id,
      createdAt: at(date),
      closedAt: at(date),
    })
    .returning();
  return row!;
}

export async function seedSwot(db: Database, org: SummaryOrg) {
  const voters = [org.bagisManager, org.member, ...org.owners.slice(0, 4)];
  const bagis = await dialogue(db, org.bagis, 'swot', T2_2026, org.bagisManager);
  const items: [SwotQuadrant, string, number[]][] = [
    ['strengths', 'Engagerade kollegor', [2, 1, 1, 1, 0, 0]],
    ['threats', 'Vakanser inför sommaren', [1, 2, 2, 0, 1, 1]],
    ['weaknesses', 'Otydliga mandat', [0, 0, 0, 1, 1, 0]],
    ['opportunities', 'Ny mötesstruktur', [0, 0, 0, 0, 0, 0]],
  ];
  await vote(db, bagis.id, voters, items);
  // Three voters only: what this small group named stays inside it.
  const small = await dialogue(db, org.liten, 'swot', T2_2026, org.arstaManager);
  await vote(
    db,
    small.id,
    [org.arstaManager, org.owners[4]!, org.owners[5]!],
    [['threats', 'Hemlig svaghet', [3, 3, 3]]],
  );
  await dialogue(db, org.bagis, 'swot', T1_2026, org.bagisManager);
}

async function vote(
  db: Database,
  dialogueId: string,
  voters: Person[],
  items: [SwotQuadrant, string, number[]][],
) {
  for (const voter of voters) {
    await db.insert(swotBallots).values({ dialogueId, voterId: voter.id, used: 3, votesLimit: 5 });
  }
  for (const [quadrant, text, dots] of items) {
    const [item] = await db
      .insert(swotItems)
      .values({ dialogueId, quadrant, text, authorId: voters[0]!.id })
      .returning();
    for (const [i, n] of dots.entries()) {
      if (n > 0)
        await db
          .insert(swotVotes)
          .values({ itemId: item!.id, voterId: voters[i]!.id, dialogueId, dots: n, maxPerItem: 3 });
    }
  }
}

type RiskRow = [p: number, c: number, process: RiskProcess, handling: RiskHandling];

export async function seedRisks(db: Database, org: SummaryOrg) {
  const held = async (unit: Unit, date: string, rows: RiskRow[]) => {
    const d = await dialogue(db, unit, 'risk', date, org.leader);
    await db.insert(riskDialogues).values({
      dialogueId: d.id,
      unitId: unit.id,
      year: Number(date.slice(0, 4)),
      levels: [3, 6, 9],
    });
    const made = [];
    for (const [probability, consequence, process, handling] of rows) {
      const [risk] = await db
        .insert(risks)
        .values({
          unitId: unit.id,
          description: `Risk ${probability}×${consequence}`,
          status: 'closed',
          dialogueId: d.id,
          probability,
          consequence,
          process,
          handling,
          decidedAt: at(date),
          createdAt: at(date),
        })
        .returning();
      made.push(risk!);
    }
    return made;
  };
  const city = await held(org.city, T2_2026, [
    [4, 4, 'work-environment', 'escalate'],
    [2, 3, 'quality-system', 'action'],
    [1, 1, 'goal-steering', 'accept'],
  ]);
  // The escalated risk waits for the department's next risk dialogue.
  await db.insert(risks).values({
    unitId: org.avd.id,
    description: 'Risk 4×4',
    status: 'pending',
    sourceKind: 'escalation',
    escalatedFromId: city[0]!.id,
    createdAt: at('2026-05-13'),
    period: 2026,
  });
  await held(org.city, T2_2025, [[3, 3, 'internal-control', 'self-check']]);
}

export async function seedActions(db: Database, org: SummaryOrg) {
  const action = async (p: {
    owner: Person;
    created: string;
    due: string;
    done?: string;
    effect?: ActionEffect;
  }) =>
    db.insert(actions).values({
      unitId: org.bagis.id,
      text: `Åtgärd ${p.created}`,
      ownerId: p.owner.id,
      dueDate: p.due,
      status: p.done ? 'done' : 'open',
      sourceKind: 'manual',
      createdBy: org.bagisManager.id,
      createdAt: at(p.created),
      doneAt: p.done ? at(p.done) : null,
      effect: p.effect ?? null,
      effectAt: p.effect && p.done ? at(p.done) : null,
    });
  const effects: ActionEffect[] = ['yes', 'yes', 'yes', 'partly', 'no'];
  for (const [i, effect] of effects.entries()) {
    await action({
      owner: org.owners[i]!,
      created: '2026-05-04',
      due: '2026-05-30',
      done: '2026-05-28',
      effect,
    });
  }
  await action({ owner: org.owners[5]!, created: '2026-05-20', due: '2026-06-01' });
  await action({ owner: org.owners[0]!, created: '2026-06-10', due: '2026-08-01' });
  const before: ActionEffect[] = ['yes', 'no', 'no', 'partly', 'yes'];
  for (const [i, effect] of before.entries()) {
    await action({
      owner: org.owners[i]!,
      created: '2026-01-20',
      due: '2026-03-01',
      done: '2026-02-25',
      effect,
    });
  }
  await action({
    owner: org.owners[0]!,
    created: '2025-06-02',
    due: '2025-06-30',
    done: '2025-06-20',
    effect: 'yes',
  });
}

export async function seedSelfChecks(db: Database, org: SummaryOrg) {
  const [check] = await db
    .insert(selfChecks)
    .values({
      unitId: org.city.id,
      text: 'Läkemedelsskåpet',
      responsibleId: org.owners[0]!.id,
      cadence: 'monthly',
      startsOn: '2026-01-05',
      createdBy: org.leader.id,
      createdAt: at('2026-01-01'),
    })
    .returning();
  const outcomes: [string, SelfCheckOutcome | null][] = [
    ['2026-01-05', 'ok'],
    ['2026-02-05', 'not-done'],
    ['2026-05-05', 'ok'],
    ['2026-06-05', 'found'],
    ['2026-06-12', null],
    ['2026-06-15', null],
  ];
  for (const [occursOn, outcome] of outcomes) {
    await db.insert(selfCheckOccurrences).values({
      selfCheckId: check!.id,
      occursOn,
      askedAt: at(occursOn),
      outcome,
      answeredAt: outcome ? at(occursOn) : null,
    });
  }
}
