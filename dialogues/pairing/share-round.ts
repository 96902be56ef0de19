import type { Database } from '../../store/database.js';
import { enqueueOutbox } from '../../store/queries/outbox.js';
import { getPeerReview, listDialoguesOfUnit } from '../../store/queries/peer-reviews.js';
import { savePairs } from '../../store/queries/review-pairs.js';
import {
  getUnit,
  listChannelsOfUnit,
  listSubtree,
  type Unit,
  type UnitInTree,
} from '../../store/queries/units.js';
import { isAdmin, may } from '../core/access.js';
import type { Actor } from '../core/actor.js';
import type { RequestContext } from '../core/context.js';
import type { CommandRequest } from '../core/feature.js';
import { findUnitByText, unknownUnitText } from '../core/find-unit.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import { reviewAnswersKey } from '../review/review-kind.js';
import { loadReviewShown } from '../review/review-load.js';
import { reviewAnswersView } from '../review/review-views.js';
import { channelFor, defaultDeadline, shareForReview } from '../review/share.js';
import { type Block, view } from '../view.js';
import {
  type PairingPeriod,
  type PeerSuggestion,
  pairingPeriod,
  resolvePeers,
} from './suggest-peer.js';

/** What became of one unit of the round. */
type Shared = { kind: 'shared' | 'already'; unit: string; topic: string; peer: string };
type Skipped = { kind: 'skipped'; unit: string; reason: SkipReason };
type RoundLine = Shared | Skipped;
type SkipReason = 'noClosedDialogue' | 'noPeer' | 'noChannel';

/**
 * `dela runda <förvaltning/avdelning>` (`share round …`): a leader over the subtree (or an
 * administrator) asks every unit in it to share its latest closed SWOT or risk outcome with
 * its peer of the tertial (an admin's or the file's pair, else Tillit's suggestion), through
 * the one share use case. One transaction: the round happens whole or not at all. Units
 * that cannot take part are listed with the reason.
 */
export async function shareRound(request: CommandRequest, args: string[]): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.pairing.round;
  const typed = args.join(' ').trim();
  if (!typed) return say(t.usage);
  const root = await findUnitByText(ctx.db, typed);
  if (!root) return say(await unknownUnitText(ctx.db, actor, typed));
  if (!isAdmin(actor) && !(await may(ctx.db, actor, 'ask-review-round', root.id)))
    return say(actor.t.common.notAllowed({ what: t.what }));
  const units = await listSubtree(ctx.db, { unitId: root.id });
  const period = pairingPeriod(ctx.now, root.timezone);
  const lines = await ctx.db.transaction(async (tx) => {
    const peers = await resolvePeers(tx, { period, unitIds: units.map((u) => u.id) });
    const done: RoundLine[] = [];
    for (const unit of units) done.push(await shareOne(tx, { ctx, actor, unit, period, peers }));
    return done;
  });
  return privately(roundView(actor, { unit: root, period: period.name, lines }));
}

async function shareOne(
  db: Database,
  params: {
    ctx: RequestContext;
    actor: Actor;
    unit: UnitInTree;
    period: PairingPeriod;
    peers: Map<string, PeerSuggestion>;
  },
): Promise<RoundLine> {
  const { ctx, actor, unit } = params;
  const skipped = (reason: SkipReason): RoundLine => ({ kind: 'skipped', unit: unit.name, reason });
  const dialogue = (await listDialoguesOfUnit(db, { unitId: unit.id })).find(
    (d) => d.closedAt !== null,
  );
  if (!dialogue) return skipped('noClosedDialogue');
  const pair = params.peers.get(unit.id);
  if (!pair) return skipped('noPeer');
  const channel = channelFor(await listChannelsOfUnit(db, { unitId: pair.peer.id }), {
    prefer: ctx.place.platform,
  });
  if (!channel) return skipped('noChannel');
  const pairId = pair.pairId ?? (await keepSuggestion(db, pair));
  const sharing = await unitOf(db, unit.id);
  const review = await shareForReview(db, {
    dialogue,
    reviewingUnit: await unitOf(db, pair.peer.id),
    reviewingChannel: channel,
    sharedBy: actor.person.id,
    lang: actor.lang,
    deadline: defaultDeadline(ctx.now, sharing.timezone),
    pairId,
    now: ctx.now,
    threshold: ctx.settings.anonymityThreshold,
  });
  const names = { unit: unit.name, topic: dialogue.topic, peer: pair.peer.name };
  if (!review) return { kind: 'already', ...names };
  await postAnswersMessage(db, { ctx, reviewId: review.id, sharingUnitId: unit.id });
  return { kind: 'shared', ...names };
}

/**
 * A suggestion a round acted on becomes the unit's pair for the tertial, so the review names
 * it and a later change in the tree does not change who this tertial's reviewer was.
 */
async function keepSuggestion(db: Database, pair: PeerSuggestion): Promise<string> {
  const [saved] = await savePairs(db, {
    period: pair.period,
    source: 'suggested',
    setBy: null,
    pairs: [{ unitId: pair.unit.id, peerUnitId: pair.peer.id }],
  });
  return saved!.id;
}

/**
 * The sharing unit's one updating message with the feedback: a manager sharing gets it as the
 * reply in their channel; a round runs elsewhere, so it goes to the unit's channel through the
 * outbox, under the same key the feedback updates.
 */
async function postAnswersMessage(
  db: Database,
  params: { ctx: RequestContext; reviewId: string; sharingUnitId: string },
): Promise<void> {
  const { ctx } = params;
  const channel = channelFor(await listChannelsOfUnit(db, { unitId: params.sharingUnitId }), {
    prefer: ctx.place.platform,
  });
  if (!channel) return; // The feedback is still kept; the unit sees it once it links a channel.
  const review = await loadReview(db, params.reviewId, ctx.now);
  await enqueueOutbox(db, {
    key: reviewAnswersKey(params.reviewId),
    target: { kind: 'channel', ...channel },
    view: reviewAnswersView(review),
    notBefore: ctx.now,
    updatable: true,
  });
}

async function loadReview(db: Database, reviewId: string, now: Date) {
  const review = await getPeerReview(db, { reviewId });
  if (!review) throw new Error(`share round: review ${reviewId} vanished in its transaction`);
  return loadReviewShown(db, review, now);
}

async function unitOf(db: Database, unitId: string): Promise<Unit> {
  const unit = await getUnit(db, { unitId });
  if (!unit) throw new Error(`share round: unit ${unitId} vanished in its transaction`);
  return unit;
}

function roundView(
  actor: Actor,
  params: { unit: Unit; period: string; lines: RoundLine[] },
): ReturnType<typeof view> {
  const t = actor.t.pairing.round;
  const title = t.title({ unit: params.unit.name, period: params.period });
  const shared = params.lines.filter((l): l is Shared => l.kind !== 'skipped');
  const skipped = params.lines.filter((l): l is Skipped => l.kind === 'skipped');
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (shared.length > 0) {
    blocks.push({ type: 'text', text: `*${t.sharedHeader({ count: shared.length })}*` });
    blocks.push({
      type: 'list',
      items: shared.map((l) => ({
        text: l.kind === 'shared' ? t.sharedLine(l) : t.alreadyLine(l),
      })),
    });
  }
  if (skipped.length > 0) {
    blocks.push({ type: 'text', text: `*${t.skippedHeader({ count: skipped.length })}*` });
    blocks.push({
      type: 'list',
      items: skipped.map((l) => ({
        text: t.skippedLine({ unit: l.unit, reason: t.reasons[l.reason] }),
      })),
    });
  }
  return view(title, ...blocks);
}
