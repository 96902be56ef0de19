import { enqueueMessageUpdate } from '../../store/queries/message-updates.js';
import { listPostedKeysWithPrefix } from '../../store/queries/posted-messages.js';
import { listSwotItems } from '../../store/queries/swot-items.js';
import {
  castSwotVote,
  listVotesOfVoter,
  withdrawSwotVote,
} from '../../store/queries/swot-votes.js';
import { type SwotQuadrant, swotQuadrants } from '../../store/schema/index.js';
import type { ActionRequest, Request } from '../core/feature.js';
import { note, type Outcome, outcome, replacing } from '../core/outcome.js';
import type { Checked } from '../dialogue/check-dialogue.js';
import { inPhase } from '../dialogue/in-phase.js';
import { privateCardKey } from '../dialogue/private-cards.js';
import type { Button, ListItem, View } from '../view.js';
import { shownItems } from './swot-board.js';
import { swotSettings } from './swot-kind.js';
import { checkSwot, type LoadedSwot, loadItem, loadSwot, withUpdate } from './swot-load.js';

/** Items listed on one private ballot; a bigger quadrant is cut (rare in one team's SWOT). */
const BALLOT_ITEMS = 40;

/** The SWOT (or item) in the vote phase, and a person allowed to vote: or why not. */
function checkVoting<L extends LoadedSwot>(
  request: Request,
  loaded: L | { ok: false; outcome: Outcome },
): Promise<Checked<L>> {
  const what = request.actor.t.swot.what.vote;
  return checkSwot(request, loaded, { phases: ['vote'], capability: 'take-part', what });
}

/** Button "vote: threats" → a private ballot for that quadrant with this person's dots. */
export async function showBallot(request: ActionRequest): Promise<Outcome> {
  const [dialogueId = '', quadrantWord] = request.action.value.split(':');
  const quadrant = swotQuadrants.find((q) => q === quadrantWord);
  const checked = await checkVoting(request, await loadSwot(request, dialogueId));
  if (!checked.ok) return checked.outcome;
  if (!quadrant) return outcome(note(request.actor.t.common.staleButton));
  return outcome({
    kind: 'private',
    view: await ballotView(request, checked.loaded, quadrant),
    // Its buttons give way once voting is over (dialogue/private-cards.ts).
    key: privateCardKey(checked.loaded.dialogue, request.actor.person.id, `ballot:${quadrant}`),
  });
}

/**
 * A person's ballot for one quadrant. After a vote the same ballot is shown again in place of
 * the old one (`replace`), with what just happened on top, so the counts never go stale.
 */
async function ballotView(
  request: Request,
  loaded: LoadedSwot,
  quadrant: SwotQuadrant,
  happened?: string,
): Promise<View> {
  return renderBallot(request, loaded, await loadBallots(request, loaded), quadrant, happened);
}

/** What every ballot of the person shows, read once for all of them. */
async function loadBallots(request: Request, loaded: LoadedSwot) {
  const { ctx, actor } = request;
  const dialogueId = loaded.dialogue.id;
  // Only this person's own dots: others' totals would move with each vote and tell who voted
  // for what (see disclosure.ts); they show once voting is over.
  const [items, mine] = await Promise.all([
    listSwotItems(ctx.db, { dialogueId }),
    listVotesOfVoter(ctx.db, { dialogueId, voterId: actor.person.id }),
  ]);
  return { items, mine };
}

function renderBallot(
  request: Request,
  loaded: LoadedSwot,
  { items, mine }: Awaited<ReturnType<typeof loadBallots>>,
  quadrant: SwotQuadrant,
  happened?: string,
): View {
  const { ctx, actor } = request;
  const t = actor.t.swot;
  const settings = swotSettings(loaded.dialogue);
  const inQuadrant = shownItems(items).filter((i) => i.quadrant === quadrant);
  const lines: ListItem[] = inQuadrant.slice(0, BALLOT_ITEMS).map((item) => {
    const dots = mine.perItem.get(item.id) ?? 0;
    const buttons: Button[] = [
      { label: t.buttons.voteOne, action: { id: 'swot.vote', value: item.id }, style: 'primary' },
    ];
    if (dots > 0)
      buttons.push({ label: t.buttons.withdrawOne, action: { id: 'swot.unvote', value: item.id } });
    return { text: `${dotMarks(dots)}${item.text}`, buttons };
  });
  const title = t.ballot.title({ quadrant: t.quadrants[quadrant] });
  return {
    summary: happened ?? title,
    blocks: [
      { type: 'header', text: title },
      ...(happened ? [{ type: 'text' as const, text: happened }] : []),
      {
        type: 'context',
        text: remainingLine(
          request,
          settings.votesPerPerson - mine.used,
          settings.votesPerPerson,
          settings.maxPerItem,
        ),
      },
      {
        type: 'context',
        text: t.next.resultsHidden({ threshold: ctx.settings.anonymityThreshold }),
      },
      lines.length === 0 ? { type: 'text', text: t.nothingYet } : { type: 'list', items: lines },
    ],
  };
}

const dotMarks = (dots: number): string => (dots > 0 ? `${'●'.repeat(dots)} ` : '');

function remainingLine(request: Request, left: number, of: number, max: number): string {
  return request.actor.t.swot.ballot.remaining({ left, of, max });
}

/** Button "+1": one dot on the item, within both limits, which the database enforces. */
export async function castVote(request: ActionRequest): Promise<Outcome> {
  const checked = await checkVoting(request, await loadItem(request, request.action.value));
  if (!checked.ok) return checked.outcome;
  const { loaded } = checked;
  const { ctx, actor } = request;
  const t = actor.t.swot;
  if (loaded.item.mergedIntoId) return outcome(note(t.itemMerged));
  const settings = swotSettings(loaded.dialogue);
  const cast = await inPhase(ctx.db, loaded.dialogue, ['vote'], (tx) =>
    castSwotVote(tx, {
      dialogueId: loaded.dialogue.id,
      itemId: loaded.item.id,
      voterId: actor.person.id,
      votesPerPerson: settings.votesPerPerson,
      maxPerItem: settings.maxPerItem,
    }),
  );
  if (!cast.ok) return outcome(note(actor.t.dialogue.phaseMovedMeanwhile));
  const result = cast.value;
  const quadrant = loaded.item.quadrant;
  if (!result.ok) {
    const text =
      result.reason === 'no-votes-left'
        ? t.ballot.noVotesLeft({ of: settings.votesPerPerson })
        : t.ballot.itemFull({ max: settings.maxPerItem });
    return replacing(await ballotView(request, loaded, quadrant, text));
  }
  const text = t.ballot.cast({
    item: loaded.item.text,
    dots: result.dots,
  });
  const ballot = await refreshBallots(request, loaded, quadrant, text);
  return withUpdate(request, loaded.dialogue, {
    kind: 'replace',
    view: ballot,
    key: privateCardKey(loaded.dialogue, actor.person.id, `ballot:${quadrant}`),
  });
}

/** Button "take back": one of this person's dots off the item. */
export async function withdrawVote(request: ActionRequest): Promise<Outcome> {
  const checked = await checkVoting(request, await loadItem(request, request.action.value));
  if (!checked.ok) return checked.outcome;
  const { loaded } = checked;
  const { ctx, actor } = request;
  const t = actor.t.swot;
  const withdrawn = await inPhase(ctx.db, loaded.dialogue, ['vote'], (tx) =>
    withdrawSwotVote(tx, {
      dialogueId: loaded.dialogue.id,
      itemId: loaded.item.id,
      voterId: actor.person.id,
    }),
  );
  if (!withdrawn.ok) return outcome(note(actor.t.dialogue.phaseMovedMeanwhile));
  const quadrant = loaded.item.quadrant;
  if (!withdrawn.value.ok) {
    return replacing(await ballotView(request, loaded, quadrant, t.ballot.noVoteHere));
  }
  const text = t.ballot.withdrawn({
    item: loaded.item.text,
    dots: withdrawn.value.dots,
  });
  const ballot = await refreshBallots(request, loaded, quadrant, text);
  return withUpdate(request, loaded.dialogue, {
    kind: 'replace',
    view: ballot,
    key: privateCardKey(loaded.dialogue, actor.person.id, `ballot:${quadrant}`),
  });
}

/**
 * Every ballot the person was shown says how many votes are left: each is updated through the
 * outbox, so no card keeps an old "4 av 5 röster kvar". The one just voted on (returned, with
 * what happened on top) is replaced in place by the reply, and queued too: an update of it
 * queued by an earlier vote elsewhere must not land after the reply and bring its older count
 * back (the newest version wins).
 */
async function refreshBallots(
  request: Request,
  loaded: LoadedSwot,
  voted: SwotQuadrant,
  happened: string,
): Promise<View> {
  const { ctx, actor } = request;
  const keyOf = (quadrant: SwotQuadrant) =>
    privateCardKey(loaded.dialogue, actor.person.id, `ballot:${quadrant}`);
  const [ballots, shown] = await Promise.all([
    loadBallots(request, loaded),
    listPostedKeysWithPrefix(ctx.db, {
      prefix: privateCardKey(loaded.dialogue, actor.person.id, 'ballot:'),
    }),
  ]);
  const render = (quadrant: SwotQuadrant) =>
    renderBallot(request, loaded, ballots, quadrant, quadrant === voted ? happened : undefined);
  for (const quadrant of swotQuadrants) {
    if (!shown.includes(keyOf(quadrant))) continue;
    await enqueueMessageUpdate(ctx.db, {
      messageKey: keyOf(quadrant),
      view: render(quadrant),
      now: ctx.now,
    });
  }
  return render(voted);
}

/** Button "my votes": where this person's dots are, privately, with take-back buttons. */
export async function showMyVotes(request: ActionRequest): Promise<Outcome> {
  const checked = await checkVoting(request, await loadSwot(request, request.action.value));
  if (!checked.ok) return checked.outcome;
  const { loaded } = checked;
  const { ctx, actor } = request;
  const t = actor.t.swot;
  const settings = swotSettings(loaded.dialogue);
  const [items, mine] = await Promise.all([
    listSwotItems(ctx.db, { dialogueId: loaded.dialogue.id }),
    listVotesOfVoter(ctx.db, { dialogueId: loaded.dialogue.id, voterId: actor.person.id }),
  ]);
  const voted = items.filter((item) => mine.perItem.has(item.id));
  const lines: ListItem[] = voted.map((item) => ({
    text: `${dotMarks(mine.perItem.get(item.id)!)}${t.quadrants[item.quadrant]}: ${item.text}`,
    buttons: [{ label: t.buttons.withdrawOne, action: { id: 'swot.unvote', value: item.id } }],
  }));
  return outcome({
    kind: 'private',
    view: {
      summary: t.buttons.myVotes,
      blocks: [
        { type: 'header', text: t.buttons.myVotes },
        {
          type: 'context',
          text: remainingLine(
            request,
            settings.votesPerPerson - mine.used,
            settings.votesPerPerson,
            settings.maxPerItem,
          ),
        },
        lines.length === 0
          ? { type: 'text', text: t.ballot.noVotesYet }
          : { type: 'list', items: lines },
      ],
    },
  });
}
