import { asc, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSeasonNudges } from '../dialogues/risk/season-nudges.js';
import type { DatabaseHandle } from '../store/database.js';
import { syncOrg } from '../store/queries/org-sync.js';
import { findPersonByKey } from '../store/queries/people.js';
import { findUnitByKey } from '../store/queries/units.js';
import { outbox, risks } from '../store/schema/index.js';
import { channelOf, driver, ofKind, privateText, riskOrg } from './support/risk-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await syncOrg(handle.db, riskOrg);
});
afterAll(async () => handle?.close());

const as = (who: string, unitKey: string, now: Date) =>
  driver(handle.db, who, channelOf(unitKey), now);

/** Every season nudge so far, as `kind:unitKey:year:personKey`, sorted. */
async function nudges(): Promise<string[]> {
  const rows = await handle.db
    .select()
    .from(outbox)
    .where(like(outbox.key, 'risk-season-%'))
    .orderBy(asc(outbox.key));
  const names = new Map<string, string>();
  for (const u of riskOrg.units)
    names.set((await findUnitByKey(handle.db, { key: u.key }))!.id, u.key);
  for (const p of riskOrg.people)
    names.set((await findPersonByKey(handle.db, { key: p.key }))!.id, p.key);
  return rows
    .map((r) => {
      const [kind, unit, year, person] = r.key.replace('risk-season-', '').split(':');
      return `${kind}:${names.get(unit!)}:${year}:${names.get(person!)}`;
    })
    .sort();
}

/** The tick as the scheduler runs it: every minute, on every instance. */
async function tick(now: Date, times = 3): Promise<number[]> {
  const counts: number[] = [];
  for (let i = 0; i < times; i++)
    counts.push((await sendSeasonNudges(handle.db, { now })).enqueued);
  return counts;
}

/** A quick dialogue, held to the end: one risk, accepted. */
async function holdDialogue(chief: string, unitKey: string, now: Date) {
  const started = await as(chief, unitKey, now).command('risk');
  const dialogueId = ofKind(started, 'channel')[0]!.key!.replace('risk:', '');
  const form = await as(chief, unitKey, now).click('risk.add', dialogueId);
  const state = ofKind(form, 'form')[0]!.form.state;
  await as(chief, unitKey, now).submit('risk.add-risk', state, { description: 'Nycklar' });
  await as(chief, unitKey, now).click('risk.start-assess', dialogueId);
  const [risk] = await handle.db.select().from(risks).where(like(risks.description, 'Nycklar'));
  await as(chief, unitKey, now).submit('risk.agree', risk!.id, {
    probability: '1',
    consequence: '1',
  });
  await as(chief, unitKey, now).click('risk.start-decide', dialogueId);
  await as(chief, unitKey, now).submit('risk.decision', risk!.id, {
    process: 'internal-control',
    handling: 'accept',
  });
  const closed = await as(chief, unitKey, now).click('risk.close', dialogueId);
  expect(ofKind(closed, 'channel')).toHaveLength(1);
}

describe('risk-dialogue season', () => {
  it('lets a manager see and set the unit’s season, and refuses others', async () => {
    const now = new Date('2026-08-20T08:00:00Z');
    expect(privateText(await as('chef_b', 'sekb', now).command('risk säsong'))).toContain(
      'september (standard för nivån)',
    );
    expect(privateText(await as('chef_b', 'sekb', now).command('risk säsong 13'))).toContain(
      'Ange månader',
    );
    expect(privateText(await as('m_b1', 'sekb', now).command('risk säsong 10'))).toContain(
      'Du har inte behörighet',
    );
    expect(privateText(await as('chef_b', 'sekb', now).command('risk säsong sep okt'))).toBe(
      'Riskdialogens säsong för Sektion Årsta är nu september–oktober.',
    );
  });

  it('nudges each level when its window opens and when it closed unheld, once each', async () => {
    expect(await tick(new Date('2026-09-01T05:59:00Z'))).toEqual([0, 0, 0]);
    // 08:00 in Stockholm on 1 September: the sections' window opens.
    expect(await tick(new Date('2026-09-01T06:00:00Z'))).toEqual([2, 0, 0]);
    expect(await nudges()).toEqual(['open:seka:2026:chef_a', 'open:sekb:2026:chef_b']);
    const [row] = await handle.db
      .select()
      .from(outbox)
      .where(like(outbox.key, 'risk-season-open:%'));
    expect(JSON.stringify(row!.view)).toContain('Nu är det dags för riskdialogen');

    await holdDialogue('chef_a', 'seka', new Date('2026-09-15T08:00:00Z'));
    // October: Sektion Älvsjö held its dialogue, Sektion Årsta's season runs on; the unit's opens.
    expect(await tick(new Date('2026-10-01T06:00:00Z'))).toEqual([1, 0, 0]);
    expect(await nudges()).toContain('open:enh:2026:chef_enh');
    // November: Årsta and the unit are late, the department's window opens.
    expect(await tick(new Date('2026-11-01T07:00:00Z'))).toEqual([3, 0, 0]);
    expect(await nudges()).toEqual([
      'late:enh:2026:chef_enh',
      'late:sekb:2026:chef_b',
      'open:avd:2026:chef_avd',
      'open:enh:2026:chef_enh',
      'open:seka:2026:chef_a',
      'open:sekb:2026:chef_b',
    ]);
    // Past the grace, nothing more; a dialogue started but not closed is still late.
    expect(await tick(new Date('2026-11-20T08:00:00Z'))).toEqual([0, 0, 0]);
    await as('chef_avd', 'avd', new Date('2026-11-25T08:00:00Z')).command('risk');
    expect(await tick(new Date('2026-12-01T07:00:00Z'))).toEqual([1, 0, 0]);
    expect(await nudges()).toContain('late:avd:2026:chef_avd');
  });
});
