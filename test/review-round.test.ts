import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewAnswersKey, reviewCardKey } from '../dialogues/review/review-kind.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { DatabaseHandle } from '../store/database.js';
import { dialogues, outbox, peerReviews, people, reviewPairs } from '../store/schema/index.js';
import { driver, ofKind, privateText, viewText } from './support/risk-org.js';
import { openTwoDepartments } from './support/two-departments.js';

/** Tuesday 3 March 2026: the first tertial (T1-2026). */
const NOW = new Date('2026-03-03T09:00:00Z');

let handle: DatabaseHandle;
let id: Record<string, string>;

beforeAll(async () => {
  ({ handle, id } = await openTwoDepartments());
  const [chef] = await handle.db.select().from(people).where(eq(people.key, 'barnchef'));
  await handle.db.insert(dialogues).values({
    kind: 'swot',
    unitId: id.barn!,
    platform: 'slack',
    workspace: 'T1',
    channelId: 'C_BARN',
    topic: 'Vår vardag',
    phase: 'closed',
    lang: 'sv',
    startedBy: chef!.id,
    closedAt: new Date('2026-02-20T10:00:00Z'),
  });
});
afterAll(async () => handle?.close());

const as = (who: string) => driver(handle.db, who, null, NOW);
const round = sv.pairing.round;
/** The unit the round shared barn's outcome with. */
let peerKey = '';

describe("a leader's round of reviews across a department", () => {
  it('is refused to a manager, a member, and a leader of another department', async () => {
    for (const who of ['barnchef', 'barn1', 'led2']) {
      const refused = await as(who).command('dela runda ifo');
      expect(privateText(refused)).toBe(sv.common.notAllowed({ what: round.what }));
    }
    expect(privateText(await as('led').command('share round'))).toBe(round.usage);
    expect(privateText(await as('led').command('share round ifx'))).toContain(
      sv.common.unknownUnit({ text: 'ifx' }),
    );
    expect(await handle.db.select().from(peerReviews)).toEqual([]);
  });

  it("shares each unit's latest closed outcome with its peer and lists the units skipped", async () => {
    const reply = await as('led').command('dela runda ifo');
    const text = viewText(ofKind(reply, 'private')[0]!.view);
    const [review] = await handle.db.select().from(peerReviews);
    expect(review).toMatchObject({ sharingUnitId: id.barn, lang: 'sv' });
    peerKey = Object.keys(id).find((k) => id[k] === review!.reviewingUnitId)!;
    expect(['hemtj', 'boende']).toContain(peerKey);
    expect(text).toContain(round.title({ unit: 'Enhet ifo', period: 'T1-2026' }));
    expect(text).toContain(
      round.sharedLine({ unit: 'Enhet barn', topic: 'Vår vardag', peer: `Enhet ${peerKey}` }),
    );
    for (const skipped of ['Enhet ifo', 'Enhet vuxen'])
      expect(text).toContain(
        round.skippedLine({ unit: skipped, reason: round.reasons.noClosedDialogue }),
      );
    // The suggestion it acted on is the unit's pair for the tertial, and the review names it.
    const [pair] = await handle.db
      .select()
      .from(reviewPairs)
      .where(eq(reviewPairs.unitId, id.barn!));
    expect(pair).toMatchObject({ source: 'suggested', period: 'T1-2026', id: review!.pairId });
    // The card goes to the peer's channel, the answers message to barn's: both through the outbox.
    const sent = await handle.db.select().from(outbox).where(like(outbox.key, 'review:%'));
    expect(sent.map((r) => [r.key, r.channelId]).sort()).toEqual(
      [
        [reviewAnswersKey(review!.id), 'C_BARN'],
        [reviewCardKey(review!.id), `C_${peerKey.toUpperCase()}`],
      ].sort(),
    );
  });

  it('changes nothing when asked again, and an administrator may ask too', async () => {
    const again = viewText(ofKind(await as('adm').command('share round ifo'), 'private')[0]!.view);
    expect(again).toContain(
      round.alreadyLine({ unit: 'Enhet barn', topic: 'Vår vardag', peer: `Enhet ${peerKey}` }),
    );
    expect(await handle.db.select().from(peerReviews)).toHaveLength(1);
  });
});
