import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../bot/log.js';
import { createSender } from '../bot/outbox/sender.js';
import { createSlackDeliverer } from '../bot/slack/slack-deliverer.js';
import { openDueRounds } from '../dialogues/reflection/open-rounds.js';
import { sendDueReminders } from '../dialogues/reflection/reminders.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { RecordedCall } from '../scripts/bench/support/fake-slack-api.js';
import { syncOrg } from '../store/queries/org-sync.js';
import {
  reflectionAnswers,
  reflectionParticipation,
  reflectionRounds,
} from '../store/schema/index.js';
import { slackPerson, slackSession, slackUnit, textOf, userIdOf } from './support/slack-session.js';
import { startTestTillit, type TestTillit } from './support/start-test-tillit.js';

const CHANNEL = 'C0REFLECT';
const SECRET_TEXT = 'Brukarmötet på tisdag gav mycket';
const members = ['m1', 'm2', 'm3'];
let t: TestTillit;
let s: ReturnType<typeof slackSession>;

beforeAll(async () => {
  // Thursday 26 November 2026, 14:05 in Stockholm: the round has just opened.
  t = await startTestTillit({ start: new Date('2026-11-26T13:05:00Z') });
  s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit('refl', CHANNEL)],
    people: [
      slackPerson('chef', [{ unit: 'refl', role: 'manager' }]),
      ...members.map((m) => slackPerson(m, [{ unit: 'refl', role: 'member' }])),
    ],
  });
});
afterAll(async () => t?.close());

/** Delivers what the ticks enqueued, as the background sender would. */
async function deliverOutbox() {
  const sender = createSender({
    db: t.database.db,
    clock: t.tillit.clock,
    log: createLogger('error', () => {}),
    deliverers: [
      createSlackDeliverer({
        botToken: 'xoxb-test-token',
        apiUrl: t.api.url,
        rate: { perSecond: 1_000, burst: 100 },
      }),
    ],
    idlePollMs: 20,
  });
  while ((await sender.runOnce()) > 0) {}
}

const dmTo = (userKey: string): RecordedCall | undefined =>
  t.api
    .callsOf('chat.postMessage')
    .filter(
      (c) => c.args.channel === userIdOf(userKey) || c.args.channel === `D${userIdOf(userKey)}`,
    )
    .at(-1);

describe('the weekly reflection in Slack, through the real Bolt app', () => {
  it('sends the prompt as a DM; a rating click opens the form; the answer is stored unlinked', async () => {
    await openDueRounds(t.database.db, { now: t.tillit.clock.now() });
    await deliverOutbox();
    const prompt = dmTo('m1');
    expect(prompt).toBeDefined();
    expect(textOf(prompt!)).toContain(sv.reflection.anonymity);

    const dm = `D${userIdOf('m1')}`;
    const [round] = await t.database.db.select().from(reflectionRounds);
    const { triggerId } = await s.click(
      'm1',
      dm,
      prompt!.args.blocks,
      'reflection.rate',
      `${round!.id}:4`,
    );
    const modal = await s.modalOpenedBy(triggerId);
    expect(modal.callback_id).toBe('reflection.answer');
    const modalText = JSON.stringify(modal);
    expect(modalText).toContain('"max_length":500');
    expect(modalText).toContain('500 tecken');
    // The clicked rating is chosen already; one more click sends it.
    const chosen = JSON.stringify(modal).match(
      /"initial_option":(\{"text":\{[^}]*\},"value":"\d"\})/,
    );
    expect(JSON.parse(chosen?.[1] ?? '{}')).toMatchObject({ value: '4' });

    const since = s.since();
    const submitted = await s.submit('m1', modal, { rating: { selected: '4' }, text: SECRET_TEXT });
    expect(submitted.status).toBe(200);
    expect(textOf(await s.privateTo('m1', since))).toContain('Tack!');
    const answers = await t.database.db.select().from(reflectionAnswers);
    expect(answers).toMatchObject([{ rating: 4, text: SECRET_TEXT }]);
    const took = await t.database.db.select().from(reflectionParticipation);
    expect(took).toHaveLength(1);
  });

  it('refuses a personnummer next to the text input and keeps the modal open', async () => {
    const prompt = dmTo('m2')!;
    const { triggerId } = await s.click(
      'm2',
      `D${userIdOf('m2')}`,
      prompt.args.blocks,
      'reflection.rate',
    );
    const modal = await s.modalOpenedBy(triggerId);
    const refused = await s.submit('m2', modal, {
      rating: { selected: '2' },
      text: 'Brukare 811218-9876',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(refused.body)).toContain('personnummer');
    expect(await t.database.db.select().from(reflectionAnswers)).toHaveLength(1);
  });

  it('reminds only those who have not answered, once', async () => {
    t.tillit.clock.advance(21 * 3_600_000); // Friday 10:05
    await sendDueReminders(t.database.db, { now: t.tillit.clock.now() });
    await sendDueReminders(t.database.db, { now: t.tillit.clock.now() });
    await deliverOutbox();
    const reminded = t.api
      .callsOf('chat.postMessage')
      .filter((c) => textOf(c).includes(sv.reflection.reminderLead.slice(0, 30)))
      .map((c) => String(c.args.channel).replace(/^D/, ''));
    expect(reminded.sort()).toEqual([userIdOf('chef'), userIdOf('m2'), userIdOf('m3')].sort());
  });

  it('never logs what someone wrote', () => {
    const log = t.logLines.join('\n');
    expect(log).not.toContain(SECRET_TEXT);
    expect(log).not.toContain('811218');
  });
});
