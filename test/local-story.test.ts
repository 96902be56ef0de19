import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../dialogues/texts/catalogue.js';
import {
  clickButton,
  fillForm,
  hasChromium,
  type LocalBrowser,
  launchLocalBrowser,
  pickChannel,
  pickPerson,
  readMessages,
  screenshot,
  skipWithoutChromium,
  travelTime,
  typeCommand,
  waitForMessage,
} from './support/local-browser.js';
import {
  type LocalPerson,
  type LocalTestTillit,
  listLocalPeople,
  startLocalTillit,
} from './support/local-tillit.js';

if (!hasChromium) console.warn(skipWithoutChromium);

/**
 * The story a new user tries first, start to end in the browser on a fresh database: a
 * section runs a SWOT and agrees an action, answers the weekly reflection, the manager reads
 * the summary, and a week's time travel brings the action's owner the due nudge. The clock
 * starts on Thursday 19 November 2026, 13:30 in Stockholm: half an hour before the demo
 * units' weekly reflection opens.
 */
const START = new Date('2026-11-19T12:30:00Z');
const sv = texts('sv');

describe.skipIf(!hasChromium)('the local channel story, in the browser', () => {
  let t: LocalTestTillit;
  let browser: LocalBrowser;
  let page: Page;
  let manager: LocalPerson;
  let members: LocalPerson[];
  let section: string;

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startLocalTillit({ start: START, background: true }),
      launchLocalBrowser(),
    ]);
    const people = await listLocalPeople(t.url);
    manager = people.find((p) => p.roles.some((r) => r.role === 'manager' && isSection(r)))!;
    const unit = manager.roles.find(isSection)!;
    section = unit.unitName;
    members = people.filter((p) =>
      p.roles.some((r) => r.role === 'member' && r.unitKey === unit.unitKey),
    );
    ({ page } = await browser.open(t.url));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const isSection = (r: LocalPerson['roles'][number]) => /-\d+$/.test(r.unitKey);

  /** Acts as this person in the section's channel. */
  async function as(person: LocalPerson): Promise<void> {
    await pickPerson(page, person.key);
    await pickChannel(page, section);
  }

  const items = {
    strength: 'Vi hjälper varandra när det är tungt',
    weakness: 'För många system att logga in i',
    threat: 'Svårt att rekrytera socionomer',
  };
  const action = 'Ta fram en introduktion för nya socionomer';

  it('runs a SWOT with five voters: items, votes, an action, closed', async () => {
    const s = sv.swot;
    expect(members.length).toBeGreaterThanOrEqual(5);
    await as(manager);
    await typeCommand(page, '/tillit swot "Vår vardag"');
    await waitForMessage(page, s.title({ topic: 'Vår vardag' }));

    const authors: [LocalPerson, string, string][] = [
      [manager, s.quadrants.strengths, items.strength],
      [members[0]!, s.quadrants.weaknesses, items.weakness],
      [members[1]!, s.quadrants.threats, items.threat],
    ];
    for (const [author, quadrant, text] of authors) {
      await as(author);
      await clickButton(page, s.buttons.add);
      await fillForm(page, { [s.addForm.quadrantLabel]: quadrant, [s.addForm.textLabel]: text });
      await waitForMessage(page, s.added({ quadrant }).replaceAll('*', ''));
    }
    await waitForMessage(page, s.itemsLine({ count: 3 }));

    await as(manager);
    await clickButton(page, s.buttons.startVote);
    await waitForMessage(page, s.phases.vote);
    // Five voters: the anonymity threshold, so the totals show once voting is over.
    for (const voter of [manager, ...members.slice(0, 4)]) {
      await as(voter);
      await clickButton(page, s.buttons.voteIn({ quadrant: s.quadrants.threats }));
      await clickButton(page, s.buttons.voteOne, { near: items.threat });
      await waitForMessage(page, /Din röst på ”Svårt att rekrytera socionomer” är lagd/);
    }
    await as(members[0]!);
    // A member is not offered what only the manager may do.
    const board = await waitForMessage(page, s.title({ topic: 'Vår vardag' }));
    expect(await board.textContent()).not.toContain(s.buttons.endVote);
    await clickButton(page, s.buttons.voteIn({ quadrant: s.quadrants.strengths }));
    await clickButton(page, s.buttons.voteOne, { near: items.strength });
    await clickButton(page, s.buttons.voteOne, { near: items.strength });
    await waitForMessage(page, s.votersLine({ voters: 5 }));
    // One ballot, updated in place with each vote: its count never goes stale.
    const ballots = (await readMessages(page, { fromTillit: true })).filter((text) =>
      text.startsWith(s.ballot.title({ quadrant: s.quadrants.strengths })),
    );
    expect(ballots).toHaveLength(1);
    expect(ballots[0]).toContain('Du har 2 av 5 röster kvar');
    await screenshot(page, 'story-1-swot-voting');

    await as(manager);
    await clickButton(page, s.buttons.endVote);
    await waitForMessage(page, `${items.threat} (${s.votes({ count: 5 })})`);
    await clickButton(page, s.buttons.toAction, { near: items.threat });
    const owner = members[1]!;
    await fillForm(page, {
      [s.actionForm.textLabel]: action,
      [s.actionForm.ownerLabel]: owner.name,
      [s.actionForm.dueLabel]: '2026-11-20',
    });
    await waitForMessage(
      page,
      s.actionLine({ text: action, owner: owner.name, due: '20 nov 2026' }),
    );
    await clickButton(page, s.buttons.close);
    const summary = await waitForMessage(page, s.summaryTitle({ topic: 'Vår vardag' }));
    expect(await summary.textContent()).toContain(action);

    // One board, updated in place through every phase, now closed. The summary is the close's
    // own reply; the board's update goes through the outbox, so it may show a moment later.
    const boards = async () =>
      (await readMessages(page, { fromTillit: true })).filter((text) =>
        text.startsWith(s.title({ topic: 'Vår vardag' })),
      );
    await expect
      .poll(async () => (await boards())[0] ?? '', { timeout: 10_000 })
      .toContain(s.phases.closed);
    expect(await boards()).toHaveLength(1);
    await screenshot(page, 'story-2-swot-closed');
  });

  it('shares the closed SWOT with a peer section, which answers on the card', async () => {
    const r = sv.review;
    const people = await listLocalPeople(t.url);
    // Another section with a member: the peer that reviews the outcome.
    const peerRole = people
      .flatMap((p) => p.roles.map((role) => ({ person: p, role })))
      .find(({ role }) => isSection(role) && role.role === 'member' && role.unitName !== section)!;
    const peer = peerRole.role.unitName;
    await as(manager);
    await typeCommand(page, `/tillit dela "${peer}"`);
    const answers = r.answersTitle({ unit: peer, topic: 'Vår vardag' });
    await waitForMessage(page, answers);

    // The card reaches the peer's channel through the outbox, with no member's name on it.
    await pickPerson(page, peerRole.person.key);
    await pickChannel(page, peer);
    const card = await waitForMessage(page, r.cardTitle({ unit: section, topic: 'Vår vardag' }));
    const cardText = await card.innerText();
    expect(cardText).toContain(items.threat);
    expect(cardText).toContain(action);
    for (const member of members) expect(cardText).not.toContain(member.name);
    await clickButton(page, r.feedbackKinds.tip);
    await fillForm(page, {
      [r.feedbackForm.textLabel]: 'Låt nya socionomer gå bredvid en erfaren kollega första veckan',
      [r.feedbackForm.anonymousLabel]: [r.feedbackForm.anonymousOption],
    });
    // The thanks for anonymous feedback is shown in the status line and stored nowhere.
    await page
      .locator('#status')
      .filter({ hasText: r.thanksAnonymous })
      .waitFor({ timeout: 10_000 });
    expect(await readMessages(page)).not.toContainEqual(expect.stringContaining(r.thanksAnonymous));
    await clickButton(page, r.feedbackKinds['how-we-do-it']);
    await fillForm(page, {
      [r.feedbackForm.textLabel]: 'Vi har en checklista för introduktionen som alla följer',
    });
    await expect
      .poll(async () => (await card.innerText()).includes(r.feedbackTitle({ count: 2 })), {
        timeout: 10_000,
      })
      .toBe(true);
    await screenshot(page, 'story-2b-peer-review-card');

    // Back in the section's channel: one message, updated with both answers.
    await as(manager);
    await expect
      .poll(
        async () =>
          (await readMessages(page, { fromTillit: true })).filter((text) =>
            text.startsWith(answers),
          ),
        { timeout: 10_000 },
      )
      .toEqual([expect.stringContaining(r.feedbackTitle({ count: 2 }))]);
    await screenshot(page, 'story-2c-peer-review-answers');
  });

  it('opens the weekly reflection on time; five people answer', async () => {
    const r = sv.reflection;
    await travelTime(page, '1h');
    const answerers = members.slice(0, 5);
    const ratings = [4, 5, 3, 4, 4];
    for (const [i, person] of answerers.entries()) {
      await pickPerson(page, person.key);
      await waitForMessage(page, r.title, { in: 'inbox' });
      await clickButton(page, String(ratings[i]), { in: 'inbox' });
      await fillForm(page, { [r.form.textLabel({ max: 500 })]: `Bra stöd från kollegorna ${i}` });
      await waitForMessage(page, r.thanks, { in: 'inbox' });
      // The prompt itself says it is answered: its 1–5 buttons are gone.
      expect(await page.locator('#inbox [data-action-id="reflection.rate"]').count()).toBe(0);
    }
    await screenshot(page, 'story-3-reflection-answered');
  });

  it('travels a day ahead, and the owner finds the due nudge in the inbox', async () => {
    const f = sv.followUp;
    await travelTime(page, '1d');
    const owner = members[1]!;
    await pickPerson(page, owner.key);
    const nudge = await waitForMessage(page, f.nudge.dueTitle, { in: 'inbox' });
    expect(await nudge.textContent()).toContain(action);
    await screenshot(page, 'story-5-due-nudge');
    // Done: the effect question comes; the nudge and "Du har fått en åtgärd" (both sent
    // through the outbox) turn into "Åtgärden är klar" a moment later, with no Klar / Nytt
    // datum / Stryk left anywhere in the inbox.
    await clickButton(page, f.buttons.done, { in: 'inbox' });
    const answered = await waitForMessage(page, f.effect.question, { in: 'inbox' });
    for (const gone of ['follow-up.done', 'follow-up.reschedule', 'follow-up.drop']) {
      expect(await answered.locator(`[data-action-id="${gone}"]`).count()).toBe(0);
    }
    await expect
      .poll(() => page.locator('#inbox [data-action-id="follow-up.done"]').count(), {
        timeout: 15_000,
      })
      .toBe(0);
    const inbox = (await readMessages(page, { in: 'inbox' })).join('\n');
    expect(inbox).not.toContain(f.nudge.dueTitle);
    expect(inbox).toContain(f.nudge.settledTitle.done);
    expect(inbox).toContain(f.effect.question);
    await screenshot(page, 'story-5b-done-effect-question');
  });

  it('a week on, the round has closed, and the manager sees its figures in the summary', async () => {
    // Figures come only from closed rounds.
    await travelTime(page, '7d');
    await as(manager);
    await typeCommand(page, '/tillit summary');
    const m = sv.summary.measures;
    const summary = await waitForMessage(
      page,
      sv.summary.title({ unit: section, period: 'T3 2026' }),
    );
    const text = await summary.innerText();
    // Everyone in the section was asked: the members and their manager.
    const percent = Math.round((5 * 100) / (members.length + 1));
    expect(text).toContain(`${m['reflection.response-rate']}\t${percent} %`);
    expect(text).toContain(`${m['rating.all']}\t4,0`);
    expect(text).toContain(sv.summary.themes);
    expect(text).toContain('kollegorna (5), stöd (5)');
    expect(text).toContain(`${m['dialogues.swot']}\t1`);
    expect(text).toContain(`${m['actions.opened']}\t1`);
    await screenshot(page, 'story-6-summary');

    // The CSV export: a link to the file on this very server, no contradicting words.
    await clickButton(page, sv.summary.exportCsv);
    const ready = await waitForMessage(page, /Exporten sammanstallning-.*\.csv är klar/);
    expect(await ready.textContent()).not.toMatch(/PUBLIC_URL|npm run export/);
    const href = await ready.locator('a[download]').getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(csv).toMatch(/^\uFEFF?enhet_nyckel;/);
    await screenshot(page, 'story-7-export');
  });
});
