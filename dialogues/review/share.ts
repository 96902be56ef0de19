import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import { enqueueOutbox } from '../../store/queries/outbox.js';
import {
  insertPeerReview,
  listDialoguesOfUnit,
  type PeerReview,
} from '../../store/queries/peer-reviews.js';
import { savePairs } from '../../store/queries/review-pairs.js';
import {
  type ChannelRef,
  getUnit,
  listChannelsOfUnit,
  type Unit,
} from '../../store/queries/units.js';
import type { Language, Platform } from '../../store/schema/index.js';
import { isWord } from '../commands/words.js';
import type { CommandRequest } from '../core/feature.js';
import { findUnitByText, unknownUnitText } from '../core/find-unit.js';
import { guardUnit, say } from '../core/guards.js';
import { note, type Outcome, outcome } from '../core/outcome.js';
import { usage } from '../core/usage.js';
import { formatDeadline, looksLikeDate, readDeadline } from '../dialogue/deadline.js';
import { todayIn } from '../dialogue/local-time.js';
import { readStartDeadline } from '../dialogue/start-dialogue.js';
import { shareRound } from '../pairing/share-round.js';
import { type PeerSuggestion, suggestPeer } from '../pairing/suggest-peer.js';
import { snapshotOutcome } from './outcome-snapshot.js';
import { REVIEW_DAYS, reviewAnswersKey, reviewCardKey } from './review-kind.js';
import { loadReviewShown } from './review-load.js';
import { reviewAnswersView, reviewCardView } from './review-views.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const ROUND_WORDS = ['runda', 'round'];
const HELP_WORDS = ['help', 'hjälp', '?'];
const loosely = new Intl.Collator('sv', { sensitivity: 'base' });

/** Through the day two weeks ahead where the sharing unit is: midnight after it, local time. */
export function defaultDeadline(now: Date, timeZone: string): Date {
  const today = todayIn(now, timeZone);
  const last = new Date(Date.parse(`${today}T12:00:00Z`) + REVIEW_DAYS * DAY_MS);
  const read = readDeadline(last.toISOString().slice(0, 10), { now, timeZone });
  if (!read.ok) throw new Error(`the default review deadline ${last.toISOString()} is unreadable`);
  return read.deadline;
}

/**
 * `/tillit dela [dialog] [enhet] [sista dag]` (`share …`): the channel's unit's manager shares
 * the outcome of a closed SWOT or risk dialogue (the latest closed one, or the one named by
 * its title) with a peer unit: the one named, else the unit's pair of the tertial. The card
 * goes to the peer unit's channel through the outbox; the feedback shows here, in one message
 * that updates as it comes. `dela runda <enhet>` is the leadership's round over a subtree
 * (pairing/share-round.ts).
 */
export async function shareCommand(request: CommandRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const r = t.review;
  // A round checks its own access (a leader's, over many units), not the channel's unit.
  if (isWord(request.args[0], ROUND_WORDS)) return shareRound(request, request.args.slice(1));
  if (isWord(request.args[0], HELP_WORDS)) return usage(r.usageTitle, r.usage);
  const guarded = await guardUnit(request, 'lead-review', r.what.share);
  if (!guarded.ok) return guarded.outcome;
  const unit = guarded.unit;
  if (!ctx.place.channelId) return say(t.dialogue.needsChannel);
  const words = readShareWords(request.args);
  const typed = words.rest.length > 0;
  const peer = typed ? await findPeer(ctx.db, words) : await peerOfPeriod(ctx.db, unit, ctx.now);
  if (!peer) {
    return typed
      ? say(await unknownUnitText(ctx.db, actor, words.rest.join(' ')))
      : usage(r.usageTitle, r.usage);
  }
  if (peer.unit.id === unit.id) return say(r.notSelf);
  const chosen = await chooseDialogue(ctx.db, unit.id, peer.title);
  if (!chosen.ok) return say(chosen.problem === 'open' ? r.notClosed : r.noneClosed);
  const deadline = readStartDeadline(request, unit, words.deadline);
  if (!deadline.ok) return deadline.outcome;
  const channel = channelFor(await listChannelsOfUnit(ctx.db, { unitId: peer.unit.id }), {
    prefer: ctx.place.platform,
  });
  if (!channel) return say(r.peerWithoutChannel({ unit: peer.unit.name }));
  const shared = await shareForReview(ctx.db, {
    dialogue: chosen.dialogue,
    reviewingUnit: peer.unit,
    reviewingChannel: channel,
    sharedBy: actor.person.id,
    lang: actor.lang,
    deadline: deadline.deadline ?? defaultDeadline(ctx.now, unit.timezone),
    pairId: peer.suggestion ? await pairIdOf(ctx.db, peer.suggestion) : null,
    now: ctx.now,
    threshold: ctx.settings.anonymityThreshold,
  });
  if (!shared) return say(r.alreadyShared({ unit: peer.unit.name }));
  const shown = await loadReviewShown(ctx.db, shared, ctx.now);
  const when = formatDeadline(shared.deadline, { lang: actor.lang, timeZone: unit.timezone });
  return outcome(note(r.shared({ topic: chosen.dialogue.topic, unit: peer.unit.name, when })), {
    kind: 'channel',
    key: reviewAnswersKey(shared.id),
    view: reviewAnswersView(shown),
  });
}

/**
 * The one way a review is made (this command, a leader's round of reviews): the outcome
 * frozen as it is now, the review row, and the card to the reviewing unit's channel through
 * the outbox, all in the caller's transaction. Who may share is the caller's check. Null when
 * this outcome was already shared with that unit (nothing changes).
 */
export async function shareForReview(
  db: Database,
  params: {
    dialogue: Dialogue;
    reviewingUnit: Unit;
    reviewingChannel: ChannelRef;
    sharedBy: string;
    lang: Language;
    deadline: Date;
    pairId: string | null;
    now: Date;
    threshold: number;
  },
): Promise<PeerReview | null> {
  const { dialogue, now } = params;
  const review = await insertPeerReview(db, {
    sharingUnitId: dialogue.unitId,
    reviewingUnitId: params.reviewingUnit.id,
    sourceKind: dialogue.kind,
    sourceDialogueId: dialogue.id,
    outcome: await snapshotOutcome(db, dialogue, params.threshold),
    lang: params.lang,
    sharedBy: params.sharedBy,
    pairId: params.pairId,
    deadline: params.deadline,
    now,
  });
  if (!review) return null;
  const shown = await loadReviewShown(db, review, now);
  await enqueueOutbox(db, {
    key: reviewCardKey(review.id),
    target: { kind: 'channel', ...params.reviewingChannel },
    view: reviewCardView(shown),
    notBefore: now,
    updatable: true,
  });
  return review;
}

/** One of the unit's channels, on the platform asked from when it has one there. */
export function channelFor(
  channels: readonly ChannelRef[],
  options: { prefer: Platform },
): ChannelRef | null {
  return channels.find((c) => c.platform === options.prefer) ?? channels[0] ?? null;
}

interface ShareWords {
  /** The words naming the dialogue and the unit, in the order typed. */
  rest: string[];
  deadline: string | null;
}

/** A trailing date (and time) is the deadline; the words before it name dialogue and unit. */
function readShareWords(args: string[]): ShareWords {
  const words = [...args];
  let deadline: string | null = null;
  const last = words.at(-1);
  const beforeLast = words.at(-2);
  if (last && beforeLast && looksLikeDate(beforeLast) && /^\d{1,2}[:.]\d{2}$/.test(last)) {
    deadline = `${beforeLast} ${last}`;
    words.splice(-2);
  } else if (last && looksLikeDate(last)) {
    deadline = last;
    words.pop();
  }
  return { rest: words, deadline };
}

type Peer = { unit: Unit; title: string | null; suggestion: PeerSuggestion | null };

/**
 * `dela` with no unit: the unit's peer of the tertial (an admin's or the org file's pair, else
 * Tillit's suggestion, pairing/suggest-peer.ts); null when it has none.
 */
async function peerOfPeriod(db: Database, unit: Unit, now: Date): Promise<Peer | null> {
  const suggestion = await suggestPeer(db, { unitId: unit.id, on: now });
  const peer = suggestion ? await getUnit(db, { unitId: suggestion.peer.id }) : null;
  return suggestion && peer ? { unit: peer, title: null, suggestion } : null;
}

/** The stored pair the review is shared under; a suggestion acted on is kept as the pair. */
async function pairIdOf(db: Database, suggestion: PeerSuggestion): Promise<string> {
  if (suggestion.pairId) return suggestion.pairId;
  const [saved] = await savePairs(db, {
    period: suggestion.period,
    source: 'suggested',
    setBy: null,
    pairs: [{ unitId: suggestion.unit.id, peerUnitId: suggestion.peer.id }],
  });
  if (!saved) throw new Error(`the suggested pair of ${suggestion.unit.id} was not saved`);
  return saved.id;
}

/**
 * `dela Barn` or `dela "Barn och unga"`: all words name the unit, the latest closed dialogue.
 * `dela "Vår vardag" Barn och unga`: the first names the dialogue, the rest the unit.
 */
async function findPeer(db: Database, words: ShareWords): Promise<Peer | null> {
  const whole = await findUnitByText(db, words.rest.join(' '));
  if (whole) return { unit: whole, title: null, suggestion: null };
  const [title, ...unitWords] = words.rest;
  if (!title || unitWords.length === 0) return null;
  const unit = await findUnitByText(db, unitWords.join(' '));
  return unit ? { unit, title, suggestion: null } : null;
}

type Chosen = { ok: true; dialogue: Dialogue } | { ok: false; problem: 'open' | 'none' };

/** The dialogue by title (case and accents forgiven), else the latest closed one. */
async function chooseDialogue(db: Database, unitId: string, title: string | null): Promise<Chosen> {
  const all = await listDialoguesOfUnit(db, { unitId });
  const named = title ? all.filter((d) => loosely.compare(d.topic, title) === 0) : all;
  const closed = named.find((d) => d.closedAt !== null);
  if (closed) return { ok: true, dialogue: closed };
  return { ok: false, problem: named.length > 0 ? 'open' : 'none' };
}
